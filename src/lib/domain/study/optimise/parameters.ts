/**
 * The learner's FSRS parameters as stored in the settings table: the ones in use (null for
 * FSRS's defaults) and the ones they replaced, so the learner can always go back one step.
 * Read through `parseParameterRecord`, which never trusts what it is given.
 */
import { default_w } from 'ts-fsrs';

/** The settings row key. */
export const PARAMETERS_SETTING_KEY = 'fsrs-parameters';
/** FSRS-6 has 21 parameters; fsrs-rs 5 and ts-fsrs 5 both use them. */
export const PARAMETER_COUNT = 21;

export interface ParameterRecord {
	/** In use; null means FSRS's defaults. */
	current: number[] | null;
	/** What `current` replaced (null: the defaults); absent when nothing was ever replaced. */
	previous?: number[] | null;
	/** Epoch ms of the last change. */
	updatedAt: number | null;
}

export const DEFAULT_PARAMETER_RECORD: Readonly<ParameterRecord> = Object.freeze({
	current: null,
	updatedAt: null
});

// Checked by hand, not with zod: getSettings reads this on every study page, and zod would
// weigh more than the study route's whole first-load budget allows.
function isParameters(value: unknown): value is number[] {
	return (
		Array.isArray(value) &&
		value.length === PARAMETER_COUNT &&
		value.every((w) => typeof w === 'number' && Number.isFinite(w) && Math.abs(w) <= 100)
	);
}

const isParametersOrNull = (value: unknown) => value === null || isParameters(value);

/** The record when `value` is exactly a valid one (no other keys), else null. */
export function validateParameterRecord(value: unknown): ParameterRecord | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const raw = value as Record<string, unknown>;
	const keys = Object.keys(raw);
	if (keys.some((key) => key !== 'current' && key !== 'previous' && key !== 'updatedAt')) {
		return null;
	}
	const { current, previous, updatedAt } = raw;
	if (!isParametersOrNull(current)) return null;
	if ('previous' in raw && !isParametersOrNull(previous)) return null;
	if (
		updatedAt !== null &&
		!(typeof updatedAt === 'number' && Number.isInteger(updatedAt) && updatedAt >= 0)
	) {
		return null;
	}
	const record: ParameterRecord = {
		current: current === null ? null : [...(current as number[])],
		updatedAt: updatedAt as number | null
	};
	if ('previous' in raw) record.previous = previous === null ? null : [...(previous as number[])];
	return record;
}

/** FSRS's default parameters (ts-fsrs's, equal to fsrs-rs's). */
export const DEFAULT_PARAMETERS: readonly number[] = default_w;

/** A stored value as a record; the defaults when it is missing or does not validate. */
export function parseParameterRecord(value: unknown): ParameterRecord {
	return validateParameterRecord(value) ?? { ...DEFAULT_PARAMETER_RECORD };
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
	const next = validateParameterRecord({
		current: [...parameters],
		previous: record.current,
		updatedAt: now
	});
	if (!next) throw new Error(`FSRS parameters must be ${PARAMETER_COUNT} finite numbers`);
	return next;
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
