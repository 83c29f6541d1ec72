/**
 * A deck being made from a document on /decks/new: the text goes to a worker that extracts the
 * facts and builds the items, then the learner edits the draft and saves it to IndexedDB. The
 * editing rules are the pure functions of `deck-edit`; this class only holds the draft.
 */
import { getDb } from '$lib/db/database';
import { saveUserDeck } from '$lib/db/user-decks-repository';
import {
	addFact,
	deleteFact,
	deleteItem,
	editItem,
	factFromSelection,
	finishDeck,
	type DraftDocument,
	type EditResult,
	type ItemEdit,
	type ProposedFact
} from '$lib/domain/deck/deck-edit';
import { parseDocument } from '$lib/domain/extract/sentences';
import { MAX_DOCUMENT_BYTES, validateDocumentText } from '$lib/domain/extract/validate';
import type { DeckPhase } from '$lib/domain/deck/user-deck';
import type { Deck, Fact } from '$lib/domain/types';
import type { ExtractMessage, ExtractRequest } from '$lib/workers/extract.worker';

export type DraftStep = 'input' | 'extracting' | 'editing';

/** What the progress bar says for each step of the work. */
export const PHASE_LABELS: Record<DeckPhase | 'loading', string> = {
	loading: 'Loading the language tools…',
	analysing: 'Reading the sentences…',
	phrases: 'Finding phrases worth asking about…',
	building: 'Writing the questions…'
};

/** The extraction worker (a module worker: it imports compromise lazily). */
function startExtractWorker(): Worker {
	return new Worker(new URL('../workers/extract.worker.ts', import.meta.url), { type: 'module' });
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

	/** The draft's one document, parsed once per extraction (not per edit), for selections. */
	readonly document = $derived.by((): DraftDocument | null => {
		const [id] = Object.keys(this.documents);
		return id === undefined
			? null
			: { id, text: this.documents[id], parsed: parseDocument(this.documents[id]) };
	});

	#worker: Worker | null = null;
	/** File size in bytes when the text came from a file and was not changed since. */
	#byteSize: number | undefined;

	/** Reads a chosen file into the draft, refusing (without reading) one over 2 MB. */
	async openFile(file: File): Promise<void> {
		this.error = '';
		if (file.size > MAX_DOCUMENT_BYTES) {
			const check = validateDocumentText('', file.size);
			this.error = check.ok ? '' : check.error;
			return;
		}
		// Invalid UTF-8 becomes U+FFFD, which the document check counts as unreadable.
		const text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
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
	generate(): void {
		const check = validateDocumentText(
			this.text,
			this.#byteSize ?? new TextEncoder().encode(this.text).length
		);
		if (!check.ok) {
			this.error = check.error;
			return;
		}
		this.cancel();
		this.error = '';
		this.step = 'extracting';
		this.phase = 'loading';
		this.share = 0;
		const worker = startExtractWorker();
		this.#worker = worker;
		worker.addEventListener('message', (event: MessageEvent<ExtractMessage>) => {
			const message = event.data;
			if (message.kind === 'progress') {
				this.phase = message.phase;
				this.share = message.share;
				return;
			}
			this.#stopWorker();
			if (message.kind === 'error')
				return this.#fail(`Making the questions failed: ${message.message}`);
			const { result } = message;
			if (!result.ok) return this.#fail(result.error);
			this.deck = result.deck;
			this.documents = result.documents;
			this.warnings = result.warnings;
			this.suggestions = result.suggestions;
			this.title = result.deck.title;
			this.step = 'editing';
		});
		worker.addEventListener('error', (event) => {
			this.#stopWorker();
			this.#fail(`Making the questions failed: ${event.message || 'the worker could not start'}.`);
		});
		const request: ExtractRequest = {
			text: this.text,
			title: this.title,
			fileName: this.fileName,
			byteSize: this.#byteSize
		};
		worker.postMessage(request);
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
		this.warnings = [];
		this.suggestions = [];
		this.saveError = '';
		this.step = 'input';
	}

	/** Applies an edit; returns the reason when the edit breaks a rule (nothing changes then). */
	editItem(itemId: string, edit: ItemEdit): string | null {
		return this.#apply(this.deck && editItem(this.deck, itemId, edit));
	}

	deleteItem(itemId: string): void {
		if (this.deck) this.deck = deleteItem(this.deck, itemId);
	}

	deleteFact(factId: string): void {
		if (this.deck) this.deck = deleteFact(this.deck, factId);
	}

	/** A fact proposed from a selection of the document ([from, to) offsets), or why not. */
	proposeFact(from: number, to: number): EditResult<ProposedFact> {
		if (!this.deck || !this.document) return { ok: false, error: 'There is no document yet.' };
		return factFromSelection(this.deck, this.document, from, to);
	}

	/** Adds a proposed fact with its items; returns the reason when it cannot. */
	addFact(proposed: ProposedFact): string | null {
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

	/** Checks the whole draft and saves it; resolves to the saved deck's id, or null (see saveError). */
	async save(now: number): Promise<string | null> {
		if (!this.deck || this.isSaving) return null;
		const finished = finishDeck(this.deck, this.documents, this.title);
		if (!finished.ok) {
			this.saveError = finished.error;
			return null;
		}
		this.isSaving = true;
		this.saveError = '';
		try {
			await saveUserDeck(getDb(), finished.value, this.documents, now);
			this.deck = finished.value;
			return finished.value.id;
		} catch (error) {
			this.saveError = `The deck could not be saved in this browser: ${error instanceof Error ? error.message : String(error)}`;
			return null;
		} finally {
			this.isSaving = false;
		}
	}

	#apply(result: EditResult<Deck> | null): string | null {
		if (!result) return 'There is no deck to edit.';
		if (!result.ok) return result.error;
		this.deck = result.value;
		return null;
	}

	#fail(message: string): void {
		this.error = message;
		this.step = 'input';
	}

	#stopWorker(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}
}
