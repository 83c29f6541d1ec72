/** The teacher's gradebook as CSV, for a school's own gradebook or a spreadsheet. */
import type { Assignment, Item } from '$lib/domain/types';
import { toCsv, type CsvCell } from '$lib/domain/csv';
import type { ItemAnalysis } from '$lib/domain/teach/item-analysis';
import {
	answerAsText,
	isAnswered,
	isCounted,
	isSelfMarked,
	type ItemMark
} from '$lib/domain/teach/marking';

export const GRADEBOOK_COLUMNS = [
	'Student',
	'Score (%)',
	'Correct',
	'Total',
	'Passed',
	'Time taken (s)',
	'Submitted at (ISO)'
] as const;

/**
 * The two columns of question n (1-based, the paper's numbering): the answer given and its
 * verdict. A flashcard is labelled self-marked, and "not counted" when it stays out of the score.
 */
export function itemColumns(n: number, item: Item, counted: boolean): [string, string] {
	const label = isSelfMarked(item)
		? counted
			? ' (self-marked)'
			: ' (self-marked, not counted)'
		: '';
	return [`Q${n} answer${label}`, `Q${n} verdict${label}`];
}

/**
 * One mark in words: right, partly right (with its share), wrong or blank; the teacher's
 * override said as such ("right, accepted by the teacher for everyone").
 */
export function verdictText(mark: ItemMark): string {
	if (!isAnswered(mark.answer)) return 'blank';
	const verdict = mark.isCorrect
		? 'right'
		: mark.score > 0
			? `partly right (${Math.round(mark.score * 100)}%)`
			: 'wrong';
	if (!mark.override) return verdict;
	const by = mark.override.accept ? 'accepted by the teacher' : 'rejected by the teacher';
	return `${verdict}, ${by}${mark.override.scope === 'all' ? ' for everyone' : ''}`;
}

/**
 * The gradebook as CSV: one row per student in the analysis order; score rounded to 0.1%,
 * time taken to whole seconds, submission time as UTC ISO 8601; then for each question the
 * student's answer and its verdict, the teacher's overrides applied, exactly as scored.
 */
export function gradebookCsv(assignment: Assignment, analysis: ItemAnalysis): string {
	const header: string[] = [...GRADEBOOK_COLUMNS];
	assignment.items.forEach((item, i) =>
		header.push(...itemColumns(i + 1, item, isCounted(item, assignment)))
	);
	const rows: CsvCell[][] = analysis.students.map((student) => {
		const row: CsvCell[] = [
			student.student,
			Math.round(student.percent * 10) / 10,
			student.correct,
			student.total,
			student.passed ? 'yes' : 'no',
			Math.round(student.timeTakenMs / 1000),
			new Date(student.submittedAt).toISOString()
		];
		for (const mark of student.marks) {
			row.push(
				isAnswered(mark.answer) ? answerAsText(mark.item, mark.answer) : '',
				verdictText(mark)
			);
		}
		return row;
	});
	return toCsv([header, ...rows]);
}
