// What Ink gets for `yoga-layout` in the built bundles (scripts/build.mjs maps the import here).
// Ink lays out its element tree with Yoga, a flexbox engine compiled to WebAssembly. Lectern's
// tree holds no Ink element (Screen paints the composed rows itself, and what Ink writes goes to
// a stand-in stdout and is dropped: commands/present.tsx), so that layout is never read: Ink
// only ever sizes its empty root. Compiling and instantiating Yoga after the first frame cost
// about 7 MiB of the presenter's peak memory (Node's WebAssembly compiler paged in, the compiled
// module, its memory) and delayed the first key. Here every call on a layout node does nothing
// and every question answers 0; the constants Ink passes along are left undefined.
// (The tests run Ink from source, with the real Yoga.)

/** Any method Ink calls on a node: setters ignore their arguments, getters say 0. */
const answerZero = (): number => 0;

const layoutNode: object = new Proxy(
	{},
	{
		// `then` stays undefined, so a node is never taken for a promise.
		get: (_target, name) => (name === 'then' ? undefined : answerZero),
	},
);

const Yoga = {
	Node: {
		create: (): object => layoutNode,
	},
};

export default Yoga;
