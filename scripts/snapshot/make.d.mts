// Types for make.mjs's exports (the tests import them).
/** The builtins of Node's own whose code cache the snapshot keeps. */
export const cachedBuiltins: ReadonlySet<string>;
/** The code cache vector at the end of a Node 20 snapshot blob, or undefined. */
export function codeCacheEntries(blob: Buffer): {start: number; entries: Array<{id: string; start: number; end: number}>} | undefined;
/** The blob with only the code cache of the builtins in `keep`; undefined when its layout is not known. */
export function pruneCodeCache(blob: Buffer, keep?: ReadonlySet<string>): Buffer | undefined;
/** The V8 flags bin/lectern runs the snapshot with. */
export function launcherFlags(): string[];
