import { describe, expect, it } from 'vitest';
import path from 'node:path';
import QRCode from 'qrcode';
import jsQR from 'jsqr';
import { buildDeck } from '$lib/domain/deck/build-deck';
import type { Deck } from '$lib/domain/types';
import { buildAssignment, emptyForm } from '$lib/domain/teach/assignment-form';
import {
	assignmentLink,
	decodeAssignment,
	encodeAssignment,
	parseAssignmentFragment
} from '$lib/domain/teach/assignment-codec';
import { QR_ERROR_CORRECTION, QR_MAX_LINK_LENGTH, qrPixels } from '$lib/domain/teach/qr';
import { readDeckFolder } from '../../../../scripts/questions';

// The shipped Kosovo deck, built as the app's build builds it.
const kosovo: Deck = (() => {
	const result = buildDeck(readDeckFolder(path.resolve('questions'), 'kosovo'));
	if (!result.ok) throw new Error('the Kosovo deck does not build');
	return result.deck;
})();

const NOW = Date.UTC(2026, 2, 4, 9);
const ORIGIN = 'https://factdeck.example.org';

function twentyQuestions(seed = 7) {
	const form = { ...emptyForm(kosovo), title: 'Kosovo: week 3 check', count: 20 };
	const built = buildAssignment(form, kosovo, { id: 'k3x9q2m1ab', now: NOW, seed });
	if (!built.ok) throw new Error(JSON.stringify(built.errors));
	return built.assignment;
}

/** A link of 20 questions, and the deck's next version with its fourth question rewritten. */
async function linkThenRewrite() {
	const assignment = twentyQuestions();
	const code = await encodeAssignment(assignment, kosovo);
	const changedId = assignment.items[3].id;
	const next: Deck = {
		...kosovo,
		version: kosovo.version + 1,
		items: kosovo.items.map((item) =>
			item.id === changedId ? { ...item, explanation: 'Rewritten.' } : item
		)
	};
	return { assignment, code, changedId, next };
}

const fromSite = (deck: Deck) => ({ loadDeck: async () => deck, now: NOW + 60_000 });

describe('an assignment link from a deck the site serves', () => {
	it('names 20 Kosovo questions by id in under 600 characters and decodes to the same questions', async () => {
		const assignment = twentyQuestions();
		expect(assignment.items).toHaveLength(20);
		const link = assignmentLink(ORIGIN, await encodeAssignment(assignment, kosovo));
		expect(link.length).toBeLessThan(600);
		const decoded = await decodeAssignment(link, fromSite(kosovo));
		expect(decoded).toEqual({ ok: true, value: assignment });
	});

	it('makes a QR code that a QR reader reads back to the same link', async () => {
		const assignment = twentyQuestions(11);
		const link = assignmentLink(ORIGIN, await encodeAssignment(assignment, kosovo));
		expect(link.length).toBeLessThanOrEqual(QR_MAX_LINK_LENGTH);
		const { modules } = QRCode.create(link, { errorCorrectionLevel: QR_ERROR_CORRECTION });
		const { width, data } = qrPixels(modules, 4);
		const read = jsQR(data, width, width);
		expect(read?.data).toBe(link);
		// Still a printable size: a version-15 code is 77 modules across.
		expect(modules.size).toBeLessThanOrEqual(77);
	});

	it('still opens when the deck got a new version but the chosen questions did not change', async () => {
		const assignment = twentyQuestions();
		const code = await encodeAssignment(assignment, kosovo);
		const chosen = new Set(assignment.items.map((item) => item.id));
		const next: Deck = {
			...kosovo,
			version: kosovo.version + 1,
			items: kosovo.items
				.map((item) => (chosen.has(item.id) ? item : { ...item, prompt: item.prompt + ' (new)' }))
				.reverse()
		};
		expect(await decodeAssignment(code, fromSite(next))).toEqual({ ok: true, value: assignment });
	});

	it('refuses, naming both versions, when a chosen question changed in a later version', async () => {
		const { code, changedId, next } = await linkThenRewrite();
		const decoded = await decodeAssignment(code, fromSite(next));
		expect(decoded.ok).toBe(false);
		expect(decoded.ok ? '' : decoded.error).toContain(
			`(it was version ${kosovo.version}, it is now version ${kosovo.version + 1})`
		);
		const removed: Deck = { ...next, items: kosovo.items.filter((item) => item.id !== changedId) };
		const gone = await decodeAssignment(code, fromSite(removed));
		expect(gone.ok ? '' : gone.error).toMatch(/no longer the ones your teacher chose/);
	});

	it('shows the teacher’s questions after a new version changed or dropped one, from the version the link names', async () => {
		const assignment = twentyQuestions();
		const code = await encodeAssignment(assignment, kosovo);
		const [changedId, droppedId] = [assignment.items[3].id, assignment.items[8].id];
		const next: Deck = {
			...kosovo,
			version: kosovo.version + 1,
			items: kosovo.items
				.filter((item) => item.id !== droppedId)
				.map((item) => (item.id === changedId ? { ...item, prompt: 'A new wording?' } : item))
		};
		const asked: [string, number][] = [];
		const decoded = await decodeAssignment(code, {
			...fromSite(next),
			loadDeckVersion: async (deckId, version) => {
				asked.push([deckId, version]);
				return { version, items: kosovo.items };
			}
		});
		expect(decoded).toEqual({ ok: true, value: assignment });
		expect(asked).toEqual([['kosovo', kosovo.version]]);
		// The current deck is not asked for old versions when it still holds the questions.
		const unchanged = await decodeAssignment(code, {
			...fromSite({ ...kosovo, version: kosovo.version + 1 }),
			loadDeckVersion: () => Promise.reject(new Error('not asked'))
		});
		expect(unchanged).toEqual({ ok: true, value: assignment });
	});

	it('refuses when the version the link names is not kept, or does not hold the chosen questions', async () => {
		const { code, next } = await linkThenRewrite();
		const notKept = await decodeAssignment(code, {
			...fromSite(next),
			loadDeckVersion: () => Promise.reject(new Error('404'))
		});
		expect(notKept.ok ? '' : notKept.error).toMatch(/no longer the ones your teacher chose/);
		// A file that says it is the old version but holds the new items is not trusted either.
		const wrongFile = await decodeAssignment(code, {
			...fromSite(next),
			loadDeckVersion: async (_deckId, version) => ({ version, items: next.items })
		});
		expect(wrongFile.ok).toBe(false);
		const otherVersion = await decodeAssignment(code, {
			...fromSite(next),
			loadDeckVersion: async () => ({ version: 7, items: kosovo.items })
		});
		expect(otherVersion.ok).toBe(false);
	});

	it('carries a question that differs from the deck the site serves now, so the student sees the teacher’s', async () => {
		const assignment = twentyQuestions();
		const edited = { ...assignment.items[0], prompt: 'An older wording of the question?' };
		const older = { ...assignment, items: [edited, ...assignment.items.slice(1)] };
		const code = await encodeAssignment(older, kosovo);
		const decoded = await decodeAssignment(code, fromSite(kosovo));
		expect(decoded).toEqual({ ok: true, value: older });
	});

	it('says so when the deck cannot be loaded', async () => {
		const code = await encodeAssignment(twentyQuestions(), kosovo);
		const decoded = await decodeAssignment(code, {
			loadDeck: () => Promise.reject(new Error('offline')),
			now: NOW
		});
		expect(decoded.ok ? '' : decoded.error).toMatch(/could not be loaded/);
	});
});

describe('an assignment link from a user deck', () => {
	it('carries every question, needs no deck, and keeps the teacher’s settings', async () => {
		const assignment = {
			...twentyQuestions(),
			deckId: 'my-notes-1a2b3c',
			shuffle: true,
			timeLimitMinutes: 25,
			feedback: 'none' as const,
			countSelfMarked: true
		};
		const code = await encodeAssignment(assignment, null);
		const decoded = await decodeAssignment(code, {
			loadDeck: () => Promise.reject(new Error('must not be asked')),
			now: NOW
		});
		expect(decoded).toEqual({ ok: true, value: assignment });
		expect(code.length).toBeGreaterThan(1000);
		expect(parseAssignmentFragment(`#a=${code}`)).toBe(code);
	});
});

describe('times in a link', () => {
	it('refuses a creation time no browser can show, or one in the future, naming the field', async () => {
		for (const createdAt of [8_640_000_000_000_001, NOW + 3 * 86_400_000]) {
			const code = await encodeAssignment({ ...twentyQuestions(), createdAt }, kosovo);
			const decoded = await decodeAssignment(code, fromSite(kosovo));
			expect(decoded.ok).toBe(false);
			expect(decoded.ok ? '' : decoded.error).toMatch(/createdAt/);
		}
	});
});
