// Lists, drawn here rather than by marked-terminal: each list numbers its own items (a nested
// list starts again at its own start, bullets inside a numbered list stay bullets), every
// block of an item (a code fence, a quote, a nested list) is laid out as a block of its own
// under the item's text, and the item's continuation lines hang under its text.
import type {Token, Tokens} from 'marked';
import {maxOf, pushAll} from '../deck/arrays.js';
import {cellWidth} from './text.js';
import type {Theme} from './theme.js';

export type BlockRenderer = (token: Token, width: number, theme: Theme, depth: number) => string[];

/** A tight item's text token, as the paragraph it is. */
function asParagraph(token: Tokens.Text): Token {
	return {
		type: 'paragraph',
		raw: token.raw,
		text: token.text,
		tokens: token.tokens ?? [{type: 'text', raw: token.raw, text: token.text, escaped: false}],
	} as Tokens.Paragraph;
}

/** An item's blocks, without the checkbox marked puts in front of a task item's text. */
function itemBlocks(item: Tokens.ListItem): Token[] {
	return item.tokens
		.filter(block => block.type !== 'space' && block.type !== 'checkbox')
		.map(block => {
			const inline = (block as {tokens?: Token[]}).tokens;
			return inline?.some(child => child.type === 'checkbox')
				? ({...block, tokens: inline.filter(child => child.type !== 'checkbox')} as Token)
				: block;
		});
}

export function renderList(list: Tokens.List, width: number, theme: Theme, depth: number, renderBlock: BlockRenderer): string[] {
	const start = list.ordered && list.start !== '' ? Number(list.start) : 1;
	const markers = list.items.map((item, i) => {
		const marker = list.ordered ? `${start + i}.` : theme.glyphs.bullet[depth % theme.glyphs.bullet.length]!;
		return item.task ? `${marker} ${checkbox(item.checked === true, theme)}` : marker;
	});
	// A list stands two cells in from the text around it; a nested one hangs under its item's text.
	const lead = depth === 0 && width > 20 ? '  ' : '';
	const markerWidth = maxOf(markers.map(cellWidth), 0) + 1;
	const inner = Math.max(1, width - lead.length - markerWidth);
	const lines: string[] = [];
	list.items.forEach((item, i) => {
		if (i > 0 && list.loose) {
			lines.push('');
		}

		const body: string[] = [];
		itemBlocks(item).forEach((block, k) => {
			if (k > 0 && list.loose && block.type !== 'list') {
				body.push('');
			}

			if (block.type === 'list') {
				pushAll(body, renderList(block as Tokens.List, inner, theme, depth + 1, renderBlock));
			} else {
				pushAll(body, renderBlock(block.type === 'text' ? asParagraph(block as Tokens.Text) : block, inner, theme, depth + 1));
			}
		});
		const marker = markers[i]!;
		const pad = lead + ' '.repeat(markerWidth);
		// Numbers line up on their right edge (9. and 10.), bullets on their left.
		const shown = list.ordered ? marker.padStart(markerWidth - 1) : marker.padEnd(markerWidth - 1);
		lines.push(`${lead}${shown} ${body[0] ?? ''}`.trimEnd());
		pushAll(
			lines,
			body.slice(1).map(line => (line === '' ? '' : pad + line)),
		);
	});
	return lines;
}

function checkbox(checked: boolean, theme: Theme): string {
	if (theme.ascii) {
		return checked ? '[x]' : '[ ]';
	}

	return checked ? '☑' : '☐';
}
