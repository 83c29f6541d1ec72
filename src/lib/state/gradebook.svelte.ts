/**
 * A teacher's gradebook for one assignment: results come in as pasted text (e-mails, chats,
 * links), result links and files; each code found is checked, sorted (added, duplicate, another
 * assignment, unreadable) and stored, and every score is recomputed from the answers against the
 * assignment's own key and the teacher's overrides, which can be taken back one by one.
 */
import type { FactdeckDB, ResultRow } from '$lib/db/schema';
import {
	deleteAssignment,
	deleteResult,
	getAssignment,
	listResults,
	resultIds,
	saveOverrides,
	saveResults
} from '$lib/db/assignments-repository';
import {
	decodeResult,
	fromStoredResult,
	importResults,
	studentResultSchema,
	type StoredResult
} from '$lib/domain/teach/result-codec';
import { analyseItems, type ItemAnalysis } from '$lib/domain/teach/item-analysis';
import {
	applyOverride,
	countSameAnswer,
	markResult,
	type OverrideChange,
	type ResultMarks
} from '$lib/domain/teach/marking';
import { lookAlikeNames } from '$lib/domain/teach/student-name';
import type { AnswerOverride, Assignment, StudentResult } from '$lib/domain/types';
import { codesFromFile, findCodes } from '$lib/domain/teach/result-input';
import { describeError } from '$lib/domain/errors';

export type GradebookPhase = 'loading' | 'missing' | 'ready' | 'error';

export interface ImportMessage {
	/** Distinct within one batch, for keyed lists. */
	key: string;
	status: 'added' | 'duplicate' | 'wrong-assignment' | 'unreadable' | 'none';
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

/** One change of the overrides that can be taken back. */
export interface OverrideStep {
	/** What was done, for the undo button ("accepted “x” for everyone"). */
	label: string;
	before: AnswerOverride[];
}

/** The time source; tests pass a fixed one. */
export interface Clock {
	now(): number;
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

/**
 * The result rows the gradebook can show: a result of a sound shape whose times `Date` can show.
 * A damaged row is left out (the page names it and points to Settings → Check the data), so one
 * bad row never keeps the gradebook on "Loading".
 */
function showableRows(rows: ResultRow[]): ResultRow[] {
	return rows.filter(
		(row) =>
			typeof row?.id === 'string' &&
			studentResultSchema.safeParse(row.result).success &&
			!Number.isNaN(new Date(row.receivedAt).getTime())
	);
}

export class Gradebook {
	phase = $state<GradebookPhase>('loading');
	loadError = $state('');
	assignment = $state.raw<Assignment | null>(null);
	rows = $state.raw<ResultRow[]>([]);
	messages = $state.raw<ImportMessage[]>([]);
	summary = $state('');
	isImporting = $state(false);
	/** The result open in the per-student view, by id. */
	openId = $state<string | null>(null);
	/** Override changes that can be undone, newest last. */
	undoSteps = $state.raw<OverrideStep[]>([]);
	/** A problem saving an override, shown beside the view. */
	overrideError = $state('');

	/** Every result in the grader's shape, with its row id. */
	results = $derived(
		this.rows.map((row) => ({ id: row.id, result: fromStoredResult(row.result) }))
	);

	analysis = $derived.by((): ItemAnalysis | null =>
		this.assignment
			? analyseItems(
					this.assignment,
					this.results.map((entry) => entry.result)
				)
			: null
	);

	/** Groups of different names that look alike ("Ana" and "Αna"), for a warning. */
	lookAlikes = $derived(lookAlikeNames(this.rows.map((row) => row.student)));

	/** The open result's marks, item by item. */
	openMarks = $derived.by((): { id: string; result: StudentResult; marks: ResultMarks } | null => {
		const assignment = this.assignment;
		const entry = this.results.find((candidate) => candidate.id === this.openId);
		if (!assignment || !entry) return null;
		return { ...entry, marks: markResult(assignment, entry.result, entry.id) };
	});

	#dbSource: FactdeckDB | (() => FactdeckDB);
	#clock: Clock;

	get #db(): FactdeckDB {
		return typeof this.#dbSource === 'function' ? this.#dbSource() : this.#dbSource;
	}
	#batch = 0;
	#serial = 0;

	/** `db` may be a function, so a page can build the gradebook before the database exists. */
	constructor(db: FactdeckDB | (() => FactdeckDB), clock: Clock = { now: () => Date.now() }) {
		this.#dbSource = db;
		this.#clock = clock;
	}

	/** Loads the assignment and the results collected so far. */
	async load(assignmentId: string): Promise<void> {
		this.phase = 'loading';
		try {
			const assignment = await getAssignment(this.#db, assignmentId);
			if (!assignment) {
				this.phase = 'missing';
				return;
			}
			this.assignment = assignment;
			this.rows = showableRows(await listResults(this.#db, assignmentId));
			this.phase = 'ready';
		} catch (error) {
			this.loadError = describeError(error);
			this.phase = 'error';
		}
	}

	/** Imports pasted text: an e-mail, a chat, one or many codes or result links. */
	async importText(text: string): Promise<void> {
		const codes = findCodes(text);
		if (codes.length === 0) {
			this.#batch++;
			this.messages = [
				this.#message(
					'none',
					text.trim()
						? 'No result code found in the pasted text. A result code starts with “FD”; ask the student to send the code or the link from their results page.'
						: 'Paste a result code, a result link, or the whole message that holds them.'
				)
			];
			this.summary = 'Nothing to add.';
			return;
		}
		await this.importCodes(
			codes.map((code, i) => ({ label: codes.length > 1 ? `Code ${i + 1}` : 'The code', code }))
		);
	}

	/** Imports result files (`.json` from the student's page, or text files holding codes). */
	async importFiles(files: readonly File[]): Promise<void> {
		const labelled: LabelledCode[] = [];
		const unreadable: ImportMessage[] = [];
		this.#batch++;
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
			const valid: StoredResult[] = [];
			const now = this.#clock.now();
			for (const { label, code } of labelled) {
				const decoded = await decodeResult(code, assignment, now);
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
			const outcomes = importResults(assignment, valid, await resultIds(this.#db, assignment.id));
			const accepted = outcomes.filter((outcome) => outcome.status === 'accepted');
			const saved = await saveResults(this.#db, accepted, now);
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
			this.rows = showableRows(await listResults(this.#db, assignment.id));
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

	/** Opens one result in the per-student view (null closes it). */
	open(id: string | null): void {
		this.openId = id;
	}

	/** How many collected results gave this answer (by `answerKey`) to this item. */
	sameAnswerCount(itemId: string, key: string): number {
		if (!this.assignment) return 0;
		return countSameAnswer(
			this.assignment,
			this.results.map((entry) => entry.result),
			itemId,
			key
		);
	}

	/**
	 * Accepts or rejects an answer (null: back to the key's verdict) for one result or, with
	 * `resultId` null, for everyone who gave it; saved with the assignment, undoable.
	 */
	async decide(change: Omit<OverrideChange, 'at'>, label: string): Promise<void> {
		const assignment = this.assignment;
		if (!assignment) return;
		const before = assignment.overrides ?? [];
		const after = applyOverride(before, { ...change, at: this.#clock.now() });
		if (await this.#saveOverrides(after)) {
			this.undoSteps = [...this.undoSteps, { label, before }];
		}
	}

	/** Takes back the last override change. */
	async undo(): Promise<void> {
		const step = this.undoSteps.at(-1);
		if (!step) return;
		if (await this.#saveOverrides(step.before)) this.undoSteps = this.undoSteps.slice(0, -1);
	}

	/** Removes one collected result (a test run, a student who sent two); rejects on failure. */
	async removeResult(id: string): Promise<void> {
		const assignment = this.assignment;
		if (!assignment) return;
		await deleteResult(this.#db, id);
		if (this.openId === id) this.openId = null;
		this.rows = showableRows(await listResults(this.#db, assignment.id));
	}

	/** Deletes the assignment and every result collected for it; rejects on failure. */
	async deleteAssignment(): Promise<void> {
		if (this.assignment) await deleteAssignment(this.#db, this.assignment.id);
	}

	async #saveOverrides(overrides: AnswerOverride[]): Promise<boolean> {
		const assignment = this.assignment;
		if (!assignment) return false;
		try {
			const saved = await saveOverrides(this.#db, assignment.id, overrides);
			if (!saved) throw new Error('the assignment is no longer saved in this browser');
			this.assignment = saved;
			this.overrideError = '';
			return true;
		} catch (error) {
			this.overrideError = `The change could not be saved: ${describeError(error)}`;
			return false;
		}
	}

	#message(status: ImportMessage['status'], text: string): ImportMessage {
		return { key: `${this.#batch}-${++this.#serial}`, status, text };
	}
}
