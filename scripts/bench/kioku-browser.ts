// Runs inside Chromium on the peer's origin (bundled by scripts/bench.ts): seeds a collection into
// kioku's own IndexedDB schema, the one its client declares (database "kioku", Dexie schema
// version 4), read from its src/client/db. Every card has its note, the note's two field values
// and a shared note type with Front and Back fields, as kioku's study page needs them; review
// logs are append-only rows of its reviewLogs table. The learner is the offline user the app
// finds in localStorage.kioku_user.
import Dexie, { type Table } from 'dexie';

const DAY = 86_400_000;
export const KIOKU_USER = { id: 'bench-user', username: 'bench' };
const NOTE_TYPE = 'bench-note-type';
const FRONT = 'bench-field-front';
const BACK = 'bench-field-back';

type Row = Record<string, unknown>;

class KiokuSeedDB extends Dexie {
	decks!: Table<Row, string>;
	cards!: Table<Row, string>;
	reviewLogs!: Table<Row, string>;
	noteTypes!: Table<Row, string>;
	noteFieldTypes!: Table<Row, string>;
	notes!: Table<Row, string>;
	noteFieldValues!: Table<Row, string>;
	constructor() {
		super('kioku');
		// The indexes of kioku's latest schema version, so the app opens this database unchanged.
		this.version(4).stores({
			decks: 'id, userId, updatedAt',
			cards: 'id, deckId, noteId, updatedAt, due, state',
			reviewLogs: 'id, cardId, userId, reviewedAt',
			noteTypes: 'id, userId, updatedAt',
			noteFieldTypes: 'id, noteTypeId, updatedAt',
			notes: 'id, deckId, noteTypeId, updatedAt',
			noteFieldValues: 'id, noteId, noteFieldTypeId, updatedAt'
		});
	}
}

const synced = (at: Date) => ({ createdAt: at, updatedAt: at, syncVersion: 1, _synced: true });

function deckRow(id: string, name: string, at: Date): Row {
	return {
		id,
		userId: KIOKU_USER.id,
		name,
		description: null,
		defaultNoteTypeId: NOTE_TYPE,
		deletedAt: null,
		...synced(at)
	};
}

/** A card with its note and field values; `isNew` as a fact never studied, else in review. */
function cardRows(deckId: string, id: string, n: number, front: string, back: string, now: number) {
	const at = new Date(now - DAY * 90);
	const isNew = deckId === 'kosovo';
	const card: Row = {
		id,
		deckId,
		noteId: `note-${id}`,
		isReversed: false,
		front,
		back,
		state: isNew ? 0 : 2,
		// The same spread of due dates as Factdeck's seeded memory rows (30 days back to 30 ahead).
		due: new Date(isNew ? now - 60_000 : now - DAY * 30 + ((n * 7919) % (DAY * 60))),
		stability: isNew ? 0 : 5 + (n % 50),
		difficulty: isNew ? 0 : 1 + (n % 9),
		elapsedDays: isNew ? 0 : 3,
		scheduledDays: isNew ? 0 : 3,
		reps: isNew ? 0 : 4,
		lapses: isNew ? 0 : n % 3,
		lastReview: isNew ? null : new Date(now - DAY * 3),
		deletedAt: null,
		...synced(at)
	};
	const note: Row = {
		id: `note-${id}`,
		deckId,
		noteTypeId: NOTE_TYPE,
		deletedAt: null,
		...synced(at)
	};
	const values: Row[] = [
		{ id: `fv-${id}-f`, noteId: note.id, noteFieldTypeId: FRONT, value: front, ...synced(at) },
		{ id: `fv-${id}-b`, noteId: note.id, noteFieldTypeId: BACK, value: back, ...synced(at) }
	];
	return { card, note, values };
}

function reviewRow(n: number, now: number): Row {
	const card = n % 10_000;
	return {
		id: `review-${n}`,
		cardId: `bench-${card % 10}-${card}`,
		userId: KIOKU_USER.id,
		rating: (n % 4) + 1,
		state: 2,
		scheduledDays: 3,
		elapsedDays: 3,
		reviewedAt: new Date(now - ((n * 104_729) % (DAY * 365))),
		durationMs: 4000 + (n % 5000),
		syncVersion: 1,
		_synced: true
	};
}

/**
 * Fills kioku's database. `studied` is the deck the bench studies (Factdeck's Kosovo deck's
 * questions and answers, all new); `facts` more cards (from `fromFact`) go over `decks` decks
 * named bench-0.., and `reviews` log rows (from `fromReview`).
 */
async function seed(options: {
	studied: { question: string; answer: string }[];
	facts: number;
	fromFact: number;
	reviews: number;
	fromReview: number;
	decks: number;
}): Promise<{ cards: number; reviews: number }> {
	localStorage.setItem('kioku_user', JSON.stringify(KIOKU_USER));
	const db = new KiokuSeedDB();
	const now = Date.now();
	const at = new Date(now - DAY * 90);
	await db.transaction('rw', [db.decks, db.noteTypes, db.noteFieldTypes], async () => {
		await db.noteTypes.put({
			id: NOTE_TYPE,
			userId: KIOKU_USER.id,
			name: 'Basic',
			frontTemplate: '{{Front}}',
			backTemplate: '{{Back}}',
			isReversible: false,
			deletedAt: null,
			...synced(at)
		});
		await db.noteFieldTypes.bulkPut(
			[FRONT, BACK].map((id, order) => ({
				id,
				noteTypeId: NOTE_TYPE,
				name: order === 0 ? 'Front' : 'Back',
				order,
				fieldType: 'text',
				deletedAt: null,
				...synced(at)
			}))
		);
		await db.decks.put(deckRow('kosovo', 'Peacekeeping in Kosovo since 1999', at));
		for (let d = 0; d < options.decks; d++)
			await db.decks.put(deckRow(`bench-${d}`, `Bench deck ${d}`, at));
	});
	const put = async (rows: ReturnType<typeof cardRows>[]) => {
		await db.cards.bulkPut(rows.map((row) => row.card));
		await db.notes.bulkPut(rows.map((row) => row.note));
		await db.noteFieldValues.bulkPut(rows.flatMap((row) => row.values));
	};
	await put(
		options.studied.map((fact, n) =>
			cardRows('kosovo', `kosovo-${n}`, n, fact.question, fact.answer, now)
		)
	);
	const chunk = 10_000;
	const end = options.fromFact + options.facts;
	for (let start = options.fromFact; start < end; start += chunk) {
		const rows = [];
		for (let n = start; n < Math.min(end, start + chunk); n++) {
			const deckId = `bench-${n % options.decks}`;
			rows.push(cardRows(deckId, `${deckId}-${n}`, n, `Question ${n}?`, `Answer ${n}`, now));
		}
		await put(rows);
	}
	const lastReview = options.fromReview + options.reviews;
	for (let start = options.fromReview; start < lastReview; start += 20_000) {
		const rows = [];
		for (let n = start; n < Math.min(lastReview, start + 20_000); n++) rows.push(reviewRow(n, now));
		await db.reviewLogs.bulkPut(rows);
	}
	const counts = { cards: await db.cards.count(), reviews: await db.reviewLogs.count() };
	db.close();
	return counts;
}

(globalThis as unknown as { kiokuBench: unknown }).kiokuBench = { seed };
