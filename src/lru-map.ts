/**
 * A Map bounded to `capacity` entries that forgets the least recently used
 * first: reading an entry or writing it again makes it the most recent. For
 * what is remembered in memory across calls (the answerer's query rewrites and
 * evidence per passage text, a concordance's counts), where recomputing is
 * repeated often. Here, not in a layer, so any layer may use it.
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

  delete(key: K): boolean {
    return this.entries.delete(key);
  }
}
