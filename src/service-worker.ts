/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The offline cache. Each deployment gets its own cache, filled whole at install time with the
 * app (JS, CSS), `static/`, every prerendered page and JSON file, and the fallback page, so the
 * app works offline from the first visit. A new version waits until the learner chooses to
 * reload (UpdatePrompt posts SKIP_WAITING), so a page is never served by a worker whose cache
 * lacks the chunks that page was built with. Every response it serves carries COOP and COEP, so
 * the page is cross-origin isolated on any static host once the worker is in control.
 */
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'factdeck-';
const CACHE = `${CACHE_PREFIX}${version}`;
// The static adapter writes 200.html after the worker is built, so `prerendered` never lists it.
const FALLBACK = `${base}/200.html`;
// Old deck versions' items (/decks/<id>/versions/<n>.json) are asked for only by a link made
// before the current version; they are fetched when needed, not kept in every learner's cache.
const OLD_VERSIONS = /\/decks\/[^/]+\/versions\/\d+\.json$/;
const PRECACHE = [
	...new Set([
		...build,
		...files,
		...prerendered.filter((path) => !OLD_VERSIONS.test(path)),
		FALLBACK
	])
];
const precached = new Set(PRECACHE);

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
			}
			// The first install takes over open pages at once; later versions only activate when
			// the learner asked (or every tab was closed), so this never swaps a page's code.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET' || request.headers.has('range')) return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	event.respondWith(respond(request, url).then(isolated));
});

/**
 * The response with COOP and COEP added, so the page is cross-origin isolated (the FSRS
 * optimiser's WebAssembly needs shared memory) even on a static host that sends no such headers.
 * Everything the app loads is its own, so require-corp blocks nothing it uses.
 */
function isolated(response: Response): Response {
	// Opaque and error responses cannot be rebuilt; they pass unchanged.
	if (response.status === 0 || response.type === 'opaque' || response.type === 'error') {
		return response;
	}
	if (
		response.headers.get('Cross-Origin-Embedder-Policy') === 'require-corp' &&
		response.headers.get('Cross-Origin-Opener-Policy') === 'same-origin'
	) {
		return response;
	}
	const headers = new Headers(response.headers);
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
	return new Response(response.body, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	if (precached.has(url.pathname)) {
		const hit = await cache.match(url.pathname);
		if (hit) return hit;
	}
	try {
		const response = await fetch(request);
		if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
		return response;
	} catch (error) {
		const hit = await cache.match(request);
		if (hit) return hit;
		// Routes that exist only in the browser (/teach/<id>, /assignment) run from the fallback.
		if (request.mode === 'navigate') {
			const fallback = await cache.match(FALLBACK);
			if (fallback) return fallback;
		}
		throw error;
	}
}
