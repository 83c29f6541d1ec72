import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { chunkModules } from './scripts/vite-chunk-modules.js';

export default defineConfig({
	plugins: [sveltekit(), chunkModules()],
	server: { fs: { allow: ['questions'] } },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node'
	}
});
