// Loads one of the CommonJS files built next to the snapshot's script (dist/snapshot-*.cjs)
// from disk, as a run needs it: the large packages the first frame does not use stay out of
// the snapshot, whose size is start-up time (reading and deserialising it).
import {createRequire} from 'node:module';

let requireFromDist;

export function distRequire(file) {
	requireFromDist ??= createRequire(globalThis.__lecternModuleUrl);
	return requireFromDist(file);
}
