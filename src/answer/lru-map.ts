/**
 * A Map bounded to `capacity` entries that forgets the least recently used
 * first: reading an entry or writing it again makes it the most recent. For
 * what the answerer remembers in memory (query rewrites, the support check's
 * evidence per passage text), where recomputing is cheap but repeated often.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // A Map keeps insertion order: re-inserting moves the entry to the end, the most recent.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
