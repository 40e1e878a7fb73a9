// Command-line options of `npm run bench` (node:util's parseArgs; no dependency).
import path from 'node:path';
import {parseArgs} from 'node:util';
import {parseSize, repoRoot} from './env.mjs';

const HELP = `usage: npm run bench -- [options]
  --size COLSxROWS     pseudo-terminal size (default 100x30)
  --repeat R           runs per tool and deck size (default 5; 10,000 slides: at most 2, then Lectern and the floor alone for first frames)
  --keys K             key presses per run (default 20; 10,000 slides: at most 5)
  --quick              1 repeat, 5 keys, 10- and 100-slide decks only (a smoke run)
  --sizes LIST         deck sizes (default 10,100,1000,10000)
  --peers LIST         peers to run if installed (default mdp-nofade,patat,lookatme)
  --timeout S          seconds to wait for a first slide or a key's frame (default 30);
                       a peer that misses it in the warm-up run is skipped at that size
  --settle MS          silence that ends a frame, for bytes/key (default 150)
  --with-ink-floor     also run the ink-deck / ink-deck-incr floors (also on when INK_FLOOR_DIR is set)
  --no-own             only the ptybench comparison, not Lectern's own measurements
  --first-frames       only first frames: the ptybench comparison and the lecture row (issue 18's start-up target)
  --snapshot           measure a copy of dist/ taken at the start (safe against rebuilds during the run)
  --lecture FILE       deck for the lecture first-frame row (default decks/virtualization.md)
  --lecture-marker T   text that means its first slide is drawn (default: its first heading)
  --followers N        followers in the lecture-hall measurement (default 200; --quick: 20; 0: skip it)
  --followers-only     run only the lecture-hall measurement
  --compare            compare with bench/baseline.json; exit 1 on a regression over 10%
  --save-baseline      write this run's Lectern figures to bench/baseline.json`;

export function fail(message) {
	console.error(`bench: ${message}`);
	process.exit(2);
}

export function options() {
	let v;
	try {
		({values: v} = parseArgs({
			options: {
				size: {type: 'string', default: '100x30'},
				repeat: {type: 'string', default: '5'},
				keys: {type: 'string', default: '20'},
				quick: {type: 'boolean', default: false},
				sizes: {type: 'string', default: '10,100,1000,10000'},
				peers: {type: 'string', default: 'mdp-nofade,patat,lookatme'},
				timeout: {type: 'string', default: '30'},
				settle: {type: 'string', default: '150'},
				'with-ink-floor': {type: 'boolean', default: false},
				'no-own': {type: 'boolean', default: false},
				'first-frames': {type: 'boolean', default: false},
				snapshot: {type: 'boolean', default: false},
				lecture: {type: 'string', default: path.join('decks', 'virtualization.md')},
				'lecture-marker': {type: 'string'},
				compare: {type: 'boolean', default: false},
				'save-baseline': {type: 'boolean', default: false},
				followers: {type: 'string'},
				'followers-only': {type: 'boolean', default: false},
				help: {type: 'boolean', short: 'h', default: false},
			},
		}));
	} catch (e) {
		fail(`${e.message} (see --help)`);
	}
	if (v.help) {
		console.log(HELP);
		process.exit(0);
	}
	const int = (name, min) => {
		const n = Number(v[name]);
		if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number >= ${min}`);
		return n;
	};
	let size;
	try {
		size = parseSize(v.size);
	} catch (e) {
		fail(e.message);
	}
	const sizes = v.quick ? [10, 100] : v.sizes.split(',').map(s => Number(s.trim()));
	if (sizes.some(n => !Number.isInteger(n) || n < 2)) fail('--sizes takes whole numbers >= 2, e.g. 10,100,1000');
	return {
		size,
		repeat: v.quick ? 1 : int('repeat', 1),
		keys: v.quick ? 5 : int('keys', 1),
		quick: v.quick,
		sizes,
		peers: v.peers
			.split(',')
			.map(s => s.trim())
			.filter(Boolean),
		timeout: int('timeout', 1),
		settle: int('settle', 10),
		inkFloor: v['with-ink-floor'] || Boolean(process.env.INK_FLOOR_DIR),
		own: !v['no-own'],
		firstFramesOnly: v['first-frames'],
		snapshot: v.snapshot,
		lecture: path.resolve(repoRoot, v.lecture),
		lectureMarker: v['lecture-marker'],
		compare: v.compare,
		saveBaseline: v['save-baseline'],
		followers: v.followers === undefined ? (v.quick ? 20 : 200) : int('followers', 0),
		followersOnly: v['followers-only'],
	};
}
