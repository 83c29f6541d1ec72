// Serves the built app the way a static host would: prerendered pages, assets with long cache
// lifetimes, and 200.html for routes that only exist in the browser (a teacher's gradebook).
// Usage: node scripts/serve.js [port]
import { createServer } from 'node:http';
import sirv from 'sirv';

const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
const dir = process.env.FACTDECK_BUILD ?? 'build';
const assets = sirv(dir, {
	single: '200.html',
	etag: true,
	// The adapter writes .br and .gz beside every file (precompress), as a CDN would serve them.
	gzip: true,
	brotli: true,
	dev: false,
	setHeaders(res, pathname) {
		// Cross-origin isolation, which the FSRS optimiser's WebAssembly (shared memory) needs.
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
		res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
		// Hashed bundles never change; everything else (pages, decks, the service worker) is
		// revalidated, so a new version is found.
		res.setHeader(
			'Cache-Control',
			pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
		);
	}
});

createServer((req, res) => assets(req, res)).listen(port, '127.0.0.1', () => {
	console.log(`Factdeck is being served at http://localhost:${port}`);
});
