export const lazyHelpers: string;
export const startupPatches: ReadonlyArray<{file: string; from: string; to: string}>;
export const snapshotPatches: ReadonlyArray<{file: string; from: string; to: string}>;
export function patchedPackage(file: string): string;
