// The key floor: the least a Node presenter can do for a "next" key in ptybench. It shows
// `SLIDE 0001 MARK` and, for each `l`, the next marker in its place; `q` restores the
// terminal and exits. What ptybench reports for its keys is the harness's own round trip on
// this machine (writing the key, waking Node, reading the reply, pyte emulating it), which
// the machine sets and Lectern does not: Lectern's next-key median is read as a ratio to it.
const mark = n => `SLIDE ${String(n).padStart(4, '0')} MARK`;
let slide = 1;
const draw = () => process.stdout.write(`\u001B[H\u001B[2K${mark(slide)}`);

process.stdin.setRawMode(true);
process.stdout.write('\u001B[?1049h\u001B[?25l');
draw();
process.stdin.on('data', data => {
	for (const key of data.toString('latin1')) {
		if (key === 'l') {
			slide++;
			draw();
		} else if (key === 'q') {
			process.stdout.write('\u001B[?25h\u001B[?1049l');
			process.stdin.setRawMode(false);
			process.exit(0);
		}
	}
});
