/**
 * Sets `record[key] = value` as an ordinary own property, whatever the key: with plain
 * assignment a key from outside such as "__proto__" would set the prototype instead.
 */
export function setOwnKey<T>(record: Record<string, T>, key: string, value: T): void {
	Object.defineProperty(record, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true
	});
}
