import type { Deck } from '$lib/domain/types';
import { deckMetaSchema, factsSchema } from '$lib/domain/deck/deck-schema';
import { generateDeck, type GenerateOptions } from '$lib/domain/deck/generate';
import { validateFacts, validateItems, type Problem } from '$lib/domain/deck/validate';

export interface DeckFiles {
	/** Folder name, for messages: `questions/<dir>/...` */
	dir: string;
	meta: unknown;
	facts: unknown;
	/** source id -> document text */
	documents: Record<string, string>;
}

export type BuildResult =
	| { ok: true; deck: Deck; warnings: Problem[] }
	| { ok: false; errors: Problem[]; warnings: Problem[] };

/**
 * Checks a deck's content files and generates its items: the one path from `questions/` to a
 * served deck, shared by the build, `npm run questions` and the tests.
 */
export function buildDeck(files: DeckFiles, options: GenerateOptions = {}): BuildResult {
	const metaFile = `questions/${files.dir}/deck.json`;
	const factsFile = `questions/${files.dir}/facts.json`;
	const meta = deckMetaSchema.safeParse(files.meta);
	if (!meta.success) {
		return {
			ok: false,
			errors: zodProblems(metaFile, meta.error.issues, files.meta),
			warnings: []
		};
	}
	if (meta.data.id !== files.dir) {
		const message = `deck id "${meta.data.id}" must match its folder name "${files.dir}"`;
		return { ok: false, errors: [{ file: metaFile, message }], warnings: [] };
	}
	const facts = factsSchema.safeParse(files.facts);
	if (!facts.success) {
		return {
			ok: false,
			errors: zodProblems(factsFile, facts.error.issues, files.facts),
			warnings: []
		};
	}
	const missing = meta.data.sources.filter((source) => files.documents[source.id] === undefined);
	if (missing.length > 0) {
		const errors = missing.map((source) => ({
			file: metaFile,
			message: `source "${source.id}" has no document questions/${files.dir}/${source.id}.txt`
		}));
		return { ok: false, errors, warnings: [] };
	}
	const factReport = validateFacts(meta.data, facts.data, files.documents, factsFile);
	if (factReport.errors.length > 0) {
		return { ok: false, errors: factReport.errors, warnings: factReport.warnings };
	}
	const deck = generateDeck(meta.data, facts.data, options);
	const itemReport = validateItems(deck, files.documents, `${factsFile} (generated items)`);
	const warnings = [...factReport.warnings, ...itemReport.warnings];
	if (itemReport.errors.length > 0) return { ok: false, errors: itemReport.errors, warnings };
	return { ok: true, deck, warnings };
}

/** Problems in a message a person can act on: the file, the fact by id where there is one. */
export function formatProblem(problem: Problem): string {
	const where = [
		problem.file,
		problem.factId && `fact "${problem.factId}"`,
		problem.itemId && `item ${problem.itemId}`
	]
		.filter(Boolean)
		.join(', ');
	return `${where}: ${problem.message}`;
}

function zodProblems(
	file: string,
	issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
	data: unknown
): Problem[] {
	return issues.slice(0, 20).map((issue) => {
		const index = typeof issue.path[0] === 'number' ? issue.path[0] : null;
		const entry = index !== null && Array.isArray(data) ? (data[index] as { id?: unknown }) : null;
		const factId = typeof entry?.id === 'string' ? entry.id : undefined;
		return { file, factId, message: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
	});
}
