// Explicit markup blocks (lines starting `.. `): comments, hyperlink targets, substitution
// definitions, footnotes and directives. A directive's lines are split into its argument,
// its options and its content, as docutils does, before directives.ts decides what it means.
import {directiveNode} from './directives.js';
import {dedent, indentedEnd, isBlank, joinText, trimBlank, warn, type Line, type ParseContext} from './lines.js';
import {normalizeName, type Node} from './nodes.js';
import {parseBlocks} from './blocks.js';
import {pushAll} from '../../deck/arrays.js';
import {group, itemAt} from '../../deck/checked.js';

export type Directive = Readonly<{
	name: string;
	/** 1-based line of the `.. name::` line. */
	line: number;
	/** The argument: the text after `::` and the lines up to the options or a blank line. */
	argument: string;
	options: ReadonlyMap<string, string>;
	/** The content block, dedented; for directives that take no argument it starts with the `::` line's text. */
	content: readonly Line[];
	/** The whole block as written, for keeping it verbatim. */
	source: string;
}>;

const directivePattern = /^([A-Za-z0-9](?:[-_+:.]?[A-Za-z0-9])*)\s?::(?:\s+(.*))?$/;
const targetPattern = /^_(?:`([^`]+)`|([^:`]*)):(?:\s+(.*))?$/;
const substitutionPattern = /^\|([^|]+)\|\s+([A-Za-z0-9][-\w.:+]*)::(?:\s+(.*))?$/;
const footnotePattern = /^\[([^\]\s]+)\](?:\s+(.*))?$/;
const optionPattern = /^:([^:]+):(?:\s+(.*))?$/;

export function parseExplicit(lines: readonly Line[], start: number, context: ParseContext, depth: number, out: Node[]): number {
	const first = itemAt(lines, start);
	// A lone `..` followed by a blank line is an empty comment: it only ends the block before.
	if (first.text === '..' && (start + 1 >= lines.length || isBlank(lines[start + 1]))) {
		return start + 1;
	}

	const end = indentedEnd(lines, start + 1);
	const rest = first.text.slice(2).trim();
	const block = dedent(lines.slice(start + 1, end));
	const source = joinText([first, ...lines.slice(start + 1, end)]);
	const line = first.line;

	const target = targetPattern.exec(rest);
	if (target) {
		const name = target[1] ?? group(target, 2);
		const url = [target[3] ?? '', ...block.map(part => part.text.trim())].join('');
		if (url !== '') {
			if (name === '_' || name === '') {
				context.anonymousTargets.push(url);
			} else {
				context.targets.set(normalizeName(name), url);
			}
		}

		out.push({kind: 'comment', line, text: source});
		return end;
	}

	if (rest.startsWith('__ ')) {
		context.anonymousTargets.push([rest.slice(3), ...block.map(part => part.text.trim())].join('').trim());
		out.push({kind: 'comment', line, text: source});
		return end;
	}

	const substitution = substitutionPattern.exec(rest);
	if (substitution) {
		if (substitution[2] === 'replace') {
			context.substitutions.set(
				normalizeName(group(substitution, 1)),
				[substitution[3] ?? '', ...block.map(part => part.text.trim())].join(' ').trim(),
			);
			out.push({kind: 'comment', line, text: source});
		} else {
			warn(context, line, `substitution "${substitution[1]}" (${substitution[2]}::) is not converted: kept as a text block`);
			out.push({kind: 'unknown', line, text: source, reason: 'substitution'});
		}

		return end;
	}

	const footnote = footnotePattern.exec(rest);
	if (footnote) {
		const body = [{text: footnote[2] ?? '', line}, ...block];
		out.push({
			kind: 'definitions',
			line,
			items: [{term: `[${footnote[1]}]`, classifiers: [], body: parseBlocks(body, context, depth + 1)}],
		});
		return end;
	}

	const directive = directivePattern.exec(rest);
	if (directive) {
		pushAll(out, directiveNode(splitDirective(group(directive, 1).toLowerCase(), directive[2] ?? '', line, block, source), context, depth));
		return end;
	}

	out.push({kind: 'comment', line, text: source});
	return end;
}

function splitDirective(name: string, firstLine: string, line: number, block: readonly Line[], source: string): Directive {
	let i = 0;
	const argument = [firstLine];
	while (i < block.length && !isBlank(block[i]) && !optionPattern.test(itemAt(block, i).text)) {
		argument.push(itemAt(block, i).text.trim());
		i++;
	}

	const argumentLines: Line[] = [{text: firstLine, line}, ...block.slice(0, i)];
	const options = new Map<string, string>();
	while (i < block.length && !isBlank(block[i])) {
		const option = optionPattern.exec(itemAt(block, i).text);
		if (!option) {
			break;
		}

		let value = option[2] ?? '';
		i++;
		while (i < block.length && !isBlank(block[i]) && /^\s/.test(itemAt(block, i).text)) {
			value += ` ${itemAt(block, i).text.trim()}`;
			i++;
		}

		options.set(group(option, 1).trim().toLowerCase(), value.trim());
	}

	const content = trimBlank(block.slice(i));
	return {
		name,
		line,
		argument: argument.join(' ').trim(),
		options,
		content: takesArgument(name)
			? content
			: trimBlank([...argumentLines, ...(content.length > 0 && argumentLines.length > 0 ? [{text: '', line}] : []), ...content]),
		source,
	};
}

/** Directives whose first line is an argument (a file, a title, a language), not content. */
function takesArgument(name: string): boolean {
	return ![
		'note',
		'notes',
		'speaker-notes',
		'speaker_notes',
		'speakernotes',
		'notslides',
		'ifnotslides',
		'ifslides',
		'slides',
		'attention',
		'caution',
		'danger',
		'error',
		'hint',
		'important',
		'tip',
		'warning',
		'seealso',
		'todo',
		'compound',
		'epigraph',
		'highlights',
		'pull-quote',
		'math',
		'parsed-literal',
		'line-block',
		'tabularcolumns',
	].includes(name);
}
