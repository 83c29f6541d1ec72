/**
 * A deck being made from a document on /decks/new, or a saved deck being edited on
 * /my-decks/<id>/edit: the heavy work (extraction, parsing the document for selections, checking
 * the whole deck before saving) goes to a worker, the learner edits the draft here, and saving
 * writes it to IndexedDB. The editing rules are the pure functions of `deck-edit`; this class
 * only holds the draft. It takes its database and clock as functions (browser defaults), and the
 * worker's constructor, so a unit test can drive it with a fake database and an in-thread worker.
 */
import { getDb } from '$lib/db/database';
import type { FactdeckDB } from '$lib/db/schema';
import {
	addFact,
	deleteFact,
	deleteItem,
	editItem,
	factFromSelection,
	removedFactIds,
	type DraftDocument,
	type EditResult,
	type ItemEdit,
	type ProposedFact
} from '$lib/domain/deck/deck-edit';
import { checkDocumentInput, decodeDocumentBytes } from '$lib/domain/deck/document-input';
import type { ParsedDocument } from '$lib/domain/extract/sentences';
import { MAX_DOCUMENT_BYTES, validateDocumentText } from '$lib/domain/extract/validate';
import type { DeckPhase } from '$lib/domain/deck/user-deck';
import type { Deck, Fact } from '$lib/domain/types';
import type { ExtractMessage, ExtractRequest } from '$lib/workers/extract-handler';
import { DeckCollector, splitDeck, yieldToPage, type DeckPart } from '$lib/workers/deck-transfer';

/** `loading` and `missing` are the steps of a saved deck opened for editing. */
export type DraftStep = 'input' | 'extracting' | 'editing' | 'loading' | 'missing';

/** What the progress bar says for each step of the work. */
export const PHASE_LABELS: Record<DeckPhase | 'loading', string> = {
	loading: 'Loading the language tools…',
	analysing: 'Reading the sentences…',
	phrases: 'Finding phrases worth asking about…',
	building: 'Writing the questions…'
};

/** The part of a Worker the draft uses (a test passes one that runs in the same thread). */
export type DraftWorker = Pick<Worker, 'postMessage' | 'addEventListener' | 'terminate'>;

/**
 * The extraction worker (a module worker with the NLP library: seconds to start) for `extract`,
 * the small deck-edit worker for everything else (parse, check and save, read a saved deck).
 */
function startDraftWorker(kind: ExtractRequest['kind']): DraftWorker {
	return kind === 'extract'
		? new Worker(new URL('../workers/extract.worker.ts', import.meta.url), { type: 'module' })
		: new Worker(new URL('../workers/deck-edit.worker.ts', import.meta.url), { type: 'module' });
}

/** What was deleted last, and the deck as it was before, for "Undo". */
export interface Deletion {
	label: string;
	/** The fact the deleted question belonged to, or the deleted fact. */
	factId: string;
	before: Deck;
}

export class NewDeckDraft {
	step = $state<DraftStep>('input');
	/** The document as typed, pasted or read from a file. */
	text = $state('');
	fileName = $state('');
	/** The deck's title: optional before extraction, required to save. */
	title = $state('');
	/** What is wrong with the input or why extraction failed, for the learner. */
	error = $state('');
	phase = $state<DeckPhase | 'loading'>('loading');
	/** 0..1 */
	share = $state(0);
	deck = $state.raw<Deck | null>(null);
	documents = $state.raw<Record<string, string>>({});
	warnings = $state.raw<string[]>([]);
	/** Facts ranked below the deck's budget, best first: offered, never in the deck unless added. */
	suggestions = $state.raw<Fact[]>([]);
	saveError = $state('');
	isSaving = $state(false);
	/** The last deletion while it can still be taken back (any other edit ends that). */
	lastDeletion = $state.raw<Deletion | null>(null);
	/** The deck as it is stored in this browser (null for a draft never saved). */
	saved = $state.raw<Deck | null>(null);

	/** The draft's one document with its sentences, once parsed (in the worker), for selections. */
	readonly document = $derived.by((): DraftDocument | null => {
		const [id] = Object.keys(this.documents);
		return id === undefined || this.#parsed === null
			? null
			: { id, text: this.documents[id], parsed: this.#parsed };
	});

	/** The document's text, for the preview (available before its sentences are). */
	readonly documentText = $derived(Object.values(this.documents)[0] ?? '');

	/** Whether leaving now would lose questions: a draft never saved, or changes since saving. */
	readonly isDirty = $derived(
		this.step === 'editing' &&
			this.deck !== null &&
			(this.saved === null ||
				this.deck !== this.saved ||
				cleanTitle(this.title) !== cleanTitle(this.saved.title))
	);

	#parsed = $state.raw<ParsedDocument | null>(null);
	#db: () => FactdeckDB;
	#now: () => number;
	#startWorker: (kind: ExtractRequest['kind']) => DraftWorker;
	#worker: DraftWorker | null = null;
	#cancelRun: (() => void) | null = null;
	/** File size in bytes when the text came from a file and was not changed since. */
	#byteSize: number | undefined;

	constructor(
		db: () => FactdeckDB = getDb,
		now: () => number = Date.now,
		startWorker: (kind: ExtractRequest['kind']) => DraftWorker = startDraftWorker
	) {
		this.#db = db;
		this.#now = now;
		this.#startWorker = startWorker;
	}

	/** Reads a chosen file into the draft, refusing (without reading) one over 2 MB. */
	async openFile(file: File): Promise<void> {
		this.error = '';
		if (file.size > MAX_DOCUMENT_BYTES) {
			const check = validateDocumentText('', file.size);
			this.error = check.ok ? '' : check.error;
			return;
		}
		const text = decodeDocumentBytes(new Uint8Array(await file.arrayBuffer()));
		const check = validateDocumentText(text, file.size);
		if (!check.ok) {
			this.error = check.error;
			return;
		}
		this.text = text;
		this.fileName = file.name;
		this.#byteSize = file.size;
	}

	/** The learner typed or pasted: the text no longer is the file's. */
	setText(text: string): void {
		this.text = text;
		this.#byteSize = undefined;
		this.error = '';
	}

	/** Starts extraction in a worker; bad input is refused at once with a message. */
	async generate(): Promise<void> {
		const check = checkDocumentInput(this.text, this.#byteSize);
		if (!check.ok) {
			this.error = check.error;
			return;
		}
		this.cancel();
		this.error = '';
		this.step = 'extracting';
		this.phase = 'loading';
		this.share = 0;
		const message = await this.#run(
			[
				{
					kind: 'extract',
					text: this.text,
					title: this.title,
					fileName: this.fileName,
					byteSize: this.#byteSize
				}
			],
			(phase, share) => {
				this.phase = phase;
				this.share = share;
			}
		);
		if (message === null) return;
		if (message.kind === 'error')
			return this.#fail(`Making the questions failed: ${message.message}`);
		if (message.kind !== 'done') return this.#fail('Making the questions failed.');
		const { result } = message;
		if (!result.ok) return this.#fail(result.error);
		this.deck = result.deck;
		this.documents = result.documents;
		this.#parsed = message.parsed;
		this.warnings = result.warnings;
		this.suggestions = result.suggestions;
		this.title = result.deck.title;
		this.saved = null;
		this.lastDeletion = null;
		this.step = 'editing';
	}

	/**
	 * Opens a saved deck for editing: its questions, title and document as stored, read by the
	 * worker and sent in parts (a big deck read here would be one long task).
	 */
	async loadSaved(deckId: string): Promise<void> {
		this.step = 'loading';
		this.error = '';
		const collector = new DeckCollector();
		const answer = await this.#run(
			[{ kind: 'read', dbName: this.#db().name, deckId, withDocuments: true }],
			undefined,
			(part) => collector.add(part)
		);
		if (answer === null) return;
		if (answer.kind !== 'read') {
			this.error = 'The deck could not be read from this browser’s storage.';
			this.step = 'missing';
			return;
		}
		if (!answer.row) {
			this.step = 'missing';
			return;
		}
		const deck = collector.finish(answer.row.head);
		this.deck = deck;
		this.saved = deck;
		this.documents = answer.row.documents ?? {};
		this.title = deck.title;
		this.warnings = [];
		this.suggestions = [];
		this.lastDeletion = null;
		this.#parsed = null;
		this.step = 'editing';
		const text = Object.values(this.documents)[0];
		if (text === undefined) return;
		const message = await this.#run([{ kind: 'parse', text }]);
		if (message?.kind === 'parsed' && this.documentText === text) this.#parsed = message.parsed;
	}

	/** Stops a running extraction and goes back to the input. */
	cancel(): void {
		this.#stopWorker();
		if (this.step === 'extracting') this.step = 'input';
	}

	/** Drops the draft and goes back to the input (the text stays, to try again). */
	startOver(): void {
		this.cancel();
		this.deck = null;
		this.documents = {};
		this.#parsed = null;
		this.warnings = [];
		this.suggestions = [];
		this.saveError = '';
		this.lastDeletion = null;
		this.step = 'input';
	}

	/** A saved deck's edits dropped: back to the deck as stored. */
	revert(): void {
		if (!this.saved) return;
		this.deck = this.saved;
		this.title = this.saved.title;
		this.lastDeletion = null;
		this.saveError = '';
	}

	/** Applies an edit; returns the reason when the edit breaks a rule (nothing changes then). */
	editItem(itemId: string, edit: ItemEdit): string | null {
		return this.#apply(this.deck && editItem(this.deck, itemId, edit));
	}

	/** Deletes one question (and its fact when it was the fact's last); "Undo" can take it back. */
	deleteItem(itemId: string): void {
		if (!this.deck) return;
		const before = this.deck;
		const item = before.items.find((candidate) => candidate.id === itemId);
		this.deck = deleteItem(before, itemId);
		if (item && this.deck !== before)
			this.lastDeletion = {
				label: `the question “${clip(item.prompt)}”`,
				factId: item.factId,
				before
			};
	}

	/** Deletes a fact and its questions; "Undo" can take it back. */
	deleteFact(factId: string): void {
		if (!this.deck) return;
		const before = this.deck;
		const fact = before.facts.find((candidate) => candidate.id === factId);
		this.deck = deleteFact(before, factId);
		if (fact)
			this.lastDeletion = {
				label: `the fact “${clip(fact.answer)}” and its questions`,
				factId,
				before
			};
	}

	/** Takes back the last deletion; returns what came back, or null when there is nothing to undo. */
	undoDelete(): Deletion | null {
		const deletion = this.lastDeletion;
		if (!deletion) return null;
		this.deck = deletion.before;
		this.lastDeletion = null;
		return deletion;
	}

	/** A fact proposed from a selection of the document ([from, to) offsets), or why not. */
	proposeFact(from: number, to: number): EditResult<ProposedFact> {
		if (!this.deck) return { ok: false, error: 'There is no document yet.' };
		if (!this.document)
			return { ok: false, error: 'The document is still being read: try again in a moment.' };
		return factFromSelection(this.deck, this.document, from, to);
	}

	/** Adds a proposed fact with its items; returns the reason when it cannot. */
	addFact(proposed: ProposedFact): string | null {
		if (this.deck && !this.document)
			return 'The document is still being read: try again in a moment.';
		return this.#apply(this.deck && this.document && addFact(this.deck, this.document, proposed));
	}

	/** Moves a suggested fact into the deck with its questions; returns the reason when it cannot. */
	addSuggestion(factId: string): string | null {
		const fact = this.suggestions.find((candidate) => candidate.id === factId);
		if (!fact || !this.document) return 'That suggestion is no longer there.';
		const heading = this.document.parsed.headings.find((h) => h.slug === fact.topic);
		const topic = { id: fact.topic, title: heading?.text ?? 'General' };
		const error = this.addFact({ fact, topic });
		if (error === null) this.suggestions = this.suggestions.filter((other) => other.id !== factId);
		return error;
	}

	/**
	 * Checks the whole draft and saves it, both in the worker (the deck goes to it in parts, so no
	 * task here is long; its one transaction writes all or nothing); resolves to the saved deck's
	 * id, or null (see saveError). A saved deck keeps its id and, on its unchanged facts, the
	 * learner's progress; it gets a new version when its questions changed.
	 */
	async save(): Promise<string | null> {
		if (!this.deck || this.isSaving) return null;
		const deck = this.deck;
		const saved = this.saved;
		this.isSaving = true;
		this.saveError = '';
		try {
			const version = saved ? saved.version + (deck !== saved ? 1 : 0) : deck.version;
			const removed = saved ? removedFactIds(saved, deck) : [];
			const { head, parts } = splitDeck(deck);
			const answer = await this.#run([
				...parts,
				{
					kind: 'save',
					dbName: this.#db().name,
					head,
					documents: this.documents,
					title: this.title,
					version,
					removedFactIds: removed,
					now: this.#now()
				}
			]);
			if (answer === null) return null;
			if (answer.kind === 'finished' && !answer.result.ok) {
				this.saveError = answer.result.error;
				return null;
			}
			if (answer.kind !== 'saved') {
				this.saveError = `The deck could not be saved in this browser: ${answer.kind === 'error' ? answer.message : 'no answer'}.`;
				return null;
			}
			const finished: Deck = { ...deck, title: answer.title, topics: answer.topics, version };
			this.deck = finished;
			this.saved = finished;
			this.title = finished.title;
			this.lastDeletion = null;
			return finished.id;
		} catch (error) {
			this.saveError = `The deck could not be saved in this browser: ${error instanceof Error ? error.message : String(error)}`;
			return null;
		} finally {
			this.isSaving = false;
		}
	}

	/**
	 * Posts requests to a fresh worker, giving the page a turn between them, and resolves with its
	 * answer (null when cancelled); parts of a deck it sends back go to `onPart` as they come.
	 */
	#run(
		requests: ExtractRequest[],
		onProgress?: (phase: DeckPhase | 'loading', share: number) => void,
		onPart?: (part: DeckPart) => void
	): Promise<ExtractMessage | null> {
		const worker = this.#startWorker(requests[0].kind);
		this.#worker = worker;
		let isCancelled = false;
		return new Promise((resolve) => {
			this.#cancelRun = () => {
				isCancelled = true;
				resolve(null);
			};
			const finish = (message: ExtractMessage) => {
				resolve(message);
				if (this.#worker === worker) this.#stopWorker();
				else worker.terminate();
			};
			worker.addEventListener('message', (event: MessageEvent<ExtractMessage>) => {
				const message = event.data;
				if (message.kind === 'progress') onProgress?.(message.phase, message.share);
				else if (message.kind === 'deck-part') onPart?.(message);
				else finish(message);
			});
			worker.addEventListener('error', (event: ErrorEvent) =>
				finish({ kind: 'error', message: event.message || 'the worker could not start' })
			);
			void (async () => {
				for (const [index, request] of requests.entries()) {
					if (index > 0) await yieldToPage();
					if (isCancelled) return;
					worker.postMessage(request);
				}
			})();
		});
	}

	#apply(result: EditResult<Deck> | null): string | null {
		if (!result) return 'There is no deck to edit.';
		if (!result.ok) return result.error;
		this.deck = result.value;
		this.lastDeletion = null;
		return null;
	}

	#fail(message: string): void {
		this.error = message;
		this.step = 'input';
	}

	#stopWorker(): void {
		this.#worker?.terminate();
		this.#worker = null;
		const cancel = this.#cancelRun;
		this.#cancelRun = null;
		cancel?.();
	}
}

function cleanTitle(title: string): string {
	return title.replace(/\s+/g, ' ').trim();
}

function clip(text: string, max = 60): string {
	return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
