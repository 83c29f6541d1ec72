import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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
		// The domain is plain TypeScript: no Svelte, no Dexie, no SvelteKit.
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'svelte',
								'svelte/*',
								'$app/*',
								'dexie',
								'dexie-*',
								'$lib/db/*',
								'$lib/state/*',
								'$lib/components/*'
							],
							message: 'src/lib/domain stays pure: no svelte, dexie or app imports.'
						}
					]
				}
			]
		}
	},
	{
		// Only src/lib/db talks to IndexedDB.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/db/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['dexie', 'dexie-*'], message: 'Import dexie only in src/lib/db.' }] }
			]
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
