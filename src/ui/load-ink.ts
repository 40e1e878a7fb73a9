// Ink and the App, loaded after the first frame (Ink's Yoga is a stand-in: src/ui/yoga-stand-in.ts).
import {nextTurn} from '../slices.js';

/**
 * In a run from the start-up snapshot, Ink's file (dist/snapshot-ink.cjs, with React) is read
 * and compiled in this turn and run in the next: in one turn they were one stretch of 35-37 ms
 * CPU on an idle machine, 68-92 ms under load (bench/stalls.mjs). Elsewhere the turn is all.
 * (dist-require.mjs is imported when needed: imported statically, the snapshot evaluated it and
 * grew by 38 KB.)
 */
export async function loadInk() {
	(await import('../../scripts/snapshot/dist-require.mjs')).distPrepare('ink');
	await nextTurn();
	return Promise.all([import('ink'), import('./App.js')]);
}
