/**
 * A tiny byte layout for compact codes: unsigned LEB128 varints and length-prefixed UTF-8.
 * The reader never throws; it remembers that it ran past the end, so a cut code is told apart.
 */

export class ByteWriter {
	#bytes: number[] = [];

	/** An unsigned integer up to 2^53 - 1, seven bits per byte. */
	uint(value: number): this {
		let n = Math.max(0, Math.floor(value));
		while (n >= 0x80) {
			this.#bytes.push((n % 0x80) | 0x80);
			n = Math.floor(n / 0x80);
		}
		this.#bytes.push(n);
		return this;
	}

	text(value: string): this {
		const bytes = new TextEncoder().encode(value);
		this.uint(bytes.length);
		for (const byte of bytes) this.#bytes.push(byte);
		return this;
	}

	raw(bytes: Uint8Array): this {
		for (const byte of bytes) this.#bytes.push(byte);
		return this;
	}

	toBytes(): Uint8Array {
		return Uint8Array.from(this.#bytes);
	}
}

export class ByteReader {
	#offset = 0;
	/** True once a read went past the end or met an impossible value. */
	isBroken = false;

	constructor(private readonly bytes: Uint8Array) {}

	get isAtEnd(): boolean {
		return this.#offset >= this.bytes.length;
	}

	uint(): number {
		let value = 0;
		let scale = 1;
		for (let i = 0; i < 8; i++) {
			if (this.#offset >= this.bytes.length) {
				this.isBroken = true;
				return 0;
			}
			const byte = this.bytes[this.#offset++];
			value += (byte & 0x7f) * scale;
			if (byte < 0x80) return value;
			scale *= 0x80;
		}
		this.isBroken = true;
		return 0;
	}

	text(maxBytes: number): string {
		const length = this.uint();
		if (length > maxBytes || this.#offset + length > this.bytes.length) {
			this.isBroken = true;
			return '';
		}
		const slice = this.bytes.subarray(this.#offset, this.#offset + length);
		this.#offset += length;
		try {
			return new TextDecoder('utf-8', { fatal: true }).decode(slice);
		} catch {
			this.isBroken = true;
			return '';
		}
	}

	raw(length: number): Uint8Array {
		if (this.#offset + length > this.bytes.length) {
			this.isBroken = true;
			return new Uint8Array(0);
		}
		const slice = this.bytes.slice(this.#offset, this.#offset + length);
		this.#offset += length;
		return slice;
	}

	rest(): Uint8Array {
		const slice = this.bytes.slice(this.#offset);
		this.#offset = this.bytes.length;
		return slice;
	}
}
