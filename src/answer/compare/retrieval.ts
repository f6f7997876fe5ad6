import type { Retriever } from '../../search/retriever.js';
import { withoutStopWords } from '../retrieval.js';
import { groupIntoSources, type NumberedSource } from '../sources.js';
import type { ComparedVoice } from './organisations.js';

/**
 * Passages per organisation: few, since five sections share one reply and one
 * prompt, and at most two from one statement so one speech can't fill a side.
 */
export const COMPARE_PASSAGES = 4;
export const COMPARE_PASSAGES_PER_STATEMENT = 2;
/** A neighbour on each side gives the model a quote's context. */
export const COMPARE_NEIGHBOURS = 1;

/** One side's sources, numbered within the whole comparison. */
export interface VoiceSources {
  voice: ComparedVoice;
  sources: NumberedSource[];
  hits: number;
}

/**
 * Each organisation searched on its own (concurrently), for the same words in
 * the same period: its own best passages, so one organisation's many
 * statements can't take another's places. Sources are numbered 1… across
 * the sides, in order, so a number names one organisation's statement.
 */
export async function retrieveEach(
  retriever: Retriever,
  voices: readonly ComparedVoice[],
  search: { words: string; language: string; from?: string; to?: string; neighbours?: number },
): Promise<{ query: string; sides: VoiceSources[] }> {
  const input = withoutStopWords(search.words, search.language);
  const retrievals = await Promise.all(
    voices.map((voice) =>
      retriever.retrievePassages(input, {
        organisations: voice.names,
        voices: [voice.names],
        k: COMPARE_PASSAGES,
        perStatement: COMPARE_PASSAGES_PER_STATEMENT,
        neighbours: search.neighbours ?? COMPARE_NEIGHBOURS,
        ...(search.from ? { from: search.from } : {}),
        ...(search.to ? { to: search.to } : {}),
      }),
    ),
  );
  let next = 1;
  const sides = retrievals.map((retrieval, i) => {
    const sources = groupIntoSources(retrieval.passages).map((source) => ({ ...source, n: next++ }));
    return { voice: voices[i]!, sources, hits: retrieval.passages.length };
  });
  return { query: retrievals.find((retrieval) => retrieval.query)?.query ?? '', sides };
}
