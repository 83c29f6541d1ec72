/**
 * Small, dependency-free hashing and slugs for stable fact ids.
 */

/** cyrb53: a fast 53-bit string hash (deterministic across platforms), as a non-negative integer. */
export function cyrb53(text: string, seed = 0): number {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
	h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
	h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Lower-case ASCII slug of `text` (diacritics folded), cut at a word boundary to `maxLength` chars. */
export function slugify(text: string, maxLength = 60): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= maxLength) return slug;
	const cut = slug.slice(0, maxLength + 1);
	const lastDash = cut.lastIndexOf('-');
	return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/** Stable fact id: readable answer slug plus a base-36 hash of document id, answer and quote. */
export function factId(documentId: string, answer: string, quote: string): string {
	const hash = cyrb53(`${documentId}\u0000${answer}\u0000${quote}`).toString(36);
	const answerSlug = slugify(answer, 24) || 'fact';
	return `${slugify(documentId, 40) || 'doc'}-${answerSlug}-${hash}`;
}
