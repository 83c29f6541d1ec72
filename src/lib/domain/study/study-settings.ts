/** The learner's study settings: daily limits, target retention and the hour a study day begins. */

export interface StudySettings {
	/** New facts introduced per study day. */
	newPerDay: number;
	/** Reviews of review-state facts per study day. */
	reviewsPerDay: number;
	/** FSRS target probability of recall, 0.80..0.97. */
	desiredRetention: number;
	/** Local hour (0..23) at which a study day begins. */
	dayStartHour: number;
	/** FSRS-6 parameters fitted to the learner's reviews; FSRS's defaults when absent. */
	parameters?: readonly number[];
}

export const DEFAULT_SETTINGS: StudySettings = {
	newPerDay: 20,
	reviewsPerDay: 200,
	desiredRetention: 0.9,
	dayStartHour: 4
};

export type ValidationResult = { ok: true; value: StudySettings } | { ok: false; errors: string[] };

function checkInteger(value: unknown, name: string, min: number, max: number): string | null {
	return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
		? null
		: `${name} must be a whole number from ${min} to ${max}`;
}

/** Checks study settings strictly; every field is required. */
export function validateSettings(input: unknown): ValidationResult {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return { ok: false, errors: ['settings must be an object'] };
	}
	const raw = input as Record<string, unknown>;
	const errors: string[] = [];
	const push = (error: string | null) => {
		if (error) errors.push(error);
	};
	push(checkInteger(raw.newPerDay, 'newPerDay', 0, 9999));
	push(checkInteger(raw.reviewsPerDay, 'reviewsPerDay', 0, 9999));
	push(checkInteger(raw.dayStartHour, 'dayStartHour', 0, 23));
	// ts-fsrs quietly replaces a retention of 0 by its default, so the range is checked here.
	const retention = raw.desiredRetention;
	if (
		typeof retention !== 'number' ||
		!Number.isFinite(retention) ||
		retention < 0.8 ||
		retention > 0.97
	) {
		errors.push('desiredRetention must be a number from 0.80 to 0.97');
	}
	if (errors.length > 0) return { ok: false, errors };
	return {
		ok: true,
		value: {
			newPerDay: raw.newPerDay as number,
			reviewsPerDay: raw.reviewsPerDay as number,
			desiredRetention: retention as number,
			dayStartHour: raw.dayStartHour as number
		}
	};
}
