// The handout page's one script, inlined and allowed by its hash in the page's
// Content-Security-Policy. The page reads without it; where it runs it adds keys: ← and →
// (previous and next slide), / (search the slides and their notes: the slides without every
// word are hidden), o (the outline as a panel), Esc (close either). It never writes markup:
// it only shows, hides and scrolls what the page already holds.

export const pageScript = `
(() => {
	'use strict';
	const slides = Array.from(document.querySelectorAll('main > section.slide'));
	const bar = document.querySelector('.searchbar');
	const input = document.getElementById('search');
	const count = document.getElementById('search-count');
	const keys = document.querySelector('.keys');
	if (!bar || !input || !count) return;
	bar.hidden = false;
	if (keys) keys.hidden = false;
	const fold = text => text.normalize('NFKD').replace(/\\p{M}/gu, '').toLowerCase();
	let texts;
	const shown = () => slides.filter(slide => !slide.hidden);
	const current = () => {
		const visible = shown();
		let at = -1;
		for (let i = 0; i < visible.length; i++) {
			if (visible[i].getBoundingClientRect().top <= 64) at = i;
			else break;
		}
		return {visible, at};
	};
	const go = slide => {
		if (!slide) return;
		slide.scrollIntoView({block: 'start'});
		history.replaceState(null, '', '#' + slide.id);
	};
	const search = () => {
		texts ??= slides.map(slide => fold(slide.textContent));
		const words = fold(input.value).split(/\\s+/).filter(Boolean);
		let found = 0;
		slides.forEach((slide, i) => {
			slide.hidden = words.length > 0 && !words.every(word => texts[i].includes(word));
			if (!slide.hidden) found++;
		});
		count.textContent = words.length === 0 ? '' : found + ' of ' + slides.length + ' slides';
	};
	const clear = () => {
		input.value = '';
		search();
	};
	input.addEventListener('input', search);
	input.addEventListener('keydown', event => {
		if (event.key === 'Enter') {
			event.preventDefault();
			go(shown()[0]);
			input.blur();
		} else if (event.key === 'Escape') {
			clear();
			input.blur();
		}
	});
	const outline = document.querySelector('nav.outline');
	const closeOutline = () => document.body.classList.remove('outline-open');
	if (outline) outline.addEventListener('click', event => {
		if (event.target.closest('a')) closeOutline();
	});
	document.addEventListener('keydown', event => {
		if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
		if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
		const {visible, at} = current();
		if (event.key === 'ArrowRight') {
			go(visible[Math.min(at + 1, visible.length - 1)]);
		} else if (event.key === 'ArrowLeft') {
			go(visible[Math.max(at - 1, 0)]);
		} else if (event.key === '/') {
			input.focus();
			input.select();
		} else if (event.key === 'o') {
			// As a panel, the outline shows every slide's title.
			if (document.body.classList.toggle('outline-open') && outline) {
				for (const details of outline.querySelectorAll('details')) details.open = true;
			}
		} else if (event.key === 'Escape') {
			closeOutline();
			if (input.value !== '') clear();
		} else {
			return;
		}
		event.preventDefault();
	});
	// A printed handout shows every answer.
	window.addEventListener('beforeprint', () => {
		for (const details of document.querySelectorAll('details')) details.open = true;
	});
})();
`;
