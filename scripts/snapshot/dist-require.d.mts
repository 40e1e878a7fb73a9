export function distPrepare(name: 'ink' | 'lowlight'): void;
export function distRequire(file: string): unknown;
