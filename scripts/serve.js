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
	gzip: false,
	brotli: false,
	dev: false
});

createServer((req, res) => assets(req, res)).listen(port, '127.0.0.1', () => {
	console.log(`Factdeck is being served at http://localhost:${port}`);
});
