/**
 * The envelope for everything Factdeck sends without a server: JSON -> UTF-8 -> deflate-raw ->
 * base64url, framed as `FD<version>.<kind>.<length>.<checksum>.<payload>`.
 *
 * - `kind` is `a` (assignment) or `r` (result), so a pasted code of the wrong kind is named.
 * - `length` is the payload length in base36, so a code cut short is told apart from a damaged one.
 * - `checksum` is FNV-1a 32 (8 lowercase hex digits) of everything else: the header up to it
 *   and the payload, so a changed version, kind or length is caught like a changed payload.
 *
 * Every character is URL-safe, so a code can sit in a fragment unescaped. `decode` never throws.
 */

/** A value or a message a person can act on. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export type CodecKind = 'assignment' | 'result';

/**
 * The newest frame version this build reads and writes. Version 1 carries deflated JSON;
 * version 2 carries bytes the kind's own codec lays out (compact answers, item references).
 */
export const CODEC_VERSION = 2;
/** The JSON frame version, still read so codes and links already sent keep working. */
export const JSON_CODEC_VERSION = 1;
export const CODEC_PREFIX = 'FD';
/** Longer codes are refused before any work is done (characters). */
export const MAX_CODE_LENGTH = 2_000_000;
/** Decompression stops past this many bytes, so a zip bomb cannot hang the tab. */
export const MAX_JSON_BYTES = 5_000_000;

const KIND_LETTER: Record<CodecKind, string> = { assignment: 'a', result: 'r' };
const LETTER_KIND: Record<string, CodecKind> = { a: 'assignment', r: 'result' };

/** What the person is holding, for messages: a student opens a link, a teacher pastes a code. */
const NOUN: Record<CodecKind, string> = { assignment: 'link', result: 'code' };

/** Every failure message, by cause; the noun follows the kind (a student opens a link). */
export const messages = {
	empty: (kind: CodecKind) => `This ${NOUN[kind]} is empty.`,
	tooLong: (kind: CodecKind) => `This ${NOUN[kind]} is too long to be a Factdeck ${kind}.`,
	notFactdeck: (kind: CodecKind) => `This is not a Factdeck ${kind} ${NOUN[kind]}.`,
	incomplete: (kind: CodecKind) =>
		`This ${NOUN[kind]} is incomplete — it may have been cut off when it was copied.`,
	newer: (kind: CodecKind) => `This ${NOUN[kind]} was made by a newer version of Factdeck.`,
	wrongKind: (expected: CodecKind, found: CodecKind) =>
		`This code is for ${article(found)} ${found}, not ${article(expected)} ${expected}.`,
	damaged: (kind: CodecKind) => `This ${NOUN[kind]} is damaged (checksum mismatch).`,
	unreadable: (kind: CodecKind) => `This ${NOUN[kind]} is damaged: its contents cannot be read.`,
	tooLarge: (kind: CodecKind) =>
		`This ${NOUN[kind]} unpacks to more than ${MAX_JSON_BYTES / 1_000_000} MB, which is too large.`,
	forbiddenKey: (kind: CodecKind) =>
		`This ${NOUN[kind]} was refused: it contains the forbidden key "__proto__".`
};

function article(word: string): string {
	return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** FNV-1a 32 of a string's UTF-16 code units, as 8 lowercase hex digits. */
export function fnv1a32(text: string, seed = 0x811c9dc5): string {
	let hash = seed >>> 0;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Bytes -> unpadded base64url. */
export function toBase64Url(bytes: Uint8Array): string {
	const parts: string[] = [];
	let chunk = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		chunk += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
		if (i + 1 < bytes.length) chunk += ALPHABET[(n >> 6) & 63];
		if (i + 2 < bytes.length) chunk += ALPHABET[n & 63];
		// Joining chunks keeps string building linear for megabyte payloads.
		if (chunk.length > 8192) {
			parts.push(chunk);
			chunk = '';
		}
	}
	parts.push(chunk);
	return parts.join('');
}

/** Unpadded base64url -> bytes, or null if any character or the length is impossible. */
export function fromBase64Url(text: string): Uint8Array | null {
	if (text.length % 4 === 1) return null;
	const out = new Uint8Array(Math.floor((text.length * 3) / 4));
	let o = 0;
	for (let i = 0; i < text.length; i += 4) {
		let n = 0;
		const count = Math.min(4, text.length - i);
		for (let j = 0; j < 4; j++) {
			let v = 0;
			if (j < count) {
				const c = text.charCodeAt(i + j);
				v = c < 128 ? LOOKUP[c] : -1;
				if (v < 0) return null;
			}
			n = (n << 6) | v;
		}
		out[o++] = (n >> 16) & 255;
		if (count > 2) out[o++] = (n >> 8) & 255;
		if (count > 3) out[o++] = n & 255;
	}
	return out;
}

async function readAll(
	stream: ReadableStream<Uint8Array>,
	limit: number
): Promise<Uint8Array | null> {
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > limit) {
			// Cancelling stops the decompressor instead of letting it inflate the rest.
			await reader.cancel().catch(() => undefined);
			return null;
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return out;
}

function streamOf(bytes: Uint8Array): ReadableStream<BufferSource> {
	return new ReadableStream<BufferSource>({
		start(controller) {
			controller.enqueue(bytes as BufferSource);
			controller.close();
		}
	});
}

/** Deflate-raw compression with the platform CompressionStream. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
	const out = await readAll(
		streamOf(bytes).pipeThrough(new CompressionStream('deflate-raw')),
		Number.POSITIVE_INFINITY
	);
	return out as Uint8Array;
}

/** Inflates deflate-raw bytes; null past `limit` bytes; rejects on a corrupt stream. */
export async function inflateRaw(bytes: Uint8Array, limit: number): Promise<Uint8Array | null> {
	return readAll(streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')), limit);
}

/** Frames an already base64url payload; exported so tests can forge codes with valid checksums. */
export function frame(
	kind: CodecKind,
	payload: string,
	version: number = JSON_CODEC_VERSION
): string {
	const header = `${CODEC_PREFIX}${version}.${KIND_LETTER[kind]}.${payload.length.toString(36)}.`;
	return `${header}${fnv1a32(header + payload)}.${payload}`;
}

/** Encodes any JSON-serialisable value as a framed, compressed, URL-safe code (version 1). */
export async function encode(kind: CodecKind, value: unknown): Promise<string> {
	const json = JSON.stringify(value);
	const compressed = await deflateRaw(new TextEncoder().encode(json));
	return frame(kind, toBase64Url(compressed), JSON_CODEC_VERSION);
}

/** Frames bytes laid out by a kind's own codec as a version-2 code. */
export function encodeBytes(kind: CodecKind, bytes: Uint8Array): string {
	return frame(kind, toBase64Url(bytes), CODEC_VERSION);
}

/**
 * Takes the code out of what a person pasted: the code itself, a whole link, or a fragment
 * (`#a=...`, `r=...`); whitespace is dropped because mail clients wrap long links.
 */
export function extractCode(input: string): string {
	let text = input.replace(/\s+/g, '');
	const hash = text.lastIndexOf('#');
	if (hash >= 0) text = text.slice(hash + 1);
	return text.replace(/^[ar]=/, '');
}

const HEADER = /^FD(\d+)\.([a-z])\.([0-9a-z]{1,8})\.([0-9a-f]{8})\.([A-Za-z0-9_-]*)$/;

/** What a checked frame holds: JSON (version 1) or a kind's own bytes (version 2). */
export type Frame = { version: 1; value: unknown } | { version: 2; bytes: Uint8Array };

/** Decodes a code of the expected kind to its JSON value; never throws, whatever the input. */
export async function decode(expected: CodecKind, input: string): Promise<Result<unknown>> {
	const frame = await decodeFrame(expected, input);
	if (!frame.ok) return frame;
	if (frame.value.version !== 1) return { ok: false, error: messages.unreadable(expected) };
	return { ok: true, value: frame.value.value };
}

/** Checks a code's frame and reads its payload, of either version; never throws. */
export async function decodeFrame(expected: CodecKind, input: string): Promise<Result<Frame>> {
	try {
		return await decodeUnsafe(expected, input);
	} catch {
		return { ok: false, error: messages.unreadable(expected) };
	}
}

async function decodeUnsafe(expected: CodecKind, input: string): Promise<Result<Frame>> {
	const fail = (error: string): Result<Frame> => ({ ok: false, error });
	if (typeof input !== 'string') return fail(messages.notFactdeck(expected));
	if (input.length > MAX_CODE_LENGTH * 2) return fail(messages.tooLong(expected));
	const code = extractCode(input);
	if (code.length === 0) return fail(messages.empty(expected));
	if (code.length > MAX_CODE_LENGTH) return fail(messages.tooLong(expected));

	const start = `${CODEC_PREFIX}${CODEC_VERSION}.`;
	const legacyStart = `${CODEC_PREFIX}${JSON_CODEC_VERSION}.`;
	if (code.length < start.length && (start.startsWith(code) || legacyStart.startsWith(code)))
		return fail(messages.incomplete(expected));
	const version = /^FD(\d{1,9})(?:\.|$)/.exec(code);
	if (!version) return fail(messages.notFactdeck(expected));
	const versionNumber = Number(version[1]);
	if (versionNumber > CODEC_VERSION) return fail(messages.newer(expected));
	if (versionNumber < JSON_CODEC_VERSION) return fail(messages.damaged(expected));

	const match = HEADER.exec(code);
	if (!match) {
		// A well-formed beginning with nothing wrong in it means the rest was lost.
		return fail(
			isPrefixOfHeader(code) ? messages.incomplete(expected) : messages.damaged(expected)
		);
	}
	const [, versionText, letter, lengthText, checksum, payload] = match;
	const declared = parseInt(lengthText, 36);
	if (payload.length < declared) return fail(messages.incomplete(expected));
	if (payload.length > declared) return fail(messages.damaged(expected));
	const header = `${CODEC_PREFIX}${versionText}.${letter}.${lengthText}.`;
	if (fnv1a32(header + payload) !== checksum) {
		return fail(messages.damaged(expected));
	}
	const kind = LETTER_KIND[letter];
	if (!kind) return fail(messages.damaged(expected));
	if (kind !== expected) return fail(messages.wrongKind(expected, kind));

	const bytes = fromBase64Url(payload);
	if (!bytes) return fail(messages.damaged(expected));
	if (versionNumber === CODEC_VERSION) return { ok: true, value: { version: 2, bytes } };
	const json = await inflateJson(expected, bytes);
	return json.ok ? { ok: true, value: { version: 1, value: json.value } } : json;
}

/**
 * Inflates deflate-raw bytes and parses them as JSON, refusing a `__proto__` key (schema
 * parsing would drop it silently, so such a code is refused whole); never throws.
 */
export async function inflateJson(kind: CodecKind, bytes: Uint8Array): Promise<Result<unknown>> {
	const fail = (error: string): Result<unknown> => ({ ok: false, error });
	let inflated: Uint8Array | null;
	try {
		inflated = await inflateRaw(bytes, MAX_JSON_BYTES);
	} catch {
		return fail(messages.unreadable(kind));
	}
	if (!inflated) return fail(messages.tooLarge(kind));
	let value: unknown;
	let forbidden = false;
	try {
		value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated), (key, v) => {
			if (key === '__proto__') forbidden = true;
			return v;
		});
	} catch {
		return fail(messages.unreadable(kind));
	}
	if (forbidden) return fail(messages.forbiddenKey(kind));
	return { ok: true, value };
}

function isPrefixOfHeader(code: string): boolean {
	return /^FD\d+\.(?:[a-z](?:\.(?:[0-9a-z]{1,8}(?:\.(?:[0-9a-f]{0,8}))?)?)?)?$/.test(code);
}
