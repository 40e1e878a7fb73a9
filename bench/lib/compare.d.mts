export const THRESHOLD: number;
export const SCALED: RegExp;
export interface Figures {
	metrics: Record<string, number>;
	floors?: Record<string, number>;
	floors_ms?: Record<string, number>;
	calibration?: {ms: number; rounds?: number} | undefined;
	machine?: {cpu: string; cpus: number; memGiB?: number; kernel: string; node: string} | undefined;
}
export interface Row {
	name: string;
	was?: number | undefined;
	base?: number | undefined;
	now?: number | undefined;
	change?: number | undefined;
	status: 'REGRESSION' | 'better' | 'ok' | 'new' | 'not measured';
}
export function machineContext(baseline: Figures, current: Figures): {speed: number; notes: string[]};
export function compare(baseline: Figures, current: Figures): Row[];
