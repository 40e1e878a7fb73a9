// Types for floor-rss.mjs, which the bench runs as plain JavaScript and a unit test imports.
export function floorArgv(shared: string, tool: string): string[];
export function exactPeakRss(o: {
	python: string;
	argv: string[];
	size: {cols: number; rows: number};
	runs: number;
	env: NodeJS.ProcessEnv;
}): {kib?: number[]; error?: string};
export function withExactRss<T extends {rssMiB?: number}>(summary: T, kib: number[] | undefined): T & {rssSampledMiB?: number};
