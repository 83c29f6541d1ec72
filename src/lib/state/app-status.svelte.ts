/**
 * What the app shell shows about itself: online or not, ready to work offline, a new version
 * waiting, and whether another tab took the database away. Each `watch*` method wires the
 * browser events once and returns its cleanup, for a component's $effect.
 */
import { version } from '$app/environment';
import { onClosedByOtherTab, onUpgradeBlocked } from '$lib/db/database-events';
import { isNewerVersion, tabChannel, type TabChannel } from '$lib/state/tab-sync';

/** The parts of the browser the app status listens to; tests pass their own. */
export interface AppEnv {
	/** Where `online` and `offline` fire (the window). */
	events: () => Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
	isOnline: () => boolean;
	/** The service worker container, or null where there is none. */
	serviceWorker: () => ServiceWorkerContainer | null;
	reload: () => void;
	onClosedByOtherTab: (listener: () => void) => () => void;
	onUpgradeBlocked: (listener: () => void) => () => void;
	/** The other tabs of this browser, and the build this tab runs (left out: no version talk). */
	tabs?: () => TabChannel;
	version?: string;
}

/** The browser's, read only when a watch begins (this module is imported while prerendering). */
export const BROWSER_APP_ENV: AppEnv = {
	events: () => window,
	isOnline: () => navigator.onLine,
	serviceWorker: () => ('serviceWorker' in navigator ? navigator.serviceWorker : null),
	reload: () => location.reload(),
	onClosedByOtherTab,
	onUpgradeBlocked,
	tabs: tabChannel,
	version
};

export class AppStatus {
	/** navigator.onLine: false means surely offline; true only means a network exists. */
	isOnline = $state(true);
	/** The service worker is active, so every page and deck is cached. */
	isOfflineReady = $state(false);
	/** A new version finished installing and waits for the learner to reload. */
	waitingWorker = $state.raw<ServiceWorker | null>(null);
	/** Another tab activated a new version; this page still runs the old code. */
	isReloadNeeded = $state(false);
	/** Another tab upgraded or deleted the database; this tab no longer writes. */
	isDatabaseClosed = $state(false);
	/** An older Factdeck tab keeps this one from upgrading the database. */
	isUpgradeBlocked = $state(false);

	#isUpdating = false;
	#env: AppEnv;

	constructor(env: AppEnv = BROWSER_APP_ENV) {
		this.#env = env;
	}

	watchConnectivity(): () => void {
		const events = this.#env.events();
		const update = () => (this.isOnline = this.#env.isOnline());
		update();
		events.addEventListener('online', update);
		events.addEventListener('offline', update);
		return () => {
			events.removeEventListener('online', update);
			events.removeEventListener('offline', update);
		};
	}

	watchServiceWorker(): () => void {
		const container = this.#env.serviceWorker();
		if (!container) return () => {};
		let isActive = true;
		// A page that had no controller is being claimed by the first install: nothing to reload.
		const hadController = container.controller !== null;
		const onControllerChange = () => {
			if (this.#isUpdating) this.#env.reload();
			else if (hadController) this.isReloadNeeded = true;
		};
		container.addEventListener('controllerchange', onControllerChange);
		void container.ready.then((registration) => {
			if (!isActive) return;
			this.isOfflineReady = registration.active !== null;
			this.#trackWaiting(registration);
		});
		return () => {
			isActive = false;
			container.removeEventListener('controllerchange', onControllerChange);
		};
	}

	/**
	 * Tells the other tabs which build this one runs, and listens for theirs: a tab that hears of a
	 * newer build offers a reload (even when no service worker change reaches it, as on a host
	 * without one); a tab that hears of an older one answers, so the older tab learns too.
	 */
	watchVersions(): () => void {
		const ours = this.#env.version;
		const tabs = this.#env.tabs?.();
		if (!ours || !tabs) return () => {};
		const stop = tabs.listen((message) => {
			if (message.type !== 'version') return;
			if (isNewerVersion(message.version, ours)) this.isReloadNeeded = true;
			else if (isNewerVersion(ours, message.version)) tabs.post({ type: 'version', version: ours });
		});
		tabs.post({ type: 'version', version: ours });
		return stop;
	}

	#trackWaiting(registration: ServiceWorkerRegistration): void {
		const offer = () => {
			// Only an update waits while a controller exists; a first install activates at once.
			if (registration.waiting && this.#env.serviceWorker()?.controller) {
				this.waitingWorker = registration.waiting;
			}
		};
		offer();
		registration.addEventListener('updatefound', () => {
			const installing = registration.installing;
			installing?.addEventListener('statechange', () => {
				if (installing.state === 'installed') offer();
			});
		});
	}

	/** Lets the waiting version take over; the page reloads when it does. */
	applyUpdate(): void {
		if (!this.waitingWorker) {
			this.#env.reload();
			return;
		}
		this.#isUpdating = true;
		this.waitingWorker.postMessage({ type: 'SKIP_WAITING' });
	}

	/** Watches for another tab taking the database away, or an older one blocking an upgrade. */
	watchDatabase(): () => void {
		const stopClosed = this.#env.onClosedByOtherTab(() => (this.isDatabaseClosed = true));
		const stopBlocked = this.#env.onUpgradeBlocked(() => (this.isUpgradeBlocked = true));
		return () => {
			stopClosed();
			stopBlocked();
		};
	}
}

/** The one app status, shared by the shell's banners. */
export const appStatus = new AppStatus();
