import { describe, expect, it } from 'vitest';
import { AppStatus, type AppEnv } from '$lib/state/app-status.svelte';

/** A browser of the test's making: a window to fire events on, and hooks it can call. */
function fakeEnv() {
	const events = new EventTarget();
	const hooks = {
		isOnline: true,
		reloads: 0,
		closed: new Set<() => void>(),
		blocked: new Set<() => void>()
	};
	const env: AppEnv = {
		events: () => events,
		isOnline: () => hooks.isOnline,
		serviceWorker: () => null,
		reload: () => void (hooks.reloads += 1),
		onClosedByOtherTab: (listener) => {
			hooks.closed.add(listener);
			return () => hooks.closed.delete(listener);
		},
		onUpgradeBlocked: (listener) => {
			hooks.blocked.add(listener);
			return () => hooks.blocked.delete(listener);
		}
	};
	return { env, events, hooks };
}

describe('AppStatus', () => {
	it('follows the connection while watched, and stops when the watch ends', () => {
		const { env, events, hooks } = fakeEnv();
		const status = new AppStatus(env);
		const stop = status.watchConnectivity();
		expect(status.isOnline).toBe(true);
		hooks.isOnline = false;
		events.dispatchEvent(new Event('offline'));
		expect(status.isOnline).toBe(false);
		hooks.isOnline = true;
		events.dispatchEvent(new Event('online'));
		expect(status.isOnline).toBe(true);
		stop();
		hooks.isOnline = false;
		events.dispatchEvent(new Event('offline'));
		expect(status.isOnline).toBe(true);
	});

	it('notes a database taken by another tab and an upgrade an older tab blocks', () => {
		const { env, hooks } = fakeEnv();
		const status = new AppStatus(env);
		const stop = status.watchDatabase();
		expect(status.isDatabaseClosed).toBe(false);
		for (const listener of hooks.blocked) listener();
		expect(status.isUpgradeBlocked).toBe(true);
		for (const listener of hooks.closed) listener();
		expect(status.isDatabaseClosed).toBe(true);
		stop();
		expect(hooks.closed.size + hooks.blocked.size).toBe(0);
	});

	it('does nothing without a service worker, and reloads when asked to update with none waiting', () => {
		const { env, hooks } = fakeEnv();
		const status = new AppStatus(env);
		status.watchServiceWorker()();
		expect(status.isOfflineReady).toBe(false);
		status.applyUpdate();
		expect(hooks.reloads).toBe(1);
	});
});

describe('AppStatus.watchVersions', () => {
	it('offers a reload when another tab runs a newer build, and answers an older one', async () => {
		const { openTabChannel } = await import('$lib/state/tab-sync');
		const ours = openTabChannel('test-versions');
		const other = openTabChannel('test-versions');
		const heard: string[] = [];
		const stopHearing = other.listen((m) => {
			if (m.type === 'version') heard.push(m.version);
		});
		const { env } = fakeEnv();
		const status = new AppStatus({ ...env, tabs: () => ours, version: '2000' });
		const stop = status.watchVersions();
		await expect.poll(() => heard).toEqual(['2000']);
		other.post({ type: 'version', version: '1000' });
		await expect.poll(() => heard).toEqual(['2000', '2000']);
		expect(status.isReloadNeeded).toBe(false);
		other.post({ type: 'version', version: '3000' });
		await expect.poll(() => status.isReloadNeeded).toBe(true);
		stop();
		stopHearing();
		ours.close();
		other.close();
	});
});
