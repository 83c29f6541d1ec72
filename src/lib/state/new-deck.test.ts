import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import { getUserDeck } from '$lib/db/user-decks-repository';
import { recordAnswer } from '$lib/db/study-repository';
import { factKey } from '$lib/domain/study/memory';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import { MAX_DOCUMENT_BYTES } from '$lib/domain/extract/validate';
import type { McqItem } from '$lib/domain/types';
import { NewDeckDraft, type DraftWorker } from '$lib/state/new-deck.svelte';
import {
	createExtractHandler,
	type ExtractMessage,
	type ExtractRequest
} from '$lib/workers/extract-handler';

const TEXT = `# The Danube Commission

## Founding

The European Commission of the Danube (ECD) was created by the Treaty of Paris in 1856. Delegates from seven states met in Galați on 4 November 1856. By 1860 the commission employed 350 workers on the river mouth.

## Works

Engineer Charles Hartley directed the dredging of the Sulina channel for over forty years. The channel was deepened from 9 feet to 20 feet between 1858 and 1902. Traffic through Sulina grew to 1,500 ships a year by 1880.

## End

In 1939 the commission was dissolved after the Sinaia Agreement. Its lighthouse at Sulina still stands beside the old harbour.
`;

const T0 = Date.UTC(2026, 11, 1, 9);

const dbs: FactdeckDB[] = [];
function freshDb(): FactdeckDB {
	const db = new FactdeckDB('new-deck-' + Math.random().toString(36).slice(2));
	dbs.push(db);
	return db;
}
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

/** A worker that runs the real handler in this thread, answering asynchronously as a worker does. */
class InThreadWorker {
	requests: ExtractRequest['kind'][] = [];
	isTerminated = false;
	#handle = createExtractHandler();
	#listeners: Record<string, ((event: unknown) => void)[]> = {};
	addEventListener(type: string, listener: (event: unknown) => void) {
		(this.#listeners[type] ??= []).push(listener);
	}
	postMessage(request: ExtractRequest) {
		this.requests.push(request.kind);
		const data = structuredClone(request);
		setTimeout(() =>
			this.#handle(data, (message: ExtractMessage) => {
				if (this.isTerminated) return;
				const event = { data: structuredClone(message) };
				for (const listener of this.#listeners.message ?? []) listener(event);
			})
		);
	}
	terminate() {
		this.isTerminated = true;
	}
}

/** A draft on `db` at a fixed clock, with in-thread workers it keeps for inspection. */
function draftOn(db: FactdeckDB, clock = { now: T0 }) {
	const workers: InThreadWorker[] = [];
	const draft = new NewDeckDraft(
		() => db,
		() => clock.now,
		() => {
			const worker = new InThreadWorker();
			workers.push(worker);
			return worker as unknown as DraftWorker;
		}
	);
	return { draft, workers };
}

async function generated(db: FactdeckDB) {
	const made = draftOn(db);
	made.draft.title = 'River notes';
	made.draft.setText(TEXT);
	await made.draft.generate();
	expect(made.draft.step).toBe('editing');
	return made;
}

function firstMcq(draft: NewDeckDraft): McqItem {
	const item = draft.deck!.items.find((candidate) => candidate.type === 'mcq');
	if (!item || item.type !== 'mcq') throw new Error('no multiple-choice item');
	return item;
}

// The first extraction loads compromise, which takes seconds on a loaded machine.
describe('NewDeckDraft', { timeout: 60_000 }, () => {
	it('makes a deck in the worker, with the sentences for selections, and is unsaved until saved', async () => {
		const db = freshDb();
		const { draft, workers } = await generated(db);
		expect(workers[0].requests).toEqual(['extract']);
		expect(workers[0].isTerminated).toBe(true);
		expect(draft.deck!.items.length).toBeGreaterThan(5);
		expect(draft.document?.parsed.sentences.length).toBeGreaterThan(5);
		expect(draft.isDirty).toBe(true);

		const id = await draft.save();
		expect(id).toBe(draft.deck!.id);
		expect(workers[1].requests).toEqual(['deck-part', 'save']);
		const row = await getUserDeck(db, id!);
		expect(row).toMatchObject({ createdAt: T0, updatedAt: T0, deck: { title: 'River notes' } });
		expect(draft.isDirty).toBe(false);
	});

	it('refuses a paste over 2 MB as a pasted text, and an empty one, without a worker', async () => {
		const { draft, workers } = draftOn(freshDb());
		draft.setText('a'.repeat(MAX_DOCUMENT_BYTES + 10));
		await draft.generate();
		expect(draft.error).toMatch(/^The pasted text is 2\.0 MB/);
		draft.setText('   ');
		await draft.generate();
		expect(draft.error).toMatch(/empty/);
		expect(draft.step).toBe('input');
		expect(workers).toHaveLength(0);
	});

	it('reads a UTF-16 file with a byte-order mark', async () => {
		const { draft } = draftOn(freshDb());
		const bytes = new Uint8Array(2 + TEXT.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < TEXT.length; i++) {
			const c = TEXT.charCodeAt(i);
			bytes.set([c & 0xff, c >> 8], 2 + i * 2);
		}
		await draft.openFile(new File([bytes], 'river.txt', { type: 'text/plain' }));
		expect(draft.error).toBe('');
		expect(draft.text).toBe(TEXT);
		expect(draft.fileName).toBe('river.txt');
	});

	it('edits every option of a multiple-choice item, refusing empty and repeated options', async () => {
		const { draft } = await generated(freshDb());
		const item = firstMcq(draft);
		const options = [...item.options];
		const empty = options.map((option, i) => (i === 1 ? '  ' : option));
		expect(
			draft.editItem(item.id, { prompt: item.prompt, options: empty, answer: item.answer })
		).toMatch(/Option 2 is empty/);
		const repeated = options.map((option, i) => (i === 2 ? options[0].toUpperCase() : option));
		expect(
			draft.editItem(item.id, { prompt: item.prompt, options: repeated, answer: item.answer })
		).toMatch(/say the same/);
		expect(firstMcq(draft).options).toEqual(options);

		const wrong = options.findIndex((option) => option !== item.answer);
		const edited = options.map((option, i) => (i === wrong ? 'A brand  new option ' : option));
		expect(
			draft.editItem(item.id, { prompt: item.prompt, options: edited, answer: item.answer })
		).toBeNull();
		expect(firstMcq(draft).options[wrong]).toBe('A brand new option');
		// The right answer itself can be reworded: it stays the marked option.
		const right = options.indexOf(item.answer);
		const reworded = firstMcq(draft).options.map((option, i) =>
			i === right ? `${option} (the answer)` : option
		);
		expect(
			draft.editItem(item.id, { prompt: item.prompt, options: reworded, answer: reworded[right] })
		).toBeNull();
		expect(firstMcq(draft).answer).toBe(`${item.answer} (the answer)`);
	});

	it('takes back the last deletion, of a question or of a whole fact', async () => {
		const { draft } = await generated(freshDb());
		const original = draft.deck!;
		const fact = original.facts[0];
		draft.deleteFact(fact.id);
		expect(draft.deck!.facts.some((other) => other.id === fact.id)).toBe(false);
		expect(draft.lastDeletion?.label).toContain(fact.answer);
		expect(draft.undoDelete()?.factId).toBe(fact.id);
		expect(draft.deck).toBe(original);
		expect(draft.lastDeletion).toBeNull();
		expect(draft.undoDelete()).toBeNull();

		const item = original.items[0];
		draft.deleteItem(item.id);
		expect(draft.deck!.items.some((other) => other.id === item.id)).toBe(false);
		// Any other edit ends the chance to undo (it would take that edit back too).
		const other = draft.deck!.items.find((candidate) => candidate.type === 'flashcard')!;
		expect(
			draft.editItem(other.id, { prompt: 'Which year is it?', answer: other.answer })
		).toBeNull();
		expect(draft.lastDeletion).toBeNull();
	});

	it('edits a saved deck later: renamed, a question edited, one deleted; progress kept on the rest', async () => {
		const db = freshDb();
		const clock = { now: T0 };
		const first = await generated(db);
		const id = (await first.draft.save())!;
		const saved = first.draft.deck!;
		const [kept, removed] = saved.facts;
		for (const fact of [kept, removed]) {
			await recordAnswer(db, {
				deckId: id,
				factId: fact.id,
				itemId: saved.items.find((item) => item.factId === fact.id)!.id,
				rating: 3,
				now: T0 + 1000,
				durationMs: 2000,
				settings: DEFAULT_SETTINGS,
				origin: 'study'
			});
		}

		clock.now = T0 + 60_000;
		const { draft } = draftOn(db, clock);
		const loading = draft.loadSaved(id);
		expect(draft.step).toBe('loading');
		await loading;
		expect(draft.step).toBe('editing');
		expect(draft.title).toBe('River notes');
		expect(draft.isDirty).toBe(false);
		expect(draft.document?.parsed.sentences.length).toBeGreaterThan(5);

		draft.title = 'Danube notes';
		expect(draft.isDirty).toBe(true);
		const item = saved.items.find(
			(candidate) => candidate.factId === kept.id && candidate.type === 'flashcard'
		)!;
		expect(
			draft.editItem(item.id, {
				prompt: 'Who founded the ECD, and when?',
				answer: item.answer as string
			})
		).toBeNull();
		draft.deleteFact(removed.id);
		expect(await draft.save()).toBe(id);

		const row = (await getUserDeck(db, id))!;
		expect(row.deck.title).toBe('Danube notes');
		expect(row.deck.version).toBe(saved.version + 1);
		expect(row.createdAt).toBe(T0);
		expect(row.updatedAt).toBe(T0 + 60_000);
		expect(row.deck.items.find((candidate) => candidate.id === item.id)?.prompt).toBe(
			'Who founded the ECD, and when?'
		);
		expect(row.deck.facts.some((fact) => fact.id === removed.id)).toBe(false);
		expect(await db.memory.get(factKey(id, kept.id))).toBeDefined();
		expect(await db.memory.get(factKey(id, removed.id))).toBeUndefined();
		// Reviews are history: both stay.
		expect(await db.reviews.where('deckId').equals(id).count()).toBe(2);
		expect(draft.isDirty).toBe(false);
	});

	it('says when a saved deck is not in this browser, and refuses to save a deck left without a title', async () => {
		const db = freshDb();
		const { draft } = draftOn(db);
		await draft.loadSaved('my-missing-1');
		expect(draft.step).toBe('missing');

		const made = await generated(db);
		made.draft.title = '   ';
		expect(await made.draft.save()).toBeNull();
		expect(made.draft.saveError).toMatch(/title/);
		expect(await db.userDecks.count()).toBe(0);
	});

	it('goes back to the input when an extraction is cancelled', async () => {
		const { draft, workers } = draftOn(freshDb());
		draft.setText(TEXT);
		const running = draft.generate();
		expect(draft.step).toBe('extracting');
		draft.cancel();
		await running;
		expect(draft.step).toBe('input');
		expect(workers[0].isTerminated).toBe(true);
		expect(draft.deck).toBeNull();
	});
});
