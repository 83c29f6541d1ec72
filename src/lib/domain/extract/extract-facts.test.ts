import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Fact } from '$lib/domain/types';
import { extractFacts } from './extract-facts.ts';
import { loadNlp } from './nlp.ts';

const ROOT = path.resolve(__dirname, '../../../..');
const OVERVIEW = readFileSync(
	path.join(ROOT, 'questions/kosovo/peacekeeping-in-kosovo.txt'),
	'utf8'
);
const CASE_STUDY = readFileSync(
	path.join(ROOT, 'questions/kosovo/preventing-a-conflict-relapse-in-kosovo.txt'),
	'utf8'
);

function expectWellFormed(facts: Fact[], text: string, documentId: string): void {
	const ids = new Set<string>();
	for (const f of facts) {
		expect(text).toContain(f.quote);
		expect(f.quote).toContain(f.answer);
		expect(f.statement).toContain(f.answer);
		expect(f.document).toBe(documentId);
		expect(f.explanation).toBe(`From the text: ${f.quote}`);
		expect(f.question.toLowerCase()).not.toContain(f.answer.toLowerCase());
		expect(f.quote).not.toMatch(/endnoteRef|\*\*|^#/);
		for (const d of f.distractors ?? []) {
			expect(d.toLowerCase()).not.toContain(f.answer.toLowerCase());
			expect(f.answer.toLowerCase()).not.toContain(d.toLowerCase());
			expect(f.quote.toLowerCase()).not.toContain(d.toLowerCase());
		}
		if (f.when) expect(f.when).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
		expect(ids.has(f.id)).toBe(false);
		ids.add(f.id);
	}
}

describe('extractFacts on the Kosovo case study', () => {
	const result = extractFacts(CASE_STUDY, {
		documentId: 'preventing-a-conflict-relapse-in-kosovo',
		title: 'Preventing a conflict relapse in Kosovo'
	});
	// What the extractor finds: the deck's facts and the suggestions ranked below its budget.
	const facts = [...result.facts, ...result.suggestions];
	const { warnings } = result;
	const byAnswer = (answer: string) => facts.filter((f) => f.answer === answer);

	it('yields well-formed facts with verbatim quotes and answers', () => {
		expect(warnings).toEqual([]);
		expect(facts.length).toBeGreaterThan(15);
		expectWellFormed(facts, CASE_STUDY, 'preventing-a-conflict-relapse-in-kosovo');
	});

	it('dates events, pinning "early June" and "two days later" to 1999', () => {
		expect(byAnswer('early June')[0]).toMatchObject({ answerKind: 'date', when: '1999-06' });
		expect(byAnswer('10 June')[0]).toMatchObject({ answerKind: 'date' });
		const troops = byAnswer('42,000')[0];
		expect(troops).toMatchObject({ answerKind: 'number', when: '1999-06-12' });
		expect(troops.question).toContain('how many troops');
		expect(troops.event).toMatch(
			/^42,000 troops of the international Kosovo Force \(KFOR\) moved into Kosovo/
		);
		// Counts are options only of the same unit: "3,800 personnel" is not a count of troops;
		// with fewer than three of them, none (no multiple choice, no false statement).
		expect(troops.distractors).toEqual([]);
	});

	it('turns defined acronyms into term/meaning facts', () => {
		expect(byAnswer('Kosovo Force')[0]).toMatchObject({
			term: 'KFOR',
			meaning: 'Kosovo Force',
			question: 'What does KFOR stand for?'
		});
		expect(byAnswer('United Nations Interim Administration in Kosovo')[0]).toMatchObject({
			term: 'UNMIK',
			answerKind: 'organisation'
		});
	});

	it('asks about people, organisations and years', () => {
		expect(byAnswer('Slobodan Milošević')[0]).toMatchObject({
			answerKind: 'person',
			question:
				'Who withdrew Yugoslav forces from Kosovo in early June, marking the end of the war?'
		});
		expect(byAnswer('2005')[0].question).toBe(
			'Since which year have ongoing talks between Serbian and Kosovan authorities been mediated by the UN Office of the Special Envoy for Kosovo?'
		);
		expect(
			byAnswer('KFOR').some((f) => f.question.startsWith('Which organisation remained in Kosovo'))
		).toBe(true);
	});

	it('skips sentences whose subject is a bare pronoun', () => {
		expect(facts.some((f) => f.quote.startsWith('It continues to maintain'))).toBe(false);
		expect(facts.some((f) => /^(It|They|This|Their|Its)\s/.test(f.quote))).toBe(false);
	});

	it('never asks about the name the whole text is about', () => {
		expect(byAnswer('Kosovo')).toEqual([]);
	});
});

describe('extractFacts on the Kosovo overview', () => {
	const overview = extractFacts(OVERVIEW, {
		documentId: 'peacekeeping-in-kosovo',
		title: 'Peacekeeping in Kosovo'
	});
	const facts = [...overview.facts, ...overview.suggestions];

	it('keeps a budget that grows with the text: about one fact per sentence that carries one', () => {
		const bearing = new Set(facts.map((f) => f.quote)).size;
		expect(overview.facts.length).toBeLessThanOrEqual(bearing);
		expect(overview.facts.length).toBeGreaterThan(bearing / 2);
		for (const quote of new Set(overview.facts.map((f) => f.quote)))
			expect(overview.facts.filter((f) => f.quote === quote).length).toBeLessThanOrEqual(2);
		const kept = new Set(overview.facts.map((f) => f.id));
		expect(overview.suggestions.every((f) => !kept.has(f.id))).toBe(true);
	});

	it('gives facts the topic of their plain-text heading', () => {
		expectWellFormed(facts, OVERVIEW, 'peacekeeping-in-kosovo');
		expect(facts.find((f) => f.answer === 'Operation Allied Force')).toMatchObject({
			topic: 'the-origins-and-establishment-of-un-peacekeeping-missions-in',
			term: 'Operation Allied Force',
			meaning: 'the NATO-led intervention in 1999',
			question: 'What was the NATO-led intervention in 1999 known as?'
		});
		expect(facts.find((f) => f.answer === 'late 1990s')).toMatchObject({
			answerKind: 'date',
			when: '1998'
		});
	});

	it('pairs a list item title with its text', () => {
		expect(facts.find((f) => f.answer === 'Ensure Security')).toMatchObject({
			answerKind: 'term',
			term: 'Ensure Security',
			meaning:
				'Peacekeepers are tasked with protecting civilians, humanitarian personnel, and reconstruction efforts from threats and violence'
		});
	});
});

describe('extractFacts in general', () => {
	it('resolves an opening "It" from a named subject', () => {
		const text = [
			'Traders from Arabia sailed to the island of Kilwa and to the city of Mombasa.',
			'Kilwa, located on an island off the coast, was the most powerful city of the region.',
			'It was founded in the tenth century by a Persian noble who bought the island.'
		].join(' ');
		const { facts, suggestions } = extractFacts(text, { documentId: 'k' });
		const all = [...facts, ...suggestions];
		const founded = all.filter((f) => f.quote.startsWith('It was founded'));
		expect(founded.length).toBeGreaterThan(0);
		for (const f of founded) {
			expect(f.question).toMatch(/Kilwa/);
			expect(f.statement).toMatch(/^Kilwa was founded/);
		}
	});

	it('asks the other name a definition gives its term', () => {
		const text = [
			'Epithelial tissue, also referred to as epithelium, refers to the sheets of cells that cover exterior surfaces of the body.',
			'Most epithelial cells are packed tightly together in sheets.'
		].join(' ');
		const { facts, suggestions } = extractFacts(text, { documentId: 'e' });
		const alias = [...facts, ...suggestions].find((f) => f.answer === 'epithelium');
		expect(alias?.question).toBe('What is epithelial tissue also referred to as?');
		expect(alias?.alternatives).toEqual(['Epithelial tissue']);
	});

	it('keeps a stem whose pronoun stands for a noun of the same sentence', () => {
		const text = [
			'Although there are many types of cells in the human body, they are organized into four broad categories of tissues.',
			'The human body has many organs, and they are organized into eleven organ systems.',
			'Regardless of its size or wealth, each state would have only one vote in the Congress of the nation.'
		].join(' ');
		const { facts, suggestions } = extractFacts(text, { documentId: 'p' });
		const all = [...facts, ...suggestions];
		expect(all.some((f) => f.answer === 'four broad categories' || f.answer === 'four')).toBe(true);
		// "it" with nothing before it to stand for is still not asked.
		const bare = extractFacts('It was founded in the tenth century by a Persian noble of Shiraz.', {
			documentId: 'b'
		});
		expect([...bare.facts, ...bare.suggestions]).toEqual([]);
	});

	it("draws options only of the answer's kind, or none", () => {
		const text = [
			'Matter is composed of exceedingly small particles called atoms.',
			'An atom is the smallest unit of an element that can take part in a chemical change.',
			'A zygote is a single cell formed by the fusion of an egg and sperm.',
			'Histology is the microscopic study of tissue appearance, organization and function.',
			'Negative feedback is a mechanism that reverses a deviation from the set point.',
			'Emir Ibrahim ruled Kilwa, and Emir Muhammad served him, while Arab Muslims traded there.',
			'Hussein ruled Mombasa, and Muhammad Arcone later ruled Kilwa for the Portuguese.'
		].join(' ');
		const { facts, suggestions } = extractFacts(text, { documentId: 'o' });
		for (const f of [...facts, ...suggestions]) {
			const options = f.distractors ?? [];
			// Three options of the same kind, or none at all.
			expect([0, 3]).toContain(options.length);
			// "atoms" is no option for "atom"; a group is no option for one person.
			for (const d of options) expect(d.replace(/s$/, '')).not.toBe(f.answer.replace(/s$/, ''));
			if (f.answerKind === 'person') expect(options).not.toContain('Arab Muslims');
			// A defined term's options share its head noun: a mechanism, a cell, a study are not alike.
			if (f.answer === 'Negative feedback') expect(options).toEqual([]);
		}
	});

	it('asks no count the list after it gives away, no relative time, no item of an earlier series', () => {
		const text = [
			'The human body contains many kinds of cells, classified into four types of tissues: epithelial, connective, muscle, and nervous.',
			'A few months later, the British surrendered to the army of General Washington at Yorktown.',
			'A fourth, the peritoneum, is the serous membrane in the abdominal cavity of the human body.'
		].join(' ');
		const { facts, suggestions } = extractFacts(text, { documentId: 'n' });
		const all = [...facts, ...suggestions];
		expect(all.find((f) => f.answer === 'four')).toBeUndefined();
		expect(all.find((f) => /^a few months later$/i.test(f.answer))).toBeUndefined();
		// A question that stands alone may still come from it ("What is the serous membrane ...?").
		for (const f of all) expect(f.question.replace(/^Complete:\s*/, '')).not.toMatch(/^A fourth/);
	});

	it('pairs "This statement is known as X" with the sentence before', () => {
		const text = [
			'Dalton knew of the work of the chemist Joseph Proust, who demonstrated that all samples of a pure compound contain the same elements in the same proportion by mass.',
			'This statement is known as the law of definite proportions or the law of constant composition.'
		].join(' ');
		const { facts, suggestions } = extractFacts(text, { documentId: 'p' });
		const law = [...facts, ...suggestions].find((f) => f.answer === 'law of definite proportions');
		expect(law?.question).toBe(
			'What is the statement that all samples of a pure compound contain the same elements in the same proportion by mass known as?'
		);
		expect(law?.quote).toMatch(/^This statement is known as/);
	});

	it('is deterministic', () => {
		const a = extractFacts(CASE_STUDY, { documentId: 'd' });
		const b = extractFacts(CASE_STUDY, { documentId: 'd' });
		expect(b).toEqual(a);
		expect(JSON.stringify(b)).toBe(JSON.stringify(a));
	});

	it('reads Markdown: headings become topics, markup stays out of quotes', () => {
		const md = [
			'# Timeline of the mission',
			'',
			'## The deployment',
			'',
			'- On **12 June 1999**, the Kosovo Force (KFOR) entered the province with 42,000 troops.',
			'- The OSCE opened its mission in July 1999 to build institutions.',
			'',
			'## Later years',
			'',
			'The European Union Rule of Law Mission in Kosovo (EULEX) was launched in 2008.[^1]',
			'',
			'[^1]: See the mission website.'
		].join('\n');
		const { facts } = extractFacts(md, { documentId: 'md' });
		expectWellFormed(facts, md, 'md');
		expect(new Set(facts.map((f) => f.topic))).toEqual(new Set(['the-deployment', 'later-years']));
		expect(facts.find((f) => f.answer === '2008')).toMatchObject({
			topic: 'later-years',
			when: '2008'
		});
		expect(facts.some((f) => f.quote.includes('See the mission'))).toBe(false);
	});

	it('warns when there is nothing to ask about', () => {
		const result = extractFacts(
			'we walked along the river and talked about nothing much at all today.',
			{ documentId: 'x' }
		);
		expect(result.facts).toEqual([]);
		expect(result.warnings).toHaveLength(1);
		expect(result.warnings[0]).toMatch(/^No facts found/);
		expect(extractFacts('   ', { documentId: 'x' }).warnings[0]).toMatch(/^No sentences found/);
	});

	it('handles a 50,000-word document and reports progress up to the total', () => {
		const base = `${CASE_STUDY}\n${OVERVIEW}`;
		const parts: string[] = [];
		let words = 0;
		for (let i = 0; words < 50_000; i++) {
			const part = `\n## Part ${i}\n${base
				.replace(/\b(19|20)\d\d\b/g, (y) => String(Number(y) + (i % 40)))
				.replace(/42,000/g, `${40 + i},000`)
				.replace(/3,800/g, `${3 + i},${100 + i}`)}`;
			parts.push(part);
			words += part.split(/\s+/).length;
		}
		const text = parts.join('');
		const progress: [number, number][] = [];
		const big = extractFacts(text, {
			documentId: 'big',
			onProgress: (done, total) => progress.push([done, total])
		});
		const facts = [...big.facts, ...big.suggestions];
		const { warnings } = big;
		expect(warnings).toEqual([]);
		expect(facts.length).toBeGreaterThan(400);
		expect(facts.filter((f) => f.answerKind === 'number').length).toBeGreaterThanOrEqual(
			parts.length
		);
		const total = progress[progress.length - 1][1];
		expect(progress[progress.length - 1]).toEqual([total, total]);
		expect(progress.every(([done], i) => i === 0 || done >= progress[i - 1][0])).toBe(true);
		for (const f of facts.slice(0, 200)) expect(text).toContain(f.quote);
	}, 60_000);
});

describe('extractFacts with compromise', () => {
	it('asks names that argue or propose with "who"', async () => {
		const nlp = await loadNlp('compromise');
		const text =
			'In the fifth century BC, Leucippus and Democritus argued that all matter was made of small, finite particles.';
		const { facts, suggestions } = extractFacts(text, { documentId: 'g', nlp });
		const names = [...facts, ...suggestions].find((f) => f.answer === 'Leucippus and Democritus');
		expect(names).toMatchObject({ answerKind: 'person' });
		expect(names?.question).toMatch(/\bwho argued\b/);
	});

	it('asks "what" only for a term, "who" for people, and blanks any other phrase', async () => {
		const nlp = await loadNlp('compromise');
		const text = [
			'The national government had no power to raise an army during the war.',
			'Negative feedback keeps the body near its set point in most systems.',
			'Most systems of the body rely on negative feedback for their regulation.',
			'Some Portuguese traders received land and the right to trade from local African chiefs.'
		].join(' ');
		const { facts, suggestions } = extractFacts(text, { documentId: 'g', nlp });
		const all = [...facts, ...suggestions];
		const byAnswer = (answer: string) => all.filter((f) => f.answer === answer);
		// A verb phrase: a blank over it, never "to what".
		for (const f of byAnswer('raise an army')) expect(f.question).toMatch(/^Complete:/);
		for (const f of all) expect(f.question).not.toMatch(/\bto what\b/);
		// People: "whom", and the fact is of a person's kind.
		const chiefs = byAnswer('local African chiefs');
		expect(chiefs.length).toBeGreaterThan(0);
		for (const f of chiefs) {
			expect(f.question).toMatch(/\bfrom whom\?$/);
			expect(f.answerKind).toBe('person');
		}
		// A term the text comes back to keeps its "what" question.
		expect(
			all.some((f) => /negative feedback/i.test(f.answer) && /\bwhat\b/i.test(f.question))
		).toBe(true);
	});

	it('keeps adjectives before a comma in the phrase and never asks a discourse opener', async () => {
		const nlp = await loadNlp('compromise');
		const text = [
			'A compound consists of atoms of two or more elements combined in a small, whole-number ratio.',
			'Finally, children develop, understand, and learn the idea of the generalized other in society.'
		].join(' ');
		const { facts, suggestions } = extractFacts(text, { documentId: 'c', nlp });
		const answers = [...facts, ...suggestions].map((f) => f.answer);
		expect(answers).toContain('a small, whole-number ratio');
		expect(answers).not.toContain('whole-number ratio');
		expect(answers).not.toContain('Finally');
	});

	it('adds noun-phrase facts and keeps every invariant', async () => {
		const nlp = await loadNlp('compromise');
		const plain = extractFacts(OVERVIEW, { documentId: 'o' });
		const withNlp = extractFacts(OVERVIEW, { documentId: 'o', nlp });
		const found = (r: typeof plain) => [...r.facts, ...r.suggestions];
		expect(found(withNlp).length).toBeGreaterThan(found(plain).length);
		const phrases = found(withNlp)
			.filter((f) => f.answerKind === 'phrase')
			.map((f) => f.answer);
		expect(phrases).toContain('a stabilizing presence');
		expectWellFormed(found(withNlp), OVERVIEW, 'o');
		expect(extractFacts(OVERVIEW, { documentId: 'o', nlp })).toEqual(withNlp);
	}, 60_000);

	it('is never imported outside src/lib/domain/extract', () => {
		const offenders: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const file = path.join(dir, name);
				if (statSync(file).isDirectory()) walk(file);
				else if (
					/\.(ts|js|svelte)$/.test(name) &&
					!file.includes(`${path.sep}extract${path.sep}`)
				) {
					if (/from\s+['"]compromise|import\(\s*['"]compromise/.test(readFileSync(file, 'utf8')))
						offenders.push(file);
				}
			}
		};
		walk(path.join(ROOT, 'src'));
		expect(offenders).toEqual([]);
	});
});
