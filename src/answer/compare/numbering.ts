import { findMarkers, formatMarkers } from '../citations.js';
import type { CitedSource } from '../types.js';

/**
 * One numbering for a whole comparison: each section is grounded (or quoted)
 * on its own and numbers its citations 1…; here they become 1… in order of
 * first citation across the sections, one number per statement, so the
 * sources list and the buttons under the reply are one list.
 */
export class ComparisonNumbering {
  private readonly byStatement = new Map<number, CitedSource>();

  /** Every cited statement, in number order. */
  get sources(): CitedSource[] {
    return [...this.byStatement.values()];
  }

  /** The number of a cited statement, adding it (or the passages and quotes it brings) when it is new. */
  add(source: CitedSource): number {
    const known = this.byStatement.get(source.statementId);
    if (!known) {
      const n = this.byStatement.size + 1;
      this.byStatement.set(source.statementId, { ...source, n, passages: source.passages.map((p) => ({ ...p, quotes: [...p.quotes] })) });
      return n;
    }
    for (const passage of source.passages) {
      const same = known.passages.find((p) => p.passageId === passage.passageId);
      if (!same) known.passages.push({ ...passage, quotes: [...passage.quotes] });
      else for (const quote of passage.quotes) if (!same.quotes.includes(quote)) same.quotes.push(quote);
    }
    return known.n;
  }

  /** A section's text with its own numbers (`local`, as its `sources` number them) turned into the comparison's. */
  renumber(text: string, local: readonly CitedSource[]): string {
    const global = new Map(local.map((source) => [source.n, this.add(source)]));
    let out = text;
    for (const marker of findMarkers(text).reverse()) {
      const numbers = marker.numbers.map((n) => global.get(n)).filter((n): n is number => n !== undefined);
      out = `${out.slice(0, marker.index)}${formatMarkers(numbers)}${out.slice(marker.index + marker.length)}`;
    }
    return out;
  }
}
