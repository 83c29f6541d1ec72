#!/usr/bin/env node
// Runs a TypeScript entry point under Node 20 (which cannot strip types) through Vite's module
// runner, with the same `$lib` alias as the app, so scripts share the app's domain code.
// Usage: node scripts/run-ts.js scripts/questions.ts [args...]
import { runnerImport } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
	console.error('usage: node scripts/run-ts.js <file.ts> [args...]');
	process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...args];
const { module } = await runnerImport(path.resolve(entry), {
	configFile: false,
	root,
	logLevel: 'error',
	resolve: { alias: { $lib: path.join(root, 'src/lib') } }
});
if (typeof module.main === 'function') {
	const code = await module.main(args);
	process.exitCode = typeof code === 'number' ? code : 0;
}
