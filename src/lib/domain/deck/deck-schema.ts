import { z } from 'zod';

/** Schemas of the content files in `questions/<deck>/`, checked before anything is generated. */
const text = (max: number) => z.string().trim().min(1).max(max);

export const answerKindSchema = z.enum([
	'year',
	'date',
	'number',
	'organisation',
	'person',
	'place',
	'acronym',
	'term',
	'phrase'
]);

export const factSchema = z.strictObject({
	id: text(120),
	topic: text(80),
	document: text(120),
	quote: z.string().min(1).max(2000),
	question: text(400),
	answer: text(300),
	answerKind: answerKindSchema,
	cloze: text(300).optional(),
	alternatives: z.array(text(300)).max(20).optional(),
	statement: text(600),
	explanation: text(1000),
	distractors: z.array(text(300)).max(20).optional(),
	alsoTrue: z.array(text(300)).max(20).optional(),
	when: text(10).optional(),
	event: text(200).optional(),
	term: text(120).optional(),
	meaning: text(300).optional()
});

export const deckMetaSchema = z.strictObject({
	id: z
		.string()
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
		.max(80),
	title: text(200),
	description: text(1000),
	version: z.number().int().min(1),
	topics: z
		.array(z.strictObject({ id: text(80), title: text(200) }))
		.min(1)
		.max(200),
	sources: z
		.array(z.strictObject({ id: text(120), title: text(300) }))
		.min(1)
		.max(50)
});

export const factsSchema = z.array(factSchema).max(20000);
