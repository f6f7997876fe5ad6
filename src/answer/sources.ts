import type { RetrievedPassage } from '../search/retriever.js';
import type { StatementSummary } from '../store/records.js';
import type { CitedSource } from './types.js';

/** A passage as the answerer holds it: retrieved (`primary`) or attached as context. */
export interface SourcePassage {
  id: number;
  ordinal: number;
  text: string;
  /** Retrieved for the question (not a neighbour attached for context). */
  primary: boolean;
  /** Retrieval rank of the passage (0 = best); neighbours take their passage's rank. */
  rank: number;
}

/** One statement the question retrieved, numbered [n] in retrieval order. */
export interface NumberedSource {
  n: number;
  statement: StatementSummary;
  /** In ordinal order, without duplicates. */
  passages: SourcePassage[];
}

/**
 * Group retrieved passages by statement: one source per statement, numbered in
 * order of its best passage, holding its retrieved passages and their neighbours.
 */
export function groupIntoSources(retrieved: readonly RetrievedPassage[]): NumberedSource[] {
  const byStatement = new Map<number, NumberedSource>();
  retrieved.forEach((hit, rank) => {
    let source = byStatement.get(hit.statementId);
    if (!source) {
      source = { n: byStatement.size + 1, statement: hit.statement, passages: [] };
      byStatement.set(hit.statementId, source);
    }
    addPassage(source, { id: hit.id, ordinal: hit.ordinal, text: hit.text, primary: true, rank });
    for (const neighbour of [...hit.before, ...hit.after]) {
      addPassage(source, { id: neighbour.id, ordinal: neighbour.ordinal, text: neighbour.text, primary: false, rank });
    }
  });
  for (const source of byStatement.values()) source.passages.sort((a, b) => a.ordinal - b.ordinal);
  return [...byStatement.values()];
}

function addPassage(source: NumberedSource, passage: SourcePassage): void {
  const existing = source.passages.find((p) => p.id === passage.id);
  if (!existing) source.passages.push(passage);
  else if (passage.primary && !existing.primary) Object.assign(existing, passage);
}

/** A cited source as the result shows it, with its number in the answer. */
export function citedSource(n: number, source: NumberedSource, passages: CitedSource['passages']): CitedSource {
  const { id, slug, title, organisation, date, url } = source.statement;
  return { n, statementId: id, slug, title, organisation, date, url, passages };
}

/**
 * The text of a source as one string in which quotes are looked up: adjacent
 * passages joined by a space (a quote may run across their boundary), others
 * by a separator no quote can span.
 */
export function sourceText(source: NumberedSource): { text: string; passageAt: (offset: number) => SourcePassage } {
  let text = '';
  const starts: { offset: number; passage: SourcePassage }[] = [];
  let previous: SourcePassage | undefined;
  for (const passage of source.passages) {
    if (previous) text += passage.ordinal === previous.ordinal + 1 ? ' ' : '\u0000\u0000';
    starts.push({ offset: text.length, passage });
    text += passage.text;
    previous = passage;
  }
  return {
    text,
    passageAt: (offset) => {
      let found = starts[0]!.passage;
      for (const start of starts) if (start.offset <= offset) found = start.passage;
      return found;
    },
  };
}
