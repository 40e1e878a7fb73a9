// The bundled course's structure: its parts in order, a diagram for every figure of the
// original, notes on every content slide, and the facts the source outline's checklist names.
import {readFileSync} from 'node:fs';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {openDeck, slideHead, slideSource} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import type {Slide} from '../../src/deck/types.js';
import {defined} from '../support/defined.js';

const text = readFileSync(new URL('../../decks/virtualization.md', import.meta.url), 'utf8');
const deck = openDeck(text, 'decks/virtualization.md');
const slides: Slide[] = Array.from({length: deck.count}, (_, i) => parseSlide(deck, i));
const diagrams = (slide: Slide) => slide.blocks.flatMap(block => (block.kind === 'diagram' ? [block.lines.join('\n')] : []));

describe('the bundled lecture', () => {
	it('has the parts of the original and the new one, in order, as section slides', () => {
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
			'Since 2013',
			'Conclusion',
		]);
	});

	it('credits the original authors on the title slide and says it is adapted', () => {
		const title = defined(slides[0]);
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
		for (const fact of [
			'VM/370',
			'TIMI',
			'AS/400',
			'EC2',
			'Qubes',
			'Wine',
			'Cygwin',
			'INT 0x80',
			'SYSENTER',
			'qemu-ppc',
			'LXC',
			'OpenVZ',
			'Jail',
			'68K',
			'Itanium',
			'popf',
			'CR3',
			'1024',
			'vmxnet3',
			'VPID',
			'VMCS',
			'requester ID',
			'Niantic',
			'SR-IOV',
			'balloon',
			'migration',
		]) {
			expect(all, fact).toContain(fact);
		}
	});
});

// The expert review of issue 15: each test fails on the 2013 text it corrects.
describe('the corrections of the 2026 edition', () => {
	const textOf = (slide: Slide) => `${slide.title}\n${slide.bodyText}\n${slide.notesText}`;
	const all = slides.map(slide => textOf(slide)).join('\n');
	const mentioning = (pattern: RegExp) => slides.filter(slide => pattern.test(textOf(slide)));

	it('guest CR3 reads trap (#GP) and are emulated; binary translation only makes them cheaper', () => {
		expect(all).not.toMatch(/CR3 reads are translated/i);
		expect(all).not.toMatch(/fixed by code translation/i);
		const shadow = mentioning(/shadow/i).filter(slide => /CR3 reads?|reads? (the )?CR3/i.test(textOf(slide)));
		expect(shadow.length).toBeGreaterThan(0);
		for (const slide of shadow) expect(textOf(slide), slide.title).toMatch(/#GP/);
		expect(all).toMatch(/cheaper/);
	});

	it('counts the EPT worst case as 24 = (4+1)(4+1) − 1 for x86-64, not 16', () => {
		expect(all).not.toMatch(/4 guest steps x 4 EPT = 16/);
		const grid = defined(mentioning(/\b24\b/).find(slide => /EPT/.test(slide.bodyText)));
		expect(grid.bodyText).toMatch(/\(4\+1\)\(4\+1\) − 1 = 24/);
		expect(grid.bodyText).toMatch(/x86-64/);
		expect(grid.bodyText).toMatch(/32-bit/);
	});

	it('calls Cells OS-level virtualization on one kernel and links it to the virtual servers', () => {
		for (const slide of mentioning(/\bCells\b/)) {
			expect(textOf(slide), slide.title).toMatch(/one (shared )?kernel|OS-level/i);
		}
		expect(all).not.toMatch(/several virtual phones on one device\./);
		expect(mentioning(/\bCells\b/).some(slide => /virtual servers/i.test(textOf(slide)))).toBe(true);
	});

	it('does not say every type-1 hypervisor needs its own drivers: Xen leaves them to dom0', () => {
		expect(all).not.toMatch(/smaller and autonomous; needs its own device drivers/);
		const bare = defined(slides.find(slide => /No host OS/.test(slide.bodyText)));
		expect(bare.bodyText).toMatch(/dom0/);
	});

	it('dates CP-67 to the System/360 Model 67 and the System/370 to 1970, virtual memory to 1972', () => {
		expect(all).not.toMatch(/IBM\/370/);
		const sixties = defined(slides.find(slide => /CP-67/.test(slide.title)));
		for (const fact of [/System\/360/, /Model 67/, /1970/, /1972/, /VM\/370/]) {
			expect(`${sixties.title}\n${sixties.bodyText}`).toMatch(fact);
			expect(sixties.notesText).toMatch(fact);
		}
	});

	it('names SYSCALL as the x86-64 system call, SYSENTER as the 32-bit one', () => {
		expect(all).not.toMatch(/now SYSENTER|today with SYSENTER/);
		const abi = defined(slides.find(slide => /INT 0x80/.test(slide.bodyText)));
		expect(abi.bodyText).toMatch(/SYSCALL on x86-64/);
		expect(abi.bodyText).toMatch(/SYSENTER\s+on 32-bit/);
	});

	it('marks kqemu and VirtualBox software mode as historical and says where binary translation lives today', () => {
		const slide = defined(slides.find(slide => /kqemu/.test(slide.bodyText)));
		expect(slide.bodyText).toMatch(/historical/);
		expect(slide.bodyText).toMatch(/2009/);
		expect(slide.bodyText).toMatch(/6\.1, 2019/);
		expect(slide.notesText).toMatch(/TCG/);
		expect(slide.notesText).toMatch(/Rosetta 2/);
	});

	it('puts the root ports and VT-d in the CPU package since Sandy Bridge (2011)', () => {
		expect(all).toMatch(/Sandy Bridge \(2011\)/);
		expect(all).not.toMatch(/on newer chips\s+that is inside the CPU package/);
	});

	it('says Xen on ARM has no pure paravirtualised mode', () => {
		expect(all).not.toMatch(/Runs on Intel IA-32, x86-64, ARM/);
		const xen = defined(slides.find(slide => /dom0/.test(slide.bodyText) && /ARM/.test(slide.bodyText)));
		expect(xen.bodyText).toMatch(/no pure\s+PV mode/);
		expect(xen.bodyText).toMatch(/virtualization extensions/);
	});

	it('tags TLB entries (ASID, PCID, VPID), never page-table entries', () => {
		expect(all).not.toMatch(/PTE and TLB entries can be tagged/);
		const tagged = defined(slides.find(slide => /TLB entries can be tagged/.test(slide.bodyText)));
		for (const tag of ['ASID', 'PCID', 'VPID']) expect(tagged.bodyText).toContain(tag);
		expect(tagged.bodyText).toMatch(/page-table entries never are/);
	});

	it('does not call every hosted VMM a process (VMware switches worlds)', () => {
		expect(all).not.toMatch(/Each VMM runs as a process/);
		expect(slides.some(slide => /host process/.test(slide.bodyText) && /world switch/.test(slide.bodyText))).toBe(true);
	});

	it('tells the room that Xen PV guests mask interrupts with a shared-memory flag, no hypercall', () => {
		const cpu = slides.find(slide => /hypercalls/i.test(slide.bodyText) && /masks its interrupts/.test(slide.notesText));
		expect(cpu).toBeDefined();
		expect(defined(cpu).notesText).toMatch(/shares? with the hypervisor/);
		expect(defined(cpu).notesText).toMatch(/no call at\s+all/);
	});

	it('runs the paravirtual back-end in dom0 or a driver domain, not in the VMM', () => {
		expect(all).not.toMatch(/back-end driver in the VMM/);
		expect(all).not.toMatch(/VMM: back-end drivers/);
		expect(slides.some(slide => /back-end/.test(slide.bodyText) && /driver domain/.test(slide.bodyText))).toBe(true);
	});

	it('keeps RIP, RSP and RFLAGS in the VMCS and the other general registers in the VMM', () => {
		const vmcs = defined(slides.find(slide => /GUEST STATE AREA/.test(slide.bodyText)));
		for (const register of ['RIP', 'RSP', 'RFLAGS']) expect(vmcs.bodyText).toContain(register);
		expect(vmcs.bodyText).toMatch(/not RAX/);
		expect(vmcs.notesText).toMatch(/general\s+registers other than RSP/);
	});

	it('lists strengths and real limits in the conclusion, rows named after the parts', () => {
		const table = defined(slides.flatMap(slide => diagrams(slide)).find(diagram => /strength/.test(diagram) && /limit/.test(diagram)));
		expect(table).toBeDefined();
		expect(table).not.toMatch(/solves most issues|but runs any ISA|accelerated emulation/);
		for (const row of ['virtual servers', 'hardware emulation', 'hardware virtualization', 'paravirtualization', 'hardware-assisted']) {
			expect(table).toContain(row);
		}
	});

	it('uses one spelling each and introduces the standard terms', () => {
		expect(all).not.toMatch(/de-privileged/i);
		expect(all).not.toMatch(/hardware assisted/i);
		expect(all).not.toMatch(/\bHW-assisted/);
		expect(all).not.toMatch(/\bIO\b/);
		expect(all).toMatch(/sensitive unprivileged/);
		expect(all).toMatch(/\bHPA\b/);
	});
});

describe('the teaching of the 2026 edition', () => {
	const steps = (slide: Slide) => slideHead(deck, slide.head.index).steps;
	const titled = (pattern: RegExp) => slides.find(slide => pattern.test(slide.title));

	it('gives every slide its own title, and none is a numbered "(1)", "(2)"…', () => {
		const titles = slides.map(slide => slide.title);
		expect(titles.filter((title, index) => titles.indexOf(title) !== index)).toEqual([]);
		expect(titles.filter(title => /\(\d\)/.test(title))).toEqual([]);
	});

	it('keeps production remarks out of the notes', () => {
		for (const slide of slides) {
			expect(slide.notesText, slide.title).not.toMatch(
				/lost in the source|original (slide )?shows|photo|from the original|original notes|the slide comes from/i,
			);
		}
	});

	it('teaches type 1 and type 2 hypervisors', () => {
		const types = defined(titled(/Type 2.*Type 1/));
		expect(types.bodyText).toMatch(/Type 1, bare-metal/);
		expect(types.bodyText).toMatch(/Type 2, hosted/);
		expect(types.notesText).toMatch(/Goldberg's 1973 thesis/);
	});

	it("states Popek & Goldberg's three properties, after a pause for the room to answer", () => {
		const theorem = defined(titled(/Popek & Goldberg/));
		for (const property of ['Equivalence', 'Resource control', 'Efficiency']) expect(theorem.bodyText).toContain(property);
		expect(theorem.bodyText).toMatch(/1974/);
		expect(steps(theorem)).toBeGreaterThanOrEqual(3);
		expect(theorem.notesText).toMatch(/let the room answer/i);
	});

	it('explains ring compression', () => {
		const rings = defined(titled(/Ring Compression/));
		expect(rings.bodyText).toMatch(/ring 1 on 32-bit x86/);
		expect(rings.notesText).toMatch(/segment limits/);
	});

	it('builds up the sensitive-instruction table row by row', () => {
		const table = defined(titled(/Sensitive Instructions/));
		expect(diagrams(table).map(diagram => diagram.trim().split(/\s+/)[0])).toEqual(['privileged', 'critical', 'innocuous']);
		expect(steps(table)).toBe(4);
	});
});

describe('the redrawn figures of the 2026 edition', () => {
	const steps = (slide: Slide) => slideHead(deck, slide.head.index).steps;
	const all = slides.flatMap(slide => diagrams(slide));

	it('draws the VT-x cycle as one closed loop with the VMCS between guest and VMM, built up', () => {
		const loop = all.find(diagram => /VM EXIT/.test(diagram) && /VM ENTRY/.test(diagram));
		expect(loop).toBeDefined();
		for (const part of [/GUEST/, /VMM/, /VMCS/, /guest state/, /host state/, /exit reason/]) expect(loop).toMatch(part);
		const rows = defined(loop).split('\n');
		const vmcsColumn = defined(rows.find(row => row.includes('VMCS'))).indexOf('VMCS');
		expect(defined(rows[0]).indexOf('GUEST')).toBeLessThan(vmcsColumn);
		expect(defined(rows[0]).indexOf('VMM')).toBeGreaterThan(vmcsColumn);
		const slide = defined(slides.find(slide => diagrams(slide).includes(defined(loop))));
		expect(steps(slide)).toBeGreaterThanOrEqual(2);
	});

	it("puts the IRQ on the guest's timeline of the interrupt window", () => {
		const timeline = all.find(diagram => /window/.test(diagram) && /^ guest .*IRQ/m.test(diagram));
		expect(timeline).toBeDefined();
		expect(timeline).toMatch(/^ VMM/m);
		expect(timeline).toMatch(/cli[\s\S]*IRQ[\s\S]*sti[\s\S]*handler/);
	});

	it('draws the taxonomy as a grid: hosted/bare metal × emulation/virtualization, with examples', () => {
		const grid = all.find(
			diagram => /hosted/.test(diagram) && /bare metal/.test(diagram) && /emulation:/.test(diagram) && /virtualization:/.test(diagram),
		);
		expect(grid).toBeDefined();
		for (const example of ['QEMU', 'VMware Workstation', 'VMware ESX', 'Xen', 'Transmeta', 'Wine', 'qemu-user', 'LXC'])
			expect(grid).toContain(example);
		expect(grid).toMatch(/type 2/);
		expect(grid).toMatch(/type 1/);
	});

	it('ties the shadow page tables and their TLB entry to the 0x12345678 example, step by step', () => {
		const shadow = defined(slides.find(slide => /^Shadow Page Tables/.test(slide.title)));
		const figure = diagrams(shadow).join('\n');
		expect(figure).toMatch(/GVA 0x12345678/);
		expect(figure).toMatch(/GPA 0x00040678/);
		expect(figure).toMatch(/TLB entry +0x12345000 ──▶ 0x7A340000/);
		expect(figure).toMatch(/MPA 0x7A340678/);
		expect(steps(shadow)).toBe(3);
	});

	it('builds the EPT walk up one guest step at a time, 24 references in all', () => {
		const grid = defined(slides.find(slide => /\(4\+1\)\(4\+1\)/.test(slide.bodyText)));
		expect(diagrams(grid).length).toBe(5);
		expect(diagrams(grid).join('\n')).toMatch(/refs 21-24/);
		expect(steps(grid)).toBe(6);
	});
});

describe('the new part: Since 2013', () => {
	const start = slides.findIndex(slide => slide.head.isSection && slide.title === 'Since 2013');
	const end = slides.findIndex((slide, index) => index > start && slide.head.isSection);
	const part = slides.slice(start + 1, end);
	const text = part.map(slide => `${slide.title}\n${slide.bodyText}\n${slide.notesText}`).join('\n');
	const about = (pattern: RegExp) => part.find(slide => pattern.test(slide.title));

	it('has about ten slides, each with a diagram and notes (its self-check questions aside)', () => {
		const taught = part.filter(slide => slide.head.quizzes === 0);
		expect(taught.length).toBeGreaterThanOrEqual(10);
		expect(taught.length).toBeLessThanOrEqual(13);
		for (const slide of taught) {
			expect(diagrams(slide).length, slide.title).toBeGreaterThan(0);
			expect(slide.notesText.length, slide.title).toBeGreaterThan(400);
			expect(slide.notesText, slide.title).toMatch(/\?/);
		}
	});

	it('covers every topic of the issue, one slide each', () => {
		for (const topic of [
			/KVM_RUN/,
			/Nitro/,
			/virtio/,
			/vDPA/,
			/VFIO/,
			/Live Migration/,
			/Containers/,
			/Confidential/,
			/Speculative/,
			/EL2/,
			/Nested/,
		]) {
			expect(about(topic), String(topic)).toBeDefined();
		}
	});

	it('shows KVM as /dev/kvm, a KVM_RUN loop per vCPU thread and QEMU as the device model', () => {
		const kvm = diagrams(defined(about(/KVM_RUN/))).join('\n');
		for (const fact of [
			'/dev/kvm',
			'KVM_CREATE_VM',
			'KVM_SET_USER_MEMORY_REGION',
			'KVM_RUN',
			'KVM_EXIT_IO',
			'KVM_EXIT_MMIO',
			'device models',
		])
			expect(kvm).toContain(fact);
		expect(defined(about(/KVM_RUN/)).notesText).toMatch(/2\.6\.20 in 2007/);
	});

	it("dates EC2's move from Xen to the KVM-based Nitro to the C5 instances of November 2017", () => {
		const nitro = defined(about(/Nitro/));
		expect(nitro.title).toMatch(/2017/);
		expect(diagrams(nitro).join('\n')).toMatch(/C5 \(Nov 2017\)/);
		expect(nitro.notesText).toMatch(/built on KVM's core/);
		expect(nitro.notesText).toMatch(/Xen in 2006/);
	});

	it('explains virtqueues, vhost and vDPA with their dates', () => {
		const virtio = defined(about(/^virtio/));
		for (const fact of ['descriptor table', 'available ring', 'used ring']) expect(diagrams(virtio).join('\n')).toContain(fact);
		expect(virtio.notesText).toMatch(/finalized in 2016/);
		const offload = defined(about(/vDPA/));
		expect(diagrams(offload).join('\n')).toMatch(/vhost-net \(2010\)/);
		expect(diagrams(offload).join('\n')).toMatch(/vDPA \(2020\)/);
		expect(offload.notesText).toMatch(/Linux 5\.7 in 2020/);
	});

	it('assigns devices with VFIO and migrates them since Linux 5.18 (2022)', () => {
		const vfio = defined(about(/VFIO/));
		expect(vfio.notesText).toMatch(/Linux 3\.6 in 2012/);
		expect(vfio.notesText).toMatch(/Linux 5\.18 in 2022/);
		expect(diagrams(vfio).join('\n')).toMatch(/STOP_COPY/);
		expect(text).toMatch(/IOMMU/);
	});

	it("migrates by pre-copy rounds, with dirty logging and PML's 512-entry log", () => {
		const migration = defined(about(/Live Migration/));
		const figure = diagrams(migration).join('\n');
		expect(figure).toMatch(/round 0/);
		expect(figure).toMatch(/write-protect/);
		expect(figure).toMatch(/512-entry log/);
		expect(figure).toMatch(/Broadwell 2015/);
		expect(migration.notesText).toMatch(/2005 NSDI paper/);
		expect(migration.bodyText).toMatch(/Post-copy/);
	});

	it('sets containers against VMs with the microVMs between: Firecracker, Kata, gVisor', () => {
		const containers = defined(about(/Containers/));
		const figure = diagrams(containers).join('\n');
		for (const fact of ['namespaces', 'cgroups', 'Firecracker', 'Kata', 'gVisor', '<5 MiB', '~125 ms']) expect(figure).toContain(fact);
		expect(containers.bodyText).toMatch(/virtual servers/);
	});

	it('covers confidential VMs (SEV-SNP, TDX, Arm CCA) and speculative-execution hardening', () => {
		const confidential = diagrams(defined(about(/Confidential/))).join('\n');
		for (const fact of ['SEV (2017)', 'SEV-ES (2019)', 'SEV-SNP (2021)', 'TDX (2023)', 'CCA', 'attestation'])
			expect(confidential).toContain(fact);
		const speculative = defined(about(/Speculative/));
		for (const fact of ['L1TF', 'Spectre', 'Meltdown', 'core scheduling', 'L1D'])
			expect(`${speculative.bodyText}\n${speculative.notesText}`).toContain(fact);
	});

	it("explains ARM's EL2 and VHE and Apple's Hypervisor.framework", () => {
		const arm = defined(about(/EL2/));
		const all = `${arm.bodyText}\n${arm.notesText}`;
		for (const fact of ['EL2', 'VHE', 'ARMv8.1', 'Hypervisor.framework', 'OS X 10.10, 2014', 'hv_vcpu_run', 'M3'])
			expect(all).toContain(fact);
	});

	it('shows nested virtualization on Hyper-V: L0, L1, L2, VBS and WSL2', () => {
		const nested = defined(about(/Nested/));
		const figure = diagrams(nested).join('\n');
		for (const fact of ['L0', 'L1', 'L2', 'VTL0', 'VTL1', 'WSL2', 'Hyper-V', 'VMCS shadowing']) expect(figure).toContain(fact);
		expect(nested.notesText).toMatch(/Turtles/);
	});
});

describe('the pace of the 2026 edition', () => {
	// The `<!-- time: … -->` weights of issue 13, read here in the forms the deck uses (1m30s, 45s).
	const weightOf = (index: number): number | undefined => {
		const match = /^<!-- time: (?:(\d+)m)?(?:(\d+)s)? -->$/m.exec(slideSource(deck, index));
		return match ? Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) : undefined;
	};

	const sections = slides.flatMap((slide, index) => (slide.head.isSection ? [index] : []));
	const partOf = (first: number) => {
		const next = sections.find(index => index > first) ?? slides.length;
		return slides.slice(first + 1, next);
	};

	it('plans 90 minutes, and every content slide carries a weight: together exactly the duration', () => {
		expect(deck.meta.duration).toBe(90);
		const unweighted = slides.filter(slide => !slide.head.isSection && weightOf(slide.head.index) === undefined).map(slide => slide.title);
		expect(unweighted).toEqual([]);
		const total = slides.reduce((sum, slide) => sum + (weightOf(slide.head.index) ?? 0), 0);
		expect(total).toBe(90 * 60);
	});

	it("gives each part a budget in its notes that its slides' weights add up to", () => {
		for (const section of sections) {
			const budget = /^Pace: (\d+) minutes for this part/m.exec(defined(slides[section]).notesText);
			expect(budget, defined(slides[section]).title).not.toBeNull();
			const seconds = partOf(section).reduce((sum, slide) => sum + defined(weightOf(slide.head.index)), 0);
			expect(seconds, defined(slides[section]).title).toBe(Number(defined(budget)[1]) * 60);
		}
	});

	it('marks the slides to skip when behind, and each part names them', () => {
		const marked = slides.filter(slide => /^Skip if behind: /.test(slide.notesText)).map(slide => slide.title);
		expect(marked.length).toBeGreaterThanOrEqual(20);
		for (const section of sections) {
			const notes = defined(slides[section]).notesText;
			for (const slide of partOf(section).filter(slide => marked.includes(slide.title))) {
				expect(notes, defined(slides[section]).title).toContain(`"${slide.title}"`);
			}
		}
	});

	it('never shows a time weight on the slide', () => {
		for (const slide of slides) expect(`${slide.bodyText}\n${slide.notesText}`, slide.title).not.toMatch(/time:/);
	});
});

describe("the bundled lecture's self-check questions", () => {
	it('asks at least 3 questions in every part, each with an explanation, and none malformed', () => {
		const perPart = new Map<string, number>();
		let part = '';
		for (const slide of slides) {
			if (slide.head.isSection) part = slide.title;
			for (const block of slide.blocks) {
				if (block.kind !== 'quiz') continue;
				perPart.set(part, (perPart.get(part) ?? 0) + 1);
				expect(block.quiz.explanation.length, slide.title).toBeGreaterThan(60);
			}

			expect(
				slide.problems.filter(problem => problem.message.startsWith('quiz:')),
				slide.title,
			).toEqual([]);
		}

		const parts = slides.filter(slide => slide.head.isSection).map(slide => slide.title);
		expect(parts.filter(title => (perPart.get(title) ?? 0) < 3)).toEqual([]);
		expect([...perPart.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(35);
	});
});
