/**
 * Slugs and stable fact ids for extracted facts; the hash itself is the domain's one
 * `hashString` (cyrb53), shared with item ids and seeds.
 */
import { hashString } from '$lib/domain/seeded-random';

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
	const hash = hashString(`${documentId}\u0000${answer}\u0000${quote}`);
	const answerSlug = slugify(answer, 24) || 'fact';
	return `${slugify(documentId, 40) || 'doc'}-${answerSlug}-${hash}`;
}
