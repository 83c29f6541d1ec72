import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// FACTDECK_BUILD lets several builds live side by side (parallel test runs on one machine).
const buildDir = process.env.FACTDECK_BUILD ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Static output: any static host or CDN serves it. Routes whose data lives only in the
		// browser (a teacher's gradebook) fall back to 200.html, which the service worker caches.
		adapter: adapter({
			pages: buildDir,
			assets: buildDir,
			fallback: '200.html',
			precompress: true,
			strict: true
		}),
		// Test data shared by unit tests (src/**/*.test.ts) and browser tests (tests/*.spec.ts).
		alias: { $fixtures: 'tests/fixtures' },
		// Every stylesheet of a page (the largest is 8 KB) goes into its HTML: a first visit paints
		// without waiting for a render-blocking CSS request (Lighthouse's first and largest paint).
		// The CSP already allows inline styles ('unsafe-inline' in style-src), so no hash is added.
		inlineStyleThreshold: 8192,
		outDir: buildDir === 'build' ? '.svelte-kit' : `.svelte-kit-${buildDir}`,
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// WebAssembly compilation (the FSRS optimiser) only; never 'unsafe-eval'.
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
