/**
 * A student taking a teacher's assignment on their own device: the assignment read from the
 * link, the name, the answers saved as they are given (so a reload or a closed tab resumes), the
 * clock, and the submission with the result code to hand back. One writer for the attempt.
 * The same student's attempt may be open in two tabs: each answer is written item by item (so
 * neither tab's answers are lost), a tab shows the answers given in the other and says so, and
 * the submit runs once, under a Web Lock, with the answers as stored (domain/quiz/shared-attempt).
 */
import { SvelteSet } from 'svelte/reactivity';
import type { AttemptRow, FactdeckDB } from '$lib/db/schema';
import {
	listStudentAttempts,
	saveAttemptAnswer,
	startStudentAttempt,
	submitStudentAttemptOnce
} from '$lib/db/assignments-repository';
import {
	answeredElsewhereNotice,
	changedItems,
	isSameAnswer,
	mergeAnswers
} from '$lib/domain/quiz/shared-attempt';
import {
	decodeAssignment,
	parseAssignmentFragment,
	type AssignmentSources
} from '$lib/domain/teach/assignment-codec';
import { encodeResult } from '$lib/domain/teach/result-codec';
import { orderForStudent } from '$lib/domain/quiz/quiz-assembly';
import { isAnswered, markResult, type ResultMarks } from '$lib/domain/teach/marking';
import { nameProblem, normaliseName } from '$lib/domain/teach/student-name';
import type { Answer, Assignment, Item, StudentResult } from '$lib/domain/types';
import { getAttempt } from '$lib/db/attempts-repository';
import { describeError } from '$lib/domain/errors';
import { NO_TABS, withTabLock, type TabChannel } from '$lib/state/tab-sync';

export type RunPhase = 'loading' | 'invalid' | 'intro' | 'running' | 'submitted';

/** The form's name rules, the same ones the gradebook applies to a result's name. */
export { MAX_NAME_LENGTH, nameProblem } from '$lib/domain/teach/student-name';

/** The time source; tests pass a fixed one. */
export interface Clock {
	now(): number;
}

/** True when an answer holds something the student actually gave (the gradebook's own rule). */
export { isAnswered };

export class AssignmentRun {
	phase = $state<RunPhase>('loading');
	/** Why the link cannot be used (phase 'invalid'). */
	linkError = $state('');
	/** A problem saving or submitting, shown without losing the page. */
	saveError = $state('');
	assignment = $state.raw<Assignment | null>(null);
	/** Attempts at this assignment already on this device, newest first. */
	previous = $state.raw<AttemptRow[]>([]);
	attempt = $state.raw<AttemptRow | null>(null);
	answers = $state.raw<Record<string, Answer>>({});
	/** Index of the question shown, in this student's order. */
	index = $state(0);
	/** The clock as last ticked (epoch ms). */
	now = $state(0);
	resultCode = $state('');
	isSubmitting = $state(false);
	/** The attempt was submitted in another tab (this tab shows that submission). */
	isSubmittedElsewhere = $state(false);
	/** Which questions were answered in another tab since this one last looked ('' if none). */
	otherTabNotice = $state('');

	/** The questions in this student's order. */
	items = $derived.by((): Item[] => {
		if (!this.assignment || !this.attempt) return [];
		// A plain lookup, not a Map: it is rebuilt whole whenever the assignment or attempt changes.
		const byId = Object.fromEntries(this.assignment.items.map((item) => [item.id, item]));
		return this.attempt.itemIds.flatMap((id) => (Object.hasOwn(byId, id) ? [byId[id]] : []));
	});
	answeredCount = $derived(this.items.filter((item) => isAnswered(this.answerTo(item.id))).length);
	/** Epoch ms when time is up, or null without a limit. */
	deadline = $derived(
		this.assignment && this.attempt && this.assignment.timeLimitMinutes > 0
			? this.attempt.startedAt + this.assignment.timeLimitMinutes * 60_000
			: null
	);
	remainingMs = $derived(this.deadline === null ? null : Math.max(0, this.deadline - this.now));
	/**
	 * The score of a submitted attempt, marked here as the teacher's gradebook marks it before
	 * any override: self-marked items count only when the teacher said so.
	 */
	score = $derived.by((): ResultMarks | null =>
		this.phase === 'submitted' && this.assignment && this.result
			? markResult(this.assignment, this.result, '')
			: null
	);
	/** The result as the teacher will read it (times in whole seconds, as the code carries). */
	result = $derived.by((): StudentResult | null => {
		const attempt = this.attempt;
		if (!this.assignment || !attempt || attempt.submittedAt === null) return null;
		const startedAt = Math.floor(attempt.startedAt / 1000) * 1000;
		return {
			v: 1,
			assignmentId: this.assignment.id,
			student: normaliseName(attempt.student ?? ''),
			startedAt,
			submittedAt: Math.max(startedAt, Math.floor(attempt.submittedAt / 1000) * 1000),
			answers: this.#givenAnswers()
		};
	});

	#saving: Promise<void> = Promise.resolve();
	/** Items answered here whose answer is not written yet (or failed to be): kept over the stored. */
	#unsaved = new SvelteSet<string>();
	#dbSource: FactdeckDB | (() => FactdeckDB);
	#clock: Clock;

	get #db(): FactdeckDB {
		return typeof this.#dbSource === 'function' ? this.#dbSource() : this.#dbSource;
	}
	#loadDeck: AssignmentSources['loadDeck'];
	#loadDeckVersion: AssignmentSources['loadDeckVersion'];
	#tabs: () => TabChannel;

	/**
	 * `db` may be a function, so a prerendered page can build the run before the browser's
	 * database exists; it is first asked for when the link is opened.
	 */
	constructor(
		db: FactdeckDB | (() => FactdeckDB),
		clock: Clock,
		loadDeck: AssignmentSources['loadDeck'],
		/** Old versions' items, for a link made before the deck's current version. */
		loadDeckVersion?: AssignmentSources['loadDeckVersion'],
		tabs: () => TabChannel = () => NO_TABS
	) {
		this.#dbSource = db;
		this.#clock = clock;
		this.#loadDeck = loadDeck;
		this.#loadDeckVersion = loadDeckVersion;
		this.#tabs = tabs;
	}

	/**
	 * Listens for the same attempt being answered or submitted in another tab: this tab then
	 * shows those answers, or that submission instead of letting the student go on. Returns the
	 * cleanup.
	 */
	watchTabs(): () => void {
		return this.#tabs().listen((message) => {
			if (message.type !== 'submitted' && message.type !== 'attempt-saved') return;
			if (message.attemptId !== this.attempt?.id) return;
			if (this.phase !== 'running' || this.isSubmitting) return;
			void this.#reread(message.attemptId);
		});
	}

	/** Reads the attempt again after another tab wrote it, once this tab's own writes are in. */
	async #reread(attemptId: string): Promise<void> {
		await this.#saving;
		const row = await getAttempt(this.#db, attemptId).catch(() => undefined);
		if (!row || this.attempt?.id !== attemptId || this.phase !== 'running') return;
		if (row.submittedAt !== null) {
			await this.#adoptSubmitted(row);
			return;
		}
		this.#showStored(row);
	}

	/** Shows the stored answers (this tab's unwritten ones kept) and names what changed. */
	#showStored(row: AttemptRow): void {
		const merged = mergeAnswers(row.answers ?? {}, this.answers, this.#unsaved);
		const ids = this.items.map((item) => item.id);
		const changed = changedItems(ids, this.answers, merged);
		this.attempt = row;
		this.answers = merged;
		if (changed.length > 0) {
			this.otherTabNotice = answeredElsewhereNotice(changed.map((id) => ids.indexOf(id) + 1));
		}
	}

	async #adoptSubmitted(row: AttemptRow): Promise<void> {
		if (row.submittedAt === null || this.attempt?.id !== row.id) return;
		this.isSubmittedElsewhere = true;
		this.#unsaved.clear();
		this.attempt = row;
		this.answers = row.answers ?? {};
		await this.#finish();
	}

	/** The answer given to one item so far (own keys only). */
	answerTo(itemId: string): Answer | undefined {
		return Object.hasOwn(this.answers, itemId) ? this.answers[itemId] : undefined;
	}

	/** Reads the assignment from a location hash and finds earlier attempts on this device. */
	async open(hash: string): Promise<void> {
		const now = this.#clock.now();
		this.phase = 'loading';
		this.now = now;
		this.attempt = null;
		this.answers = {};
		this.resultCode = '';
		this.saveError = '';
		const code = parseAssignmentFragment(hash);
		if (!code) {
			this.#invalid('This link has no assignment in it: the part after “#a=” is missing.');
			return;
		}
		const decoded = await decodeAssignment(code, {
			loadDeck: this.#loadDeck,
			loadDeckVersion: this.#loadDeckVersion,
			now
		});
		if (!decoded.ok) {
			this.#invalid(decoded.error);
			return;
		}
		this.assignment = decoded.value;
		try {
			this.previous = await listStudentAttempts(this.#db, decoded.value.id);
		} catch (error) {
			this.previous = [];
			this.saveError = `Answers cannot be saved on this device (${describeError(error)}).`;
		}
		this.phase = 'intro';
	}

	/** Starts (or resumes) the attempt of the named student. */
	async start(rawName: string): Promise<void> {
		const assignment = this.assignment;
		const now = this.#clock.now();
		if (!assignment || nameProblem(rawName)) return;
		const name = normaliseName(rawName);
		const itemIds = orderForStudent(
			assignment.items.map((item) => item.id),
			name,
			assignment.shuffle
		);
		try {
			const row = await startStudentAttempt(this.#db, {
				assignment,
				student: name,
				itemIds,
				startedAt: now
			});
			await this.resume(row);
		} catch (error) {
			this.saveError = `The assignment could not be started: ${describeError(error)}`;
		}
	}

	/** Continues a saved attempt; one whose time ran out while closed is submitted at once. */
	async resume(row: AttemptRow): Promise<void> {
		const now = this.#clock.now();
		this.attempt = row;
		this.answers = row.answers ?? {};
		this.#unsaved.clear();
		this.otherTabNotice = '';
		this.isSubmittedElsewhere = false;
		this.now = now;
		this.saveError = '';
		if (row.submittedAt !== null) {
			await this.#finish();
			return;
		}
		const firstOpen = this.items.findIndex((item) => !isAnswered(this.answerTo(item.id)));
		this.index = firstOpen >= 0 ? firstOpen : 0;
		this.phase = 'running';
		this.tick(now);
	}

	/**
	 * Records one answer and saves it, that item only (another tab's answers stay as stored);
	 * writes are queued so they land in order.
	 */
	setAnswer(itemId: string, answer: Answer | undefined): void {
		const attempt = this.attempt;
		if (!attempt || this.phase !== 'running' || this.isSubmitting) return;
		const next = { ...this.answers };
		if (answer === undefined) delete next[itemId];
		else next[itemId] = answer;
		this.answers = next;
		this.#unsaved.add(itemId);
		this.#saving = this.#saving
			.then(async () => {
				const row = await saveAttemptAnswer(this.#db, attempt.id, itemId, answer);
				this.saveError = '';
				// A later answer to the same item is still to be written.
				if (isSameAnswer(this.answerTo(itemId), answer)) this.#unsaved.delete(itemId);
				if (row?.submittedAt != null) {
					await this.#adoptSubmitted(row);
					return;
				}
				this.#tabs().post({ type: 'attempt-saved', attemptId: attempt.id });
			})
			.catch((error) => {
				this.saveError = `Your last answer could not be saved on this device (${describeError(error)}). Keep this tab open and submit.`;
			});
	}

	/** Resolves once every answer given so far is written (or has failed to be). */
	saved(): Promise<void> {
		return this.#saving;
	}

	goTo(index: number): void {
		this.index = Math.min(Math.max(0, index), Math.max(0, this.items.length - 1));
	}

	/** Moves the clock; at zero the attempt is submitted with what is answered. */
	tick(now: number = this.#clock.now()): void {
		this.now = now;
		if (this.phase === 'running' && this.deadline !== null && now >= this.deadline) {
			void this.submit(this.deadline);
		}
	}

	/** Submits the attempt (at the clock's time, never past the deadline). */
	async submit(now: number = this.#clock.now()): Promise<void> {
		const attempt = this.attempt;
		const assignment = this.assignment;
		if (!attempt || !assignment || this.phase !== 'running' || this.isSubmitting) return;
		this.isSubmitting = true;
		try {
			await this.#saving;
			const submittedAt = Math.max(
				attempt.startedAt,
				this.deadline === null ? now : Math.min(now, this.deadline)
			);
			// One submit at a time across tabs; the first submission is the one kept, and it
			// counts the answers as stored (another tab's too) with this tab's unwritten ones.
			const { row: stored, isNew } = await withTabLock(`factdeck-submit:${attempt.id}`, () =>
				submitStudentAttemptOnce(this.#db, attempt.id, submittedAt, (row) => {
					const answers = this.#givenAnswers(
						mergeAnswers(row.answers ?? {}, this.answers, this.#unsaved)
					);
					const score = markResult(
						assignment,
						{
							v: 1,
							assignmentId: assignment.id,
							student: '',
							startedAt: 0,
							submittedAt: 0,
							answers
						},
						''
					).score;
					return { answers, score };
				})
			);
			this.isSubmittedElsewhere = !isNew;
			if (isNew) this.#tabs().post({ type: 'submitted', attemptId: attempt.id });
			this.#unsaved.clear();
			this.attempt = stored;
			this.answers = stored.answers;
			await this.#finish();
		} catch (error) {
			this.saveError = `Your answers could not be submitted: ${describeError(error)} Try again.`;
		} finally {
			this.isSubmitting = false;
		}
	}

	/** Back to the start page (another student on the same device). */
	leave(): void {
		this.attempt = null;
		this.answers = {};
		this.#unsaved.clear();
		this.otherTabNotice = '';
		this.resultCode = '';
		this.phase = this.assignment ? 'intro' : 'invalid';
		if (this.assignment) {
			const id = this.assignment.id;
			listStudentAttempts(this.#db, id)
				.then((rows) => (this.previous = rows))
				.catch(() => undefined);
		}
	}

	async #finish(): Promise<void> {
		this.phase = 'submitted';
		const result = this.result;
		this.resultCode = result && this.assignment ? encodeResult(result, this.assignment) : '';
	}

	#givenAnswers(answers: Record<string, Answer> = this.answers): Record<string, Answer> {
		const given: Record<string, Answer> = {};
		for (const item of this.items) {
			const answer = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
			if (answer !== undefined && isAnswered(answer)) given[item.id] = answer;
		}
		return given;
	}

	#invalid(message: string): void {
		this.assignment = null;
		this.linkError = message;
		this.phase = 'invalid';
	}
}
