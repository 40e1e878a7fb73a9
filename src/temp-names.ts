// Hidden temp files written beside a file and renamed over it (the study state, export's page),
// named after the process and the host that write them, so that a later writer can remove one
// whose writer was killed outright (SIGKILL, a crash, a power cut) and leave a live writer's
// alone. Only this host's: a folder shared between machines (an NFS home, a volume mounted in
// several containers) holds other hosts' live temp files, whose process numbers mean nothing here.
// No node:crypto: requiring it costs a presenter 2 MiB of resident memory (see state/sha256.ts).
import {hostname} from 'node:os';
import {sha256Hex} from './state/sha256.js';

let hostTag: string | undefined;
let written = 0;

/**
 * This host, as 8 hex digits of a hash of its name: a fixed length, so that a temp name is only
 * 9 bytes longer than it was without it (a file name has at most 255).
 */
export function thisHost(): string {
	// Read at the first write, not when the module loads: the start-up snapshot holds this module.
	hostTag ??= sha256Hex(hostname()).slice(0, 8);
	return hostTag;
}

/**
 * `BASE.HOST.PID.UNIQUE.tmp`: a new temp name for a file whose final name starts with `base`.
 * HOST and PID tell writers apart; UNIQUE (hex) tells apart this process's names (a count) and
 * a process that had the same number before (the clock, in nanoseconds). It was 6 random bytes.
 */
export function tempName(base: string): string {
	written++;
	return `${base}.${thisHost()}.${process.pid}.${written.toString(16)}${process.hrtime.bigint().toString(16)}.tmp`;
}

/**
 * Whether `entry` (a name in the same folder) is a temp file for `base` that this host's
 * process wrote and is gone: only such a file is safe to remove.
 */
export function isStaleTemp(entry: string, base: string): boolean {
	if (!entry.startsWith(`${base}.`)) return false;
	const match = /^([\da-f]{8})\.(\d+)\.[\da-f]+\.tmp$/.exec(entry.slice(base.length + 1));
	return match !== null && match[1] === thisHost() && !isRunning(Number(match[2]));
}

function isRunning(pid: number): boolean {
	if (pid === process.pid) return true;
	if (!Number.isSafeInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: a process of another user has that number now.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
