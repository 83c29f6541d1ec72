import { describe, it, expect } from 'vitest';
import type { Assignment, StudentResult } from '$lib/domain/types';
import { CSV_BOM } from '$lib/domain/csv';
import { gradebookCsv } from '$lib/domain/teach/gradebook-csv';
import { analyseItems } from '$lib/domain/teach/item-analysis';
import { answerKey, applyOverride } from '$lib/domain/teach/marking';
import { parseCsv } from '$fixtures/csv-reader';

describe('gradebookCsv', () => {
	const assignment: Assignment = {
		v: 1,
		id: 'asg',
		title: 'Quiz',
		deckId: 'kosovo',
		deckTitle: 'Kosovo',
		instructions: '',
		items: [
			{
				id: 'q1',
				factId: 'f',
				type: 'mcq',
				prompt: 'Who?',
				answer: 'NATO',
				options: ['NATO', 'UN'],
				explanation: '',
				topic: 't',
				source: { document: 'd', quote: 'q' }
			},
			{
				id: 'q2',
				factId: 'f',
				type: 'truefalse',
				prompt: 'True?',
				answer: 'True',
				explanation: '',
				topic: 't',
				source: { document: 'd', quote: 'q' }
			},
			{
				id: 'q3',
				factId: 'f',
				type: 'truefalse',
				prompt: 'False?',
				answer: 'False',
				explanation: '',
				topic: 't',
				source: { document: 'd', quote: 'q' }
			}
		],
		shuffle: false,
		timeLimitMinutes: 0,
		feedback: 'after',
		passMark: 50,
		createdAt: 0
	};
	const submittedAt = Date.UTC(2025, 2, 4, 9, 30, 0);
	const result = (
		student: string,
		answers: StudentResult['answers'],
		ms: number
	): StudentResult => ({
		v: 1,
		assignmentId: 'asg',
		student,
		startedAt: submittedAt - ms,
		submittedAt,
		answers
	});

	it('writes one row per student with the agreed columns', () => {
		const analysis = analyseItems(assignment, [
			result('Ana, "the quick"', { q1: 'NATO', q2: 'True', q3: 'False' }, 61_400),
			result('=HYPERLINK("http://evil")', { q1: 'UN', q2: 'True' }, 120_600),
			result('Ben', {}, 5_000)
		]);
		const csv = gradebookCsv(assignment, analysis);
		expect(csv.startsWith(CSV_BOM)).toBe(false);
		const base = ['Student', 'Score (%)', 'Correct', 'Total', 'Passed', 'Time taken (s)'];
		expect(parseCsv(csv)).toEqual([
			[
				...base,
				'Submitted at (ISO)',
				'Q1 answer',
				'Q1 verdict',
				'Q2 answer',
				'Q2 verdict',
				'Q3 answer',
				'Q3 verdict'
			],
			[
				'Ana, "the quick"',
				'100',
				'3',
				'3',
				'yes',
				'61',
				'2025-03-04T09:30:00.000Z',
				'NATO',
				'right',
				'True',
				'right',
				'False',
				'right'
			],
			// 1 of 3 = 33.333...% -> 33.3
			[
				'\'=HYPERLINK("http://evil")',
				'33.3',
				'1',
				'3',
				'no',
				'121',
				'2025-03-04T09:30:00.000Z',
				'UN',
				'wrong',
				'True',
				'right',
				'',
				'blank'
			],
			[
				'Ben',
				'0',
				'0',
				'3',
				'no',
				'5',
				'2025-03-04T09:30:00.000Z',
				'',
				'blank',
				'',
				'blank',
				'',
				'blank'
			]
		]);
		expect(csv.split('\r\n')).toHaveLength(5);
	});

	const flashcardAndCloze: Assignment = {
		...assignment,
		items: [
			{
				id: 'c1',
				factId: 'f',
				type: 'cloze',
				prompt: 'Kosovo has ____.',
				answer: 'the institutions for self-rule',
				explanation: '',
				topic: 't',
				source: { document: 'd', quote: 'q' }
			},
			{
				id: 'fc',
				factId: 'f',
				type: 'flashcard',
				prompt: 'What is KFOR?',
				answer: 'Kosovo Force',
				explanation: '',
				topic: 't',
				source: { document: 'd', quote: 'q' }
			}
		]
	};
	const classOfTwo = [
		result('Ana', { c1: 'the liaison office', fc: true }, 10_000),
		result('Ben', { c1: 'Liaison office.', fc: false }, 20_000)
	];
	const column = (csv: string, name: string) => {
		const [header, ...rows] = parseCsv(csv);
		const at = header.indexOf(name);
		expect(at).toBeGreaterThan(-1);
		return rows.map((row) => row[at]);
	};

	it('labels a flashcard self-marked, and not counted unless the teacher counts it', () => {
		const notCounted = gradebookCsv(flashcardAndCloze, analyseItems(flashcardAndCloze, classOfTwo));
		expect(column(notCounted, 'Q2 answer (self-marked, not counted)')).toEqual([
			'Marked as known',
			'Marked as not known'
		]);
		expect(column(notCounted, 'Q2 verdict (self-marked, not counted)')).toEqual(['right', 'wrong']);
		expect(column(notCounted, 'Total')).toEqual(['1', '1']);

		const counting = { ...flashcardAndCloze, countSelfMarked: true };
		const counted = gradebookCsv(counting, analyseItems(counting, classOfTwo));
		expect(column(counted, 'Q2 verdict (self-marked)')).toEqual(['right', 'wrong']);
		expect(column(counted, 'Score (%)')).toEqual(['50', '0']);
	});

	it("shows the teacher's overrides in the verdicts and scores, and nothing of them once undone", () => {
		const plain = gradebookCsv(flashcardAndCloze, analyseItems(flashcardAndCloze, classOfTwo));
		expect(column(plain, 'Q1 verdict')).toEqual(['wrong', 'wrong']);
		expect(column(plain, 'Q1 answer')).toEqual(['the liaison office', 'Liaison office.']);

		const accepted = applyOverride(undefined, {
			itemId: 'c1',
			answer: answerKey(flashcardAndCloze.items[0], 'the liaison office'),
			resultId: null,
			accept: true,
			at: 1
		});
		const withAll = { ...flashcardAndCloze, overrides: accepted };
		const all = gradebookCsv(withAll, analyseItems(withAll, classOfTwo));
		expect(column(all, 'Q1 verdict')).toEqual([
			'right, accepted by the teacher for everyone',
			'right, accepted by the teacher for everyone'
		]);
		expect(column(all, 'Score (%)')).toEqual(['100', '100']);

		// Ben's alone is rejected again: his own verdict wins over everyone's.
		const benId = analyseItems(withAll, classOfTwo).students[1].id;
		const rejected = applyOverride(accepted, {
			itemId: 'c1',
			answer: answerKey(flashcardAndCloze.items[0], 'Liaison office.'),
			resultId: benId,
			accept: false,
			at: 2
		});
		const withOne = { ...flashcardAndCloze, overrides: rejected };
		const one = gradebookCsv(withOne, analyseItems(withOne, classOfTwo));
		expect(column(one, 'Q1 verdict')).toEqual([
			'right, accepted by the teacher for everyone',
			'wrong, rejected by the teacher'
		]);
		expect(column(one, 'Score (%)')).toEqual(['100', '0']);

		const undone = applyOverride(accepted, {
			itemId: 'c1',
			answer: answerKey(flashcardAndCloze.items[0], 'the liaison office'),
			resultId: null,
			accept: null,
			at: 3
		});
		const back = { ...flashcardAndCloze, overrides: undone };
		expect(gradebookCsv(back, analyseItems(back, classOfTwo))).toBe(plain);
	});
});
