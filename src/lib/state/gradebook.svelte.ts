/**
 * A teacher's gradebook for one assignment: results come in as pasted codes, result links and
 * files; each is checked, sorted (added, duplicate, another assignment, unreadable) and stored,
 * and every score is recomputed from the answers against the assignment's own key.
 */
import { getDb } from '$lib/db/database';
import type { ResultRow } from '$lib/db/schema';
import {
	deleteAssignment,
	deleteResult,
	getAssignment,
	listResults,
	resultIds,
	saveResults
} from '$lib/db/assignments-repository';
import { decodeResult, importResults } from '$lib/domain/teach/result-codec';
import { analyseItems, type ItemAnalysis } from '$lib/domain/teach/item-analysis';
import type { Assignment, StudentResult } from '$lib/domain/types';
import { codesFromFile, splitCodes } from '$lib/domain/teach/result-input';
import { describeError } from '$lib/domain/errors';

export type GradebookPhase = 'loading' | 'missing' | 'ready' | 'error';

export interface ImportMessage {
	/** Distinct within one batch, for keyed lists. */
	key: string;
	status: 'added' | 'duplicate' | 'wrong-assignment' | 'unreadable';
	text: string;
}

/** A code with where it came from, for messages ("Code 2", "ana.json"). */
export interface LabelledCode {
	label: string;
	code: string;
}

export interface ImportSummary {
	added: number;
	duplicates: number;
	wrongAssignment: number;
	unreadable: number;
}

/** One sentence for a batch, e.g. "1 result added; 1 was already collected; 1 could not be read." */
export function summarise(summary: ImportSummary): string {
	const parts: string[] = [];
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	if (summary.added > 0) parts.push(`${plural(summary.added, 'result')} added`);
	if (summary.duplicates > 0)
		parts.push(
			`${summary.duplicates} ${summary.duplicates === 1 ? 'was' : 'were'} already collected`
		);
	if (summary.wrongAssignment > 0) parts.push(`${summary.wrongAssignment} for another assignment`);
	if (summary.unreadable > 0) parts.push(`${summary.unreadable} could not be read`);
	if (parts.length === 0) return 'Nothing to add.';
	return parts.join('; ') + '.';
}

export class Gradebook {
	phase = $state<GradebookPhase>('loading');
	loadError = $state('');
	assignment = $state.raw<Assignment | null>(null);
	rows = $state.raw<ResultRow[]>([]);
	messages = $state.raw<ImportMessage[]>([]);
	summary = $state('');
	isImporting = $state(false);

	analysis = $derived.by((): ItemAnalysis | null =>
		this.assignment
			? analyseItems(
					this.assignment,
					this.rows.map((row) => row.result)
				)
			: null
	);

	#batch = 0;

	/** Loads the assignment and the results collected so far. */
	async load(assignmentId: string): Promise<void> {
		this.phase = 'loading';
		try {
			const assignment = await getAssignment(getDb(), assignmentId);
			if (!assignment) {
				this.phase = 'missing';
				return;
			}
			this.assignment = assignment;
			this.rows = await listResults(getDb(), assignmentId);
			this.phase = 'ready';
		} catch (error) {
			this.loadError = describeError(error);
			this.phase = 'error';
		}
	}

	/** Imports pasted text: one or many codes or result links. */
	importText(text: string): Promise<void> {
		const codes = splitCodes(text);
		return this.importCodes(
			codes.map((code, i) => ({ label: codes.length > 1 ? `Code ${i + 1}` : 'The code', code }))
		);
	}

	/** Imports result files (`.json` from the student's page, or text files holding codes). */
	async importFiles(files: readonly File[]): Promise<void> {
		const labelled: LabelledCode[] = [];
		const unreadable: ImportMessage[] = [];
		for (const file of files) {
			let text: string;
			try {
				text = await file.text();
			} catch (error) {
				unreadable.push(
					this.#message('unreadable', `${file.name} could not be read: ${describeError(error)}`)
				);
				continue;
			}
			const found = codesFromFile(file.name, text);
			if (!found.ok) {
				unreadable.push(this.#message('unreadable', found.error));
				continue;
			}
			found.codes.forEach((code, i) =>
				labelled.push({
					label: found.codes.length > 1 ? `${file.name} (${i + 1})` : file.name,
					code
				})
			);
		}
		await this.importCodes(labelled, unreadable);
	}

	/**
	 * Decodes, checks and stores a batch of codes. Nothing already collected is touched: a
	 * duplicate is reported, never overwritten, and a bad code only adds a message.
	 */
	async importCodes(
		labelled: readonly LabelledCode[],
		earlier: ImportMessage[] = []
	): Promise<void> {
		const assignment = this.assignment;
		if (!assignment) return;
		this.#batch++;
		this.isImporting = true;
		const messages = [...earlier];
		const counts: ImportSummary = {
			added: 0,
			duplicates: 0,
			wrongAssignment: 0,
			unreadable: earlier.length
		};
		try {
			const valid: StudentResult[] = [];
			for (const { label, code } of labelled) {
				const decoded = await decodeResult(code);
				if (decoded.ok) valid.push(decoded.value);
				else {
					counts.unreadable++;
					messages.push(
						this.#message(
							'unreadable',
							`${label}: ${decoded.error} Ask the student to copy it again.`
						)
					);
				}
			}
			const db = getDb();
			const outcomes = importResults(assignment, valid, await resultIds(db, assignment.id));
			const accepted = outcomes.filter((outcome) => outcome.status === 'accepted');
			const saved = await saveResults(db, accepted, Date.now());
			for (const outcome of outcomes) {
				if (outcome.status === 'accepted' && saved.added.includes(outcome.id)) {
					counts.added++;
					messages.push(this.#message('added', outcome.message));
				} else if (outcome.status === 'wrong-assignment') {
					counts.wrongAssignment++;
					messages.push(this.#message('wrong-assignment', outcome.message));
				} else {
					counts.duplicates++;
					messages.push(
						this.#message('duplicate', `${outcome.result.student}'s result was already collected.`)
					);
				}
			}
			this.rows = await listResults(db, assignment.id);
		} catch (error) {
			messages.push(
				this.#message('unreadable', `The results could not be saved: ${describeError(error)}`)
			);
			counts.unreadable++;
		} finally {
			this.isImporting = false;
		}
		this.messages = messages;
		this.summary = summarise(counts);
	}

	/** Removes one collected result (a test run, a student who sent two); rejects on failure. */
	async removeResult(id: string): Promise<void> {
		const assignment = this.assignment;
		if (!assignment) return;
		await deleteResult(getDb(), id);
		this.rows = await listResults(getDb(), assignment.id);
	}

	/** Deletes the assignment and every result collected for it; rejects on failure. */
	async deleteAssignment(): Promise<void> {
		if (this.assignment) await deleteAssignment(getDb(), this.assignment.id);
	}

	#message(status: ImportMessage['status'], text: string): ImportMessage {
		return { key: `${this.#batch}-${Math.random().toString(36).slice(2)}`, status, text };
	}
}
