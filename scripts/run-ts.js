#!/usr/bin/env node
// Runs a TypeScript entry point under Node 20 (which cannot strip types) through Vite's module
// runner, with the same `$lib` alias as the app, so scripts share the app's domain code. The
// runner stays open while `main` runs, so the script may import lazily.
// Usage: node scripts/run-ts.js scripts/questions.ts [args...]
import { createServer, createServerModuleRunner } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
	console.error('usage: node scripts/run-ts.js <file.ts> [args...]');
	process.exit(2);
}
const server = await createServer({
	configFile: false,
	root,
	logLevel: 'error',
	appType: 'custom',
	server: { middlewareMode: true, hmr: false, ws: false, watch: null },
	resolve: { alias: { $lib: path.join(root, 'src/lib') } }
});
const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
let code = 0;
try {
	const module = await runner.import(path.resolve(entry));
	if (typeof module.main === 'function') {
		const result = await module.main(args);
		code = typeof result === 'number' ? result : 0;
	}
} catch (error) {
	console.error(error);
	code = 1;
} finally {
	await runner.close();
	await server.close();
}
process.exit(code);
