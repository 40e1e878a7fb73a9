// What Ink's `import Yoga from 'yoga-layout'` gets in the snapshot bundle: the instance
// load-ink.mjs made before Ink's modules are evaluated.
export default globalThis.__lecternYoga;
