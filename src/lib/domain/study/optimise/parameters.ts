/**
 * The learner's FSRS parameters as stored in the settings table: the ones in use (null for
 * FSRS's defaults) and the ones they replaced, so the learner can always go back one step.
 * Read through `parseParameterRecord`, which never trusts what it is given.
 */
import { z } from 'zod';
import { default_w } from 'ts-fsrs';

/** The settings row key. */
export const PARAMETERS_SETTING_KEY = 'fsrs-parameters';
/** FSRS-6 has 21 parameters; fsrs-rs 5 and ts-fsrs 5 both use them. */
export const PARAMETER_COUNT = 21;

const parametersSchema = z.array(z.number().finite().min(-100).max(100)).length(PARAMETER_COUNT);

export const parameterRecordSchema = z.strictObject({
	/** In use; null means FSRS's defaults. */
	current: parametersSchema.nullable(),
	/** What `current` replaced (null: the defaults); absent when nothing was ever replaced. */
	previous: parametersSchema.nullable().optional(),
	/** Epoch ms of the last change. */
	updatedAt: z.number().int().min(0).nullable()
});

export type ParameterRecord = z.infer<typeof parameterRecordSchema>;

export const DEFAULT_PARAMETER_RECORD: ParameterRecord = Object.freeze({
	current: null,
	updatedAt: null
});

/** FSRS's default parameters (ts-fsrs's, equal to fsrs-rs's). */
export const DEFAULT_PARAMETERS: readonly number[] = default_w;

/** A stored value as a record; the defaults when it is missing or does not validate. */
export function parseParameterRecord(value: unknown): ParameterRecord {
	const result = parameterRecordSchema.safeParse(value);
	return result.success ? result.data : { ...DEFAULT_PARAMETER_RECORD };
}

/** The parameters a record puts in use (the defaults for null). */
export function parametersInUse(record: ParameterRecord): readonly number[] {
	return record.current ?? DEFAULT_PARAMETERS;
}

/** The record after putting `parameters` in use at `now` (epoch ms); the old ones are kept. */
export function applyParameters(
	record: ParameterRecord,
	parameters: readonly number[],
	now: number
): ParameterRecord {
	return parameterRecordSchema.parse({
		current: [...parameters],
		previous: record.current,
		updatedAt: now
	});
}

/** The record after going back to the previous parameters (which can be undone the same way). */
export function restorePrevious(record: ParameterRecord, now: number): ParameterRecord {
	if (record.previous === undefined) return record;
	return { current: record.previous, previous: record.current, updatedAt: now };
}

/** Whether there are earlier parameters to go back to. */
export function hasPrevious(record: ParameterRecord): boolean {
	return record.previous !== undefined;
}
