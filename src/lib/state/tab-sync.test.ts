import { afterEach, describe, expect, it } from 'vitest';
import {
	isNewerVersion,
	openTabChannel,
	parseTabMessage,
	withTabLock,
	type TabChannel,
	type TabMessage
} from '$lib/state/tab-sync';

const opened: TabChannel[] = [];
function channel(name: string): TabChannel {
	const c = openTabChannel(name);
	opened.push(c);
	return c;
}
afterEach(() => {
	for (const c of opened.splice(0)) c.close();
});

/** Resolves with the next message `c` hears, or null after `ms`. */
function nextMessage(c: TabChannel, ms = 500): Promise<TabMessage | null> {
	return new Promise((resolve) => {
		const timer = setTimeout(() => (stop(), resolve(null)), ms);
		const stop = c.listen((m) => {
			clearTimeout(timer);
			stop();
			resolve(m);
		});
	});
}

describe('parseTabMessage', () => {
	it('keeps the four known shapes and only their fields', () => {
		expect(parseTabMessage({ type: 'answered', deckId: 'kosovo', factId: 'f', extra: 1 })).toEqual({
			type: 'answered',
			deckId: 'kosovo',
			factId: 'f'
		});
		expect(parseTabMessage({ type: 'undone', deckId: 'd', factId: 'f' })).toEqual({
			type: 'undone',
			deckId: 'd',
			factId: 'f'
		});
		expect(parseTabMessage({ type: 'submitted', attemptId: 'a1' })).toEqual({
			type: 'submitted',
			attemptId: 'a1'
		});
		expect(parseTabMessage({ type: 'attempt-saved', attemptId: 'a1', extra: 1 })).toEqual({
			type: 'attempt-saved',
			attemptId: 'a1'
		});
		expect(parseTabMessage({ type: 'version', version: '123' })).toEqual({
			type: 'version',
			version: '123'
		});
	});

	it('refuses anything else', () => {
		for (const bad of [
			null,
			'answered',
			[],
			{ type: 'answered', deckId: 'd' },
			{ type: 'answered', deckId: 1, factId: 'f' },
			{ type: 'answered', deckId: '', factId: 'f' },
			{ type: 'undone', deckId: 'd', factId: 'x'.repeat(201) },
			{ type: 'submitted' },
			{ type: 'attempt-saved', attemptId: ['a1'] },
			{ type: 'version', version: 5 },
			{ type: '__proto__' },
			{ type: 'other', deckId: 'd', factId: 'f' }
		]) {
			expect(parseTabMessage(bad)).toBeNull();
		}
	});
});

describe('isNewerVersion', () => {
	it('compares build times as numbers, and never calls both sides newer', () => {
		expect(isNewerVersion('1700000000001', '1700000000000')).toBe(true);
		expect(isNewerVersion('1700000000000', '1700000000001')).toBe(false);
		expect(isNewerVersion('999', '1000')).toBe(false);
		expect(isNewerVersion('5', '5')).toBe(false);
		expect(isNewerVersion('b', 'a')).toBe(true);
		expect(isNewerVersion('a', 'b')).toBe(false);
	});
});

describe('openTabChannel', () => {
	it('carries a message to the other tab, not back to the sender', async () => {
		const a = channel('test-carry');
		const b = channel('test-carry');
		const heardByB = nextMessage(b);
		const heardByA = nextMessage(a, 200);
		a.post({ type: 'answered', deckId: 'kosovo', factId: 'f1' });
		expect(await heardByB).toEqual({ type: 'answered', deckId: 'kosovo', factId: 'f1' });
		expect(await heardByA).toBeNull();
	});

	it('drops malformed messages from another sender', async () => {
		const a = new BroadcastChannel('test-bad');
		const b = channel('test-bad');
		const heard = nextMessage(b, 200);
		a.postMessage({ type: 'answered', deckId: 'kosovo' });
		expect(await heard).toBeNull();
		a.close();
	});

	it('says and hears nothing without BroadcastChannel, and does not throw', () => {
		const c = openTabChannel('none', () => null);
		const stop = c.listen(() => {
			throw new Error('never called');
		});
		c.post({ type: 'version', version: '1' });
		stop();
		c.close();
	});
});

describe('withTabLock', () => {
	it('runs one holder at a time under the same name', async () => {
		const held: string[] = [];
		let queue = Promise.resolve();
		const locks = {
			request<T>(_name: string, run: () => Promise<T>): Promise<T> {
				const result = queue.then(run);
				queue = result.then(
					() => undefined,
					() => undefined
				);
				return result;
			}
		};
		const slow = (tag: string) => async () => {
			held.push(`${tag}+`);
			await new Promise((r) => setTimeout(r, 10));
			held.push(`${tag}-`);
			return tag;
		};
		const results = await Promise.all([
			withTabLock('x', slow('a'), locks),
			withTabLock('x', slow('b'), locks)
		]);
		expect(results).toEqual(['a', 'b']);
		expect(held).toEqual(['a+', 'a-', 'b+', 'b-']);
	});

	it('simply runs where there is no Web Locks', async () => {
		expect(await withTabLock('x', async () => 7, null)).toBe(7);
	});
});
