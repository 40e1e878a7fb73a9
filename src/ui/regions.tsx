// Components that place the lines layout computed. No measuring, no wrapping: every line
// already fits its region.
import {Box, Text} from 'ink';
import type {Regions} from '../layout/screen.js';

function Lines({lines, width, height}: {lines: readonly string[]; width: number; height: number}) {
	return (
		<Box width={width} height={height} flexShrink={0} overflow="hidden">
			<Text>{lines.join('\n')}</Text>
		</Box>
	);
}

export function SlideView(props: {lines: readonly string[]; width: number; height: number}) {
	return <Lines {...props} />;
}

export function NotesPane(props: {lines: readonly string[]; width: number; height: number}) {
	return <Lines {...props} />;
}

export function StatusBar({line, width}: {line: string; width: number}) {
	return <Lines lines={[line]} width={width} height={1} />;
}

/** The screen: slide, notes (right or below), status bar. */
export function ScreenView({regions}: {regions: Regions}) {
	const {geometry} = regions;
	if (geometry.kind === 'too-small') {
		return <Lines lines={regions.slide} width={geometry.size.width} height={geometry.size.height} />;
	}

	const {size, slide, notes} = geometry;
	return (
		<Box flexDirection="column" width={size.width} height={size.height}>
			{notes?.position === 'right' ? (
				<Box flexDirection="row" height={slide.height}>
					<SlideView lines={regions.slide} width={slide.width} height={slide.height} />
					<Lines lines={Array.from({length: slide.height}, () => regions.divider)} width={1} height={slide.height} />
					<NotesPane lines={regions.notes} width={notes.width} height={notes.height} />
				</Box>
			) : (
				<>
					<SlideView lines={regions.slide} width={slide.width} height={slide.height} />
					{notes ? <NotesPane lines={regions.notes} width={notes.width} height={notes.height} /> : null}
				</>
			)}
			<StatusBar line={regions.status} width={size.width} />
		</Box>
	);
}
