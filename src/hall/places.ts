// Where talks live: one Unix socket per talk, `NAME.sock`, in a private folder of the
// leader's ($XDG_RUNTIME_DIR/lectern, else a folder of its own in the temp directory), or for
// a talk opened to a group (`--group NAME`) in a folder of the temp directory that only the
// leader can write to and only that group can read. Never TCP.
import {execFileSync} from 'node:child_process';
import {chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, type Stats} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {LecternError, exitCodes} from '../cli/errors.js';

const validName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A talk name from the user, checked: it becomes a file name. */
export function checkTalkName(name: string): string {
	if (!validName.test(name)) {
		throw new LecternError(`"${name}" cannot name a talk: use letters, digits, . _ and - (at most 64, starting with a letter or digit)`, {
			code: exitCodes.usage,
		});
	}

	return name;
}

/** The default talk name: the deck's file name without `.md`, made a valid name. */
export function talkNameFor(deckFile: string): string {
	const stem = basename(deckFile)
		.replace(/\.(?:md|markdown)$/i, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/^[^A-Za-z0-9]+/, '')
		.slice(0, 64);
	return stem === '' ? 'talk' : stem;
}

function uid(): number {
	return process.getuid?.() ?? 0;
}

/** The leader's own folder (only the same user may enter it). */
export function privateTalkDir(env: NodeJS.ProcessEnv = process.env): string {
	const runtime = env['XDG_RUNTIME_DIR'];
	return runtime?.startsWith('/') ? join(runtime, 'lectern') : join(tmpdir(), `lectern-${uid()}`);
}

/** A group talk's folder: the leader's, readable by that group. */
export function groupTalkDir(group: string): string {
	return join(tmpdir(), `lectern-${uid()}.${group}`);
}

const groupDirPattern = /^lectern-(\d+)\.([A-Za-z0-9._-]+)$/;

/** Resolve a group name (or number) to its id, through the system's own lookup. */
export function groupId(group: string): number {
	if (/^\d+$/.test(group)) {
		return Number(group);
	}

	if (!validName.test(group)) {
		throw new LecternError(`--group ${group}: not a group name`, {code: exitCodes.usage});
	}

	let line: string | undefined;
	try {
		line = execFileSync('getent', ['group', group], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000}).split('\n')[0];
	} catch {
		// No getent (or no such group): /etc/group covers the usual case.
		try {
			line = readFileSync('/etc/group', 'utf8')
				.split('\n')
				.find(entry => entry.startsWith(`${group}:`));
		} catch {}
	}

	const gid = line?.split(':')[2];
	if (gid === undefined || !/^\d+$/.test(gid)) {
		throw new LecternError(`--group ${group}: no such group on this machine`, {code: exitCodes.usage});
	}

	return Number(gid);
}

/**
 * Make (or check) a talk folder: a real directory, ours, with exactly `mode`, so nobody else
 * can have put a socket there or can replace one.
 */
export function ensureTalkDir(dir: string, mode: number, gid?: number): void {
	try {
		mkdirSync(dir, {recursive: true, mode});
	} catch (error) {
		throw new LecternError(`cannot create the talk folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {file: dir});
	}

	const stat = lstatSync(dir);
	if (!stat.isDirectory() || stat.uid !== uid()) {
		throw new LecternError('the talk folder is not a directory of yours: remove it, or set XDG_RUNTIME_DIR', {file: dir});
	}

	try {
		if (gid !== undefined && stat.gid !== gid) {
			chownSync(dir, -1, gid);
		}

		if ((stat.mode & 0o777) !== mode) {
			chmodSync(dir, mode);
		}
	} catch (error) {
		throw new LecternError(
			`cannot give the talk folder to the group (${(error as NodeJS.ErrnoException).code ?? 'error'}): are you a member of it?`,
			{file: dir, code: exitCodes.usage},
		);
	}
}

export type TalkPlace = Readonly<{name: string; socket: string; owner: number; group?: string}>;

/** Folders a follower may look in: its own, and group talks' folders that look right. */
function candidateDirs(): Array<{dir: string; owner: number; group?: string}> {
	const dirs: Array<{dir: string; owner: number; group?: string}> = [{dir: privateTalkDir(), owner: uid()}];
	let entries: string[] = [];
	try {
		entries = readdirSync(tmpdir());
	} catch {}

	for (const entry of entries) {
		const match = groupDirPattern.exec(entry);
		if (!match) {
			continue;
		}

		const dir = join(tmpdir(), entry);
		let stat: Stats;
		try {
			stat = lstatSync(dir);
		} catch {
			continue;
		}

		// Only the owner named in the folder's name may write to it.
		if (stat.isDirectory() && stat.uid === Number(match[1]) && (stat.mode & 0o022) === 0) {
			dirs.push({dir, owner: stat.uid, group: match[2]});
		}
	}

	return dirs;
}

/** The talks whose sockets this user can see (a socket may still be stale: connecting tells). */
export function listTalkPlaces(): TalkPlace[] {
	const places: TalkPlace[] = [];
	for (const {dir, owner, group} of candidateDirs()) {
		let names: string[];
		try {
			names = readdirSync(dir);
		} catch {
			continue;
		}

		for (const file of names.sort()) {
			const name = file.endsWith('.sock') ? file.slice(0, -5) : '';
			if (!validName.test(name)) {
				continue;
			}

			const socket = join(dir, file);
			try {
				if (lstatSync(socket).isSocket()) {
					places.push({name, socket, owner, ...(group === undefined ? {} : {group})});
				}
			} catch {}
		}
	}

	return places;
}
