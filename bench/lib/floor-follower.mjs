// The floor for the lecture hall: the least a follower can be in Node. It connects to the
// talk's socket, parses each line, and for a position writes a three-row frame (the slide's
// title and marker, a status row) in one synchronized update, as a Lectern follower writes
// its changed rows. `node floor-follower.mjs SOCKET`, in its own pseudo-terminal.
import {createConnection} from 'node:net';

const esc = '\u001B[';
const row = (y, text) => `${esc}${y};1H${esc}2K${text}`;
const mark = i => `HALLMARK ${String(i).padStart(4, '0')} END`;
let rest = '';
process.stdout.write(`${esc}?1049h${esc}H${esc}2J`);
const socket = createConnection(process.argv[2]);
socket.setEncoding('utf8');
socket.on('data', chunk => {
	const lines = (rest + chunk).split('\n');
	rest = lines.pop() ?? '';
	for (const line of lines) {
		const message = JSON.parse(line);
		if (message.type === 'end') process.exit(0);
		if (message.type !== 'position') continue;
		const slide = message.slide + 1;
		const frame = [row(2, `  Slide ${slide}`), row(4, `  ${mark(slide)}`), row(30, ` Followers bench${' '.repeat(70)}${slide}/65 `)];
		process.stdout.write(`${esc}?2026h${frame.join('')}${esc}?2026l`);
	}
});
socket.on('close', () => process.exit(0));
