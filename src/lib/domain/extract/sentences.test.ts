import { describe, expect, it } from 'vitest';
import { parseDocument } from './sentences.ts';

function texts(doc: string): string[] {
	return parseDocument(doc).sentences.map((s) => s.text);
}

describe('parseDocument', () => {
	it('splits sentences and keeps every one a verbatim span at its offset', () => {
		const doc = 'The war ended in 1999. Troops arrived soon after!\nA new paragraph starts here.';
		const { sentences } = parseDocument(doc);
		expect(sentences.map((s) => s.text)).toEqual([
			'The war ended in 1999.',
			'Troops arrived soon after!',
			'A new paragraph starts here.'
		]);
		for (const s of sentences) expect(doc.slice(s.start, s.start + s.text.length)).toBe(s.text);
	});

	it('does not split after initials and common abbreviations', () => {
		expect(
			texts(
				'The book by Daan W. Everts appeared in 2020. Dr. Smith reviewed it for the U.S. Army press.'
			)
		).toEqual([
			'The book by Daan W. Everts appeared in 2020.',
			'Dr. Smith reviewed it for the U.S. Army press.'
		]);
	});

	it('cuts a sentence before an endnote reference and skips endnote bodies', () => {
		const doc =
			'The war ended in early June.[endnoteRef:1] On 10 June, the Council acted.[endnoteRef:2]  [1:  Patrick Wintour. “Why Milosevic blinked first.” The Guardian. (1999)]  [2:  NATO. NATO’s role in Kosovo.]';
		expect(texts(doc)).toEqual(['The war ended in early June.', 'On 10 June, the Council acted.']);
	});

	it('cuts a sentence at a reference in its middle', () => {
		expect(
			texts('UNMIK was supported by the OSCE,[endnoteRef:5] which focused on elections.')
		).toEqual(['UNMIK was supported by the OSCE,']);
	});

	it('reads Markdown headings as topics and strips bullets and quote markers', () => {
		const doc =
			'# Origins of the mission\n\nThe mission began in 1999.\n\n## Key objectives\n\n- Peacekeepers protect civilians from violence.\n* They monitor ceasefires.\n> KFOR keeps 3,800 personnel in Kosovo.\n';
		const { sentences, headings } = parseDocument(doc);
		expect(headings.map((h) => h.slug)).toEqual(['origins-of-the-mission', 'key-objectives']);
		expect(sentences.map((s) => [s.topic, s.text])).toEqual([
			['origins-of-the-mission', 'The mission began in 1999.'],
			['key-objectives', 'Peacekeepers protect civilians from violence.'],
			['key-objectives', 'They monitor ceasefires.'],
			['key-objectives', 'KFOR keeps 3,800 personnel in Kosovo.']
		]);
	});

	it('recognises plain-text headings (short title-case lines without a full stop)', () => {
		const doc =
			'Intro text ends here.\nThe Role of NATO and International Forces in Kosovo\nNATO has played a pivotal role since 1999.';
		const { sentences } = parseDocument(doc);
		expect(sentences.map((s) => s.topic)).toEqual([
			'general',
			'the-role-of-nato-and-international-forces-in-kosovo'
		]);
		expect(sentences[1].isSectionStart).toBe(true);
	});

	it('joins wrapped lines of one paragraph and splits a sentence at inline emphasis into fragments', () => {
		const doc =
			'The mission was set up\nby the Council in 1999.\n\nThe **Kosovo Force** moved into the province of Kosovo in June.';
		const { sentences } = parseDocument(doc);
		expect(sentences[0].text).toBe('The mission was set up\nby the Council in 1999.');
		expect(sentences.slice(1).every((s) => !s.text.includes('*'))).toBe(true);
		expect(sentences.slice(1).every((s) => s.isFragment)).toBe(true);
	});

	it('marks a block of Label: value lines', () => {
		const { sentences } = parseDocument(
			'Location: Kosovo.\nType of Initiative: A peacekeeping mission and a political mission.\n'
		);
		expect(sentences.every((s) => s.isInLabelBlock)).toBe(true);
	});
});
