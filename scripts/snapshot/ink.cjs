// dist/snapshot-ink.cjs (scripts/build.mjs): Ink and the React it renders with, read from disk
// after the first frame. The snapshot's script gets both from here (its `ink` and `react`), so
// there is one React.
module.exports = {ink: require('ink'), react: require('react')};
