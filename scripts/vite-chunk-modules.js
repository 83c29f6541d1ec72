// A Vite plugin that records which source modules each client chunk holds, in
// `<client output>/.vite/chunk-modules.json`, so the bundle budget can prove that no NLP code
// sits on a first-load path. Chunks name no modules by themselves once minified.
/** @returns {import('vite').Plugin} */
export function chunkModules() {
	return {
		name: 'factdeck-chunk-modules',
		apply: /** @type {const} */ ('build'),
		generateBundle(_options, bundle) {
			/** @type {Record<string, string[]>} */
			const modules = {};
			for (const [fileName, output] of Object.entries(bundle)) {
				if (output.type === 'chunk') {
					modules[fileName] = Object.keys(output.modules ?? {}).map((id) =>
						id.replace(process.cwd() + '/', '')
					);
				}
			}
			this.emitFile({
				type: 'asset',
				fileName: '.vite/chunk-modules.json',
				source: JSON.stringify(modules)
			});
		}
	};
}
