import { hasModel, type Config } from '../../config.js';
import { UserFacingError } from '../../errors.js';
import { log as defaultLog, type Logger } from '../../log.js';
import { validateFilters } from '../../search/filters.js';
import type { Retriever } from '../../search/retriever.js';
import { OrganisationDirectory } from '../../search/understand/organisations.js';
import { detectLanguage } from '../../language/detect.js';
import { isForeignQuestion, statementLanguages } from '../corpus-languages.js';
import { answerLanguage } from '../language.js';
import { questionLanguageOnlyLine } from '../messages.js';
import { createModelClient, type ModelClient } from '../model-client.js';
import { contentStems } from '../terms.js';
import { composeWithModel } from './compose-model.js';
import { ComparisonNumbering } from './numbering.js';
import { checkVoiceCount, planComparison } from './organisations.js';
import { COMPARE_NEIGHBOURS, retrieveEach } from './retrieval.js';
import type { CompareRequest, Comparer, ComparisonResult, ComparisonSection } from './types.js';
import { quotedSection } from './verbatim.js';

/** What the comparer reads of the corpus before searching. */
interface CorpusKnown {
  directory: OrganisationDirectory;
  names: string[];
  /** The languages most statements are written in (corpus-languages.ts). */
  statementLanguages: string[];
}

export type { CompareRequest, Comparer, ComparisonMode, ComparisonResult, ComparisonSection } from './types.js';

/** A topic is a phrase, not a paste: the same bound as a question. */
export const MAX_TOPIC_CHARS = 1_000;

/** The topic trimmed, or a UserFacingError when it is empty or a paste. */
export function checkTopic(typed: string): string {
  const topic = typed.trim();
  if (topic === '') throw new UserFacingError('empty_topic', 'What should they be compared on? e.g. /compare topic: nuclear disarmament organisation1: Iran organisation2: Iraq');
  if (topic.length > MAX_TOPIC_CHARS) throw new UserFacingError('topic_too_long', `The topic is ${topic.length.toLocaleString('en')} characters long; please keep it under ${MAX_TOPIC_CHARS.toLocaleString('en')}.`);
  return topic;
}

/**
 * `/compare`: two to five organisations on one topic. Each is searched on its
 * own (retrieval.ts), then, with a model, one call writes a section per
 * organisation and a closing sentence, grounded section by section against
 * that organisation's sources (compose-model.ts); without one, or when the
 * model fails, each section is its best verbatim sentences. An organisation
 * with nothing on the topic gets a section saying so and what was searched.
 */
export function createComparer(deps: { retriever: Retriever; config: Config; log?: Logger; modelClient?: ModelClient; now?: () => Date }): Comparer {
  const { retriever, config } = deps;
  const log = deps.log ?? defaultLog;
  const model = deps.modelClient ?? (hasModel(config) ? createModelClient(config, { log }) : undefined);
  const now = deps.now ?? (() => new Date());
  let directory: { version: number; built: Promise<CorpusKnown> } | undefined;

  /** The organisations' names and aliases, and the statements' languages, read again whenever the corpus changes. */
  async function organisations(): Promise<CorpusKnown> {
    const version = await retriever.corpusVersion();
    if (directory?.version !== version) {
      const built = Promise.all([retriever.organisations(), retriever.languages()]).then(([list, languages]) => ({
        directory: OrganisationDirectory.ofCorpus(list),
        names: list.map((row) => row.organisation),
        statementLanguages: statementLanguages(languages),
      }));
      directory = { version, built };
      built.catch(() => {
        if (directory?.built === built) directory = undefined;
      });
    }
    return directory.built;
  }

  /** Who, on what, when: everything checked that can be without searching. Throws UserFacingError. */
  async function planFor(request: CompareRequest) {
    const topic = checkTopic(request.topic);
    const dates = validateFilters({ from: request.from, to: request.to });
    const language = answerLanguage(topic, request.language);
    const known = await organisations();
    const plan = planComparison(topic, request.organisations ?? [], dates, known.directory, known.names, now());
    checkVoiceCount(plan.voices, request.organisations?.length ?? 0);
    if (contentStems(plan.words, language).length === 0) {
      const read = plan.words.trim() !== topic.trim() ? 'names who, but no topic' : 'has no word';
      throw new UserFacingError('empty_topic', `Compare them on what? "${topic.slice(0, 100)}" ${read} to search for.`);
    }
    return { topic, language, known, plan };
  }

  return {
    async check(request: CompareRequest): Promise<void> {
      await planFor(request);
    },
    async compare(request: CompareRequest): Promise<ComparisonResult> {
      const started = performance.now();
      request.signal?.throwIfAborted();
      const { topic, language, known, plan } = await planFor(request);

      // Neighbours give the model a quote's context; verbatim quotes come from the passages found alone.
      const { query, sides } = await retrieveEach(retriever, plan.voices, { words: plan.words, language, neighbours: model ? COMPARE_NEIGHBOURS : 0, ...(plan.from ? { from: plan.from } : {}), ...(plan.to ? { to: plan.to } : {}) });
      const retrievalMs = performance.now() - started;
      const searched = { words: plan.words, query, ...(plan.from ? { from: plan.from } : {}), ...(plan.to ? { to: plan.to } : {}) };
      // A topic in a language the statements aren't written in was searched in its own language only (nothing translates it): a section with nothing says so, as /ask does.
      const topicLanguage = detectLanguage(topic);
      const languageNote = isForeignQuestion(topicLanguage, known.statementLanguages) ? questionLanguageOnlyLine(topicLanguage, known.statementLanguages, language) : undefined;
      const searchedFor = { ...searched, ...(languageNote ? { languageNote } : {}) };
      request.signal?.throwIfAborted();

      const numbering = new ComparisonNumbering();
      const anything = sides.some((side) => side.hits > 0);
      const composed = model && anything ? await composeWithModel({ client: model, config, topic, directory: known.directory, words: plan.words, sides, language, numbering, searched: searchedFor, log, ...(request.signal ? { signal: request.signal } : {}) }) : undefined;
      const sections: ComparisonSection[] = composed?.sections ?? sides.map((side) => quotedSection(side, plan.words, language, numbering, searchedFor));
      const result: ComparisonResult = {
        mode: composed ? composed.mode : model ? 'llm' : 'extractive',
        ...(composed?.fallbackReason ? { fallbackReason: composed.fallbackReason } : {}),
        topic,
        searched,
        sections,
        ...(composed?.closing ? { closing: composed.closing } : {}),
        sources: numbering.sources,
        dropped: composed?.dropped ?? 0,
        ...(plan.understood ? { understood: plan.understood } : {}),
        timings: { retrievalMs, totalMs: performance.now() - started },
        ...(composed?.usage ? { usage: composed.usage } : {}),
      };
      log.debug({ mode: result.mode, organisations: sections.length, kinds: sections.map((s) => s.kind), sources: result.sources.length, dropped: result.dropped, ...result.timings }, 'compared');
      return result;
    },
  };
}
