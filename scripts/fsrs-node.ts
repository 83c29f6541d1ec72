/**
 * fsrs-browser (fsrs-rs in WebAssembly) loaded in Node, for the command line and the optimiser's
 * tests: the same wasm the app's worker runs, initialised synchronously from its bytes. Its
 * single-threaded optimiser needs no thread pool; Node allows the shared memory it declares.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FsrsBrowserLib } from '$lib/domain/study/optimise/fsrs-browser-fit';

let loaded: Promise<FsrsBrowserLib> | null = null;

/** The initialised library (loaded once per process). */
export function loadFsrsBrowser(): Promise<FsrsBrowserLib> {
	loaded ??= (async () => {
		// The package's thread-pool helper listens on `self` when imported; Node has no `self`.
		const scope = globalThis as { self?: unknown };
		scope.self ??= new EventTarget();
		const lib = await import('fsrs-browser');
		const wasmPath = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
		lib.initSync({ module: readFileSync(wasmPath) });
		return lib;
	})();
	return loaded;
}

/** Runs `work` with the console's log levels silenced: fsrs-rs reports every epoch's loss. */
export function quietly<T>(work: () => T): T {
	const { log, info, debug } = console;
	console.log = console.info = console.debug = () => {};
	try {
		return work();
	} finally {
		Object.assign(console, { log, info, debug });
	}
}
