// The bundled course's structure: its parts in order, a diagram for every figure of the
// original, notes on every content slide, and the facts the source outline's checklist names.
import {readFileSync} from 'node:fs';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {openDeck, slideHead} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import type {Slide} from '../../src/deck/types.js';

const text = readFileSync(new URL('../../decks/virtualization.md', import.meta.url), 'utf8');
const deck = openDeck(text, 'decks/virtualization.md');
const slides: Slide[] = Array.from({length: deck.count}, (_, i) => parseSlide(deck, i));
const diagrams = (slide: Slide) => slide.blocks.flatMap(block => (block.kind === 'diagram' ? [block.lines.join('\n')] : []));

describe('the bundled lecture', () => {
	it('has the parts of the original, in order, as section slides', () => {
		expect(slides.filter(slide => slide.head.isSection).map(slide => slide.title)).toEqual([
			'History of Virtual Machines',
			'Goals and Usages',
			'Virtualization Taxonomy',
			'Process-Level Virtualization: ABI Emulation',
			'Process-Level Virtualization: Virtual Servers',
			'System-Level: Transparent Hardware Emulation',
			'System-Level: Transparent Hardware Virtualization',
			'System-Level: Paravirtualization',
			'System-Level: Hardware-Assisted Virtualization',
			'Intel VT-d: Directed I/O',
			'Device Virtualization and SR-IOV',
			'Conclusion',
		]);
	});

	it('credits the original authors on the title slide and says it is adapted', () => {
		const title = slides[0]!;
		expect(title.title).toBe('System Virtualization and OS Virtual Machines');
		expect(title.bodyText).toMatch(/Ivan Boule/);
		expect(title.bodyText).toMatch(/Olivier Matz/);
		expect(title.bodyText).toMatch(/6WIND/);
		expect(title.bodyText).toMatch(/adapt/i);
	});

	it('has speaker notes on every content slide', () => {
		const missing = slides.filter(slide => !slide.head.isSection && slide.notesText.trim().length < 80).map(slide => slide.title);
		expect(missing).toEqual([]);
	});

	it('keeps every diagram within 76 columns and 18 rows', () => {
		for (const slide of slides) {
			for (const diagram of diagrams(slide)) {
				const lines = diagram.split('\n');
				expect(lines.length, slide.title).toBeLessThanOrEqual(18);
				expect(Math.max(...lines.map(line => stringWidth(line))), slide.title).toBeLessThanOrEqual(76);
			}
		}
	});

	// Each figure of the original, found by what its redrawn diagram must show.
	const figures: ReadonlyArray<[string, RegExp, ...RegExp[]]> = [
		['layer stack', /hardware/i, /(hypervisor|VMM)/, /guest/i],
		['hosted VMM', /host OS|host kernel|native OS/i, /VMM|hypervisor/i],
		['standalone (bare-metal) VMM', /hardware/i, /VMM|hypervisor|ESX/i],
		['process vs system VMs', /process/i, /system/i],
		['trap-and-emulate', /trap/i, /emulat/i],
		['interpretation', /fetch|decode/i],
		['binary translation', /translat/i, /cache/i],
		['x86 two-level page walk of 0x12345678', /0x48/, /0x345/],
		['page offset 0x678', /0x678/],
		['shadow page tables', /shadow/i],
		['ballooning', /balloon/i],
		['Xen front/back-end drivers', /front/i, /back/i],
		['VT-x root / non-root with VMCS', /root/i, /VMCS/],
		['VM entry / exit', /VM ?entry|entry/i, /VM ?exit|exit/i],
		['EPT walk', /EPT/],
		['VT-d DMA remapping', /DMA/, /remap|IOMMU/i],
		['SR-IOV physical and virtual functions', /\bPF\b|physical function/i, /\bVF/],
	];
	for (const [figure, ...patterns] of figures) {
		it(`redraws the figure "${figure}" as a diagram`, () => {
			const found = slides.some(slide => diagrams(slide).some(diagram => patterns.every(pattern => pattern.test(diagram))));
			expect(found).toBe(true);
		});
	}

	it('builds up the page walk and the VM-exit sequence with pauses', () => {
		const paused = slides.filter(slide => slideHead(deck, slide.head.index).steps > 1).map(slide => slide.title);
		expect(paused.some(title => /walk|MMU/i.test(title))).toBe(true);
		expect(paused.some(title => /exit|VT-x CPU/i.test(title))).toBe(true);
	});

	it('carries the facts of the source checklist', () => {
		const all = slides.map(slide => `${slide.title}\n${slide.bodyText}\n${slide.notesText}`).join('\n');
		for (const fact of ['VM/370', 'TIMI', 'AS/400', 'EC2', 'Qubes', 'Wine', 'Cygwin', 'INT 0x80', 'SYSENTER', 'qemu-ppc', 'LXC', 'OpenVZ', 'Jail',
			'68K', 'Itanium', 'popf', 'CR3', '1024', 'vmxnet3', 'VPID', 'VMCS', 'requester ID', 'Niantic', 'SR-IOV', 'balloon', 'migration']) {
			expect(all, fact).toContain(fact);
		}
	});
});
