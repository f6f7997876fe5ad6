import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import type { OrganisationDirectory } from '../../search/understand/organisations.js';
import { questionWords } from '../../search/understand/words.js';
import { stripMarkers } from '../citations.js';
import { ModelError, type ModelClient } from '../model-client.js';
import { fitSources } from '../prompt.js';
import { tokenCounterFor } from '../tokens.js';
import type { CitedSource } from '../types.js';
import { groundClosing, groundSection, splitReply, type CompareGroundingContext } from './grounding.js';
import type { ComparisonNumbering } from './numbering.js';
import { buildCompareMessages } from './prompt.js';
import type { VoiceSources } from './retrieval.js';
import type { ComparisonMode, ComparisonSection } from './types.js';
import { notCoveredSection, quotedSection, type SectionSearch } from './verbatim.js';

export interface Composed {
  mode: ComparisonMode;
  fallbackReason?: string;
  sections: ComparisonSection[];
  closing?: string;
  dropped: number;
  usage?: { promptTokens: number; completionTokens: number };
}

/**
 * One model call for the whole comparison, then grounding section by
 * section (grounding.ts). A section the model left out, or none of whose
 * sentences held, is its organisation's verbatim sentences instead; a model
 * that fails (timeout, error) leaves every section verbatim ('fallback').
 * Aborting rethrows the abort.
 */
export async function composeWithModel(args: {
  client: ModelClient;
  config: Config;
  topic: string;
  words: string;
  sides: readonly VoiceSources[];
  language: string;
  numbering: ComparisonNumbering;
  directory: OrganisationDirectory;
  searched: SectionSearch;
  log: Logger;
  signal?: AbortSignal;
}): Promise<Composed> {
  const { sides, numbering, language } = args;
  const fitted = await fitSides(args.client.model, sides, args.config.OPENAI_CONTEXT_TOKENS, args.log);
  const messages = buildCompareMessages(args.topic, fitted, language);
  const verbatimOrNone = (i: number): ComparisonSection => quotedSection(sides[i]!, args.words, language, numbering, args.searched);

  let reply = '';
  let outcome;
  try {
    outcome = await args.client.streamChat(messages, { signal: args.signal, onText: (delta) => void (reply += delta) });
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    if (error.failure === 'aborted') {
      args.signal?.throwIfAborted();
      throw error;
    }
    args.log.warn({ failure: error.failure, message: error.message }, 'model failed; comparing with verbatim quotes');
    return { mode: 'fallback', fallbackReason: error.reason, sections: sides.map((_, i) => verbatimOrNone(i)), dropped: 0 };
  }

  const context: CompareGroundingContext = { topic: args.topic, instructions: messages[0]!.content, language };
  const split = splitReply(reply, sides.length);
  const truncated = outcome.finishReason === 'length';
  let dropped = 0;
  const sections = sides.map((side, i): ComparisonSection => {
    const text = split.sections[i];
    if (side.hits === 0 || text === undefined) return verbatimOrNone(i);
    // Only the closing may run into the token limit unnoticed; a section cut off is judged as cut.
    const grounded = groundSection(text, fitted[i]!.sources, context, truncated && split.closing === undefined && i === sides.length - 1);
    dropped += grounded.dropped;
    const base = { organisation: side.voice.name, organisations: side.voice.names, hits: side.hits };
    if (grounded.notInSources) return { ...base, text: notCoveredSection(side.voice, args.searched, side.hits, language), kind: 'none' };
    if (grounded.sources.length === 0) return verbatimOrNone(i);
    return { ...base, text: numbering.renumber(grounded.text, grounded.sources), kind: 'llm' };
  });

  let closing: string | undefined;
  if (split.closing) {
    const sideOf = new Map(fitted.flatMap((side, i) => side.sources.map((source) => [source.statement.id, i] as const)));
    const bothSides = (sentence: string, cited: readonly CitedSource[]) => {
      const citedSides = new Set(cited.map((source) => sideOf.get(source.statementId)));
      const named = namedSides(sentence, sides, args.directory);
      return citedSides.size >= 2 && [...named].every((i) => citedSides.has(i));
    };
    const grounded = groundClosing(split.closing, fitted.flatMap((side) => side.sources), context, bothSides);
    dropped += grounded.dropped;
    if (grounded.sentence) closing = numbering.renumber(grounded.sentence.text, grounded.sentence.sources);
  }

  const written = sections.some((section) => section.kind === 'llm') || sections.every((section) => section.kind === 'none');
  const usage = outcome.usage ? { usage: outcome.usage } : {};
  if (!written) return { mode: 'fallback', fallbackReason: 'no sentence supported by its sources', sections, dropped, ...usage };
  return { mode: 'llm', sections, ...(closing ? { closing } : {}), dropped, ...usage };
}

/** Each side's sources within its share of the prompt's token budget, numbered 1… across the sides again. */
async function fitSides(model: string, sides: readonly VoiceSources[], budgetTokens: number, log: Logger): Promise<VoiceSources[]> {
  const counter = await tokenCounterFor(model, (error) => log.warn({ err: error }, 'tokenizer unavailable; estimating tokens'));
  const share = Math.max(1, Math.floor(budgetTokens / sides.length));
  let next = 1;
  return sides.map((side) => ({ ...side, sources: fitSources(side.sources, share, (passage) => counter.count(passage.text), counter).map((source) => ({ ...source, n: next++ })) }));
}

/** The sides a sentence names ("Iran and Iraq both …"), by the names and other names of their organisations. */
function namedSides(sentence: string, sides: readonly VoiceSources[], directory: OrganisationDirectory): Set<number> {
  const named = new Set<number>();
  for (const mention of directory.find(questionWords(stripMarkers(sentence)))) {
    const names = new Set(mention.organisations.map((name) => name.toLowerCase()));
    sides.forEach((side, i) => {
      if (side.voice.names.some((name) => names.has(name.toLowerCase()))) named.add(i);
    });
  }
  return named;
}
