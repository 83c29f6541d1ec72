// `npm run questions -- generate <file.txt|file.md> [--title T] [--out deck.json] [--no-nlp]`:
// makes a deck from your own document with the same pipeline as the app's "New deck" page, and
// writes it (the shape of /decks/<id>.json) to --out or stdout. The report goes to stderr, so
// stdout can be piped. Exits 1 with a message on a missing, empty, binary, too large or
// fact-less file.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deckFromDocument } from '$lib/domain/deck/user-deck';
import { MAX_DOCUMENT_BYTES, validateDocumentText } from '$lib/domain/extract/validate';
import { summarise } from '$lib/domain/deck/validate';

const USAGE =
	'usage: npm run questions -- generate <file.txt|file.md> [--title T] [--out deck.json] [--no-nlp]';

interface GenerateArgs {
	file?: string;
	title: string;
	out?: string;
	useNlp: boolean;
}

/** Reads the command line; an unknown option or a missing value is an error message. */
export function parseGenerateArgs(args: string[]): GenerateArgs | string {
	const parsed: GenerateArgs = { title: '', useNlp: true };
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--title' || arg === '--out') {
			const value = args[++i];
			if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
			if (arg === '--title') parsed.title = value;
			else parsed.out = value;
		} else if (arg === '--no-nlp') parsed.useNlp = false;
		else if (arg.startsWith('--')) return `unknown option ${arg}`;
		else if (parsed.file === undefined) parsed.file = arg;
		else return `one document at a time (got "${parsed.file}" and "${arg}")`;
	}
	return parsed.file === undefined ? 'no document given' : parsed;
}

function fail(message: string): number {
	console.error(`✗ ${message}`);
	return 1;
}

export async function generateCommand(args: string[]): Promise<number> {
	const parsed = parseGenerateArgs(args);
	if (typeof parsed === 'string') return fail(`${parsed}\n${USAGE}`);
	const file = path.resolve(parsed.file!);
	if (!existsSync(file)) return fail(`${parsed.file}: no such file`);
	const stats = statSync(file);
	if (!stats.isFile()) return fail(`${parsed.file}: not a file`);
	if (stats.size > MAX_DOCUMENT_BYTES) {
		const check = validateDocumentText('', stats.size);
		return fail(`${parsed.file}: ${check.ok ? 'too large' : check.error}`);
	}
	// Invalid UTF-8 becomes U+FFFD, which the document check counts as unreadable.
	const text = new TextDecoder('utf-8').decode(readFileSync(file));

	const started = Date.now();
	const nlp = parsed.useNlp
		? await (await import('$lib/domain/extract/nlp')).loadNlp('default')
		: undefined;
	const result = deckFromDocument(text, {
		title: parsed.title,
		fileName: path.basename(file),
		byteSize: stats.size,
		nlp
	});
	if (!result.ok) return fail(`${parsed.file}: ${result.error}`);

	const { deck, warnings } = result;
	const json = `${JSON.stringify(deck, null, '\t')}\n`;
	if (parsed.out) writeFileSync(path.resolve(parsed.out), json);
	else process.stdout.write(json);

	const report = summarise(deck);
	console.error(`✓ ${deck.title} (${deck.id}): ${report.facts} facts, ${report.items} items`);
	console.error(
		`  items by type: ${Object.entries(report.byType)
			.map(([type, count]) => `${type} ${count}`)
			.join(', ')}`
	);
	console.error(`  topics: ${deck.topics.map((topic) => topic.title).join('; ')}`);
	for (const warning of warnings) console.error(`  warning: ${warning}`);
	console.error(
		`  ${parsed.out ? `written to ${parsed.out}` : 'written to stdout'} in ${Date.now() - started} ms`
	);
	return 0;
}
