import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Dexie is imported in src/lib/db only. */
const DEXIE_ONLY_IN_DB = {
	group: ['dexie', 'dexie-*'],
	message: 'Import dexie only in src/lib/db.'
};

/**
 * What src/lib/domain may not import besides Dexie: Svelte, SvelteKit, and the tiers above it
 * (db, state, components, content, workers), by $lib path or by relative path.
 */
const DOMAIN_STAYS_PURE = {
	regex:
		'^(svelte(/.*)?|@sveltejs/.*|\\$app/.*|\\$lib/(db|state|components|content|workers)(/.*)?|(\\.\\./)+(db|state|components|content|workers)(/.*)?)$',
	message: 'src/lib/domain stays pure: no svelte, dexie, $app or db/state/component imports.'
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		},
		rules: {
			'no-undef': 'off',
			'svelte/no-at-html-tags': 'error',
			// Links are written as plain paths: the app is served from the root of its host.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Only src/lib/db talks to IndexedDB.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/db/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [DEXIE_ONLY_IN_DB] }] }
	},
	{
		// The domain is plain TypeScript: no Svelte, no Dexie, no SvelteKit, nothing above it.
		// Flat config replaces a rule's options from a later block instead of merging them, so
		// this block comes last and repeats the dexie pattern: it is the one effective rule here
		// (scripts/eslint-config.test.ts proves it).
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [DOMAIN_STAYS_PURE, DEXIE_ONLY_IN_DB] }]
		}
	},
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit-*/',
			'test-results*/',
			'.shots/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench-results/'
		]
	}
);
