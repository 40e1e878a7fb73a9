// What src/cli/highlighter.ts's `import('lowlight')` gets in the snapshot bundle: lowlight
// (highlight.js and its grammars, about 1 MB) read from dist/ when a code slide needs it.
import {distRequire} from './dist-require.mjs';

const lowlight = distRequire('./snapshot-lowlight.cjs');
export const all = lowlight.all;
export const createLowlight = lowlight.createLowlight;
