/**
 * The one call into fsrs-browser's optimiser, shared by the worker and the command line. The
 * library is passed in (never imported here), since it must be initialised differently in a
 * browser worker and in Node. Its single-threaded path needs no thread pool; it does need
 * WebAssembly shared memory, which a browser allows only in a cross-origin isolated page.
 */
import type { Fsrs, Progress } from 'fsrs-browser';
import type { FlatItems } from './training-items';

/** The parts of the fsrs-browser module the optimiser uses. */
export interface FsrsBrowserLib {
	Fsrs: typeof Fsrs;
	Progress: typeof Progress;
}

/**
 * Fits FSRS-6 parameters to the items with fsrs-rs (short-term reviews included, as Factdeck
 * schedules with learning steps). `progress`, when given, is consumed by the call.
 */
export function fitWithFsrsBrowser(
	lib: FsrsBrowserLib,
	items: FlatItems,
	progress?: Progress
): number[] {
	const model = new lib.Fsrs();
	// computeParameters takes ownership of the model and frees it.
	const fitted = model.computeParameters(
		items.ratings,
		items.deltaTs,
		items.lengths,
		progress,
		true
	);
	return Array.from(fitted, (value) => Number(value.toFixed(6)));
}
