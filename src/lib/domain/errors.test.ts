import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	FAILURE_WORDS,
	LearnerFacingError,
	classifyError,
	describeError,
	isQuotaError,
	type FailureKind
} from '$lib/domain/errors';

/** An error shaped as the browser or Dexie raises it: a name, a message, maybe an inner cause. */
function raised(name: string, message = name, extra: Record<string, unknown> = {}) {
	return Object.assign(new Error(message), { name, ...extra });
}

describe('classifyError: one kind for each failure a learner can meet', () => {
	const cases: Array<[string, unknown, FailureKind]> = [
		[
			'a full disk',
			new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
			'quota'
		],
		[
			'a full disk inside an abort',
			raised('AbortError', 'aborted', { inner: raised('QuotaExceededError') }),
			'quota'
		],
		[
			'a full disk in a cause chain',
			new Error('wrapped', { cause: raised('QuotaExceededError') }),
			'quota'
		],
		['a full disk by its legacy code', { name: 'Error', code: 22 }, 'quota'],
		['Firefox’s full disk', raised('NS_ERROR_DOM_QUOTA_REACHED'), 'quota'],
		['a database another tab upgraded', raised('DatabaseClosedError'), 'closed-by-other-tab'],
		['an upgrade an older tab blocks', raised('UpgradeBlockedError'), 'blocked-upgrade'],
		[
			'data from a newer version',
			raised('OpenFailedError', 'open', { inner: raised('VersionError') }),
			'newer-version'
		],
		['storage switched off', raised('MissingAPIError'), 'storage-unavailable'],
		['storage in a bad state', raised('InvalidStateError'), 'storage-unavailable'],
		['a deck that is not there', new LearnerFacingError('missing-deck'), 'missing-deck'],
		['damaged stored data', raised('DataError'), 'damaged'],
		['a value that cannot be stored', raised('DataCloneError'), 'damaged'],
		['unparsable JSON', raised('SyntaxError'), 'damaged'],
		[
			'data that fails its schema',
			z.object({ a: z.string() }).safeParse({ a: 1 }).error,
			'damaged'
		],
		['no network', new TypeError('Failed to fetch'), 'offline'],
		['something else', new Error('disk on fire'), 'unknown']
	];

	it.each(cases)('%s', (_label, error, kind) => {
		expect(classifyError(error)).toBe(kind);
		if (kind !== 'unknown') expect(describeError(error)).toBe(FAILURE_WORDS[kind]);
	});

	it('knows a full disk only by its names, not by a word in a message', () => {
		expect(isQuotaError(new Error('quota'))).toBe(false);
		expect(isQuotaError(raised('QuotaExceededError'))).toBe(true);
	});
});

describe('describeError', () => {
	it('says each kind in words a learner can act on, never a bare error name', () => {
		for (const words of Object.values(FAILURE_WORDS)) {
			expect(words).toMatch(/^[A-Z][^]*\.$/);
			expect(words).not.toMatch(/Error\b|undefined|null/);
		}
		expect(FAILURE_WORDS.quota).toMatch(/storage is full/);
		expect(FAILURE_WORDS['blocked-upgrade']).toMatch(/Close the other Factdeck tabs/);
		expect(FAILURE_WORDS['missing-deck']).toMatch(/not here/);
		expect(FAILURE_WORDS.damaged).toMatch(/damaged/);
	});

	it('shows the words written where a learner-facing failure was raised', () => {
		const error = new LearnerFacingError('missing-deck', 'There is no deck “x”.');
		expect(classifyError(error)).toBe('missing-deck');
		expect(describeError(error)).toBe('There is no deck “x”.');
	});

	it('describes anything else without throwing, with a short detail', () => {
		expect(describeError(new Error('disk on fire'))).toMatch(
			/^Something went wrong.*\(Details: disk on fire\)$/
		);
		expect(describeError('odd')).toMatch(/\(Details: odd\)$/);
		expect(describeError(null)).toMatch(/\(Details: null\)$/);
		expect(describeError(new Error('x'.repeat(5000))).length).toBeLessThan(500);
	});
});
