import type { SearchFilters } from './filters.js';
import { isStopWord } from './stop-words.js';
import { tokenize } from './tokenize.js';
import { UserFacingError } from '../errors.js';
import type { PassageRetrieval, Retriever, RetrieveOptions, SearchOptions, SearchResult, Timeline, TimelineOptions, Understood } from './retriever.js';
import { topicQuery } from './timeline-query.js';
import { OrganisationDirectory } from './understand/organisations.js';
import { understandQuestion, type Understanding } from './understand/understand.js';

/**
 * Any retriever, reading who and when a question names before it searches
 * (`understand: true` on search or retrievePassages): the speakers and period
 * become filters and their words stop being keywords; options given
 * explicitly win; when the filters leave nothing, the question is searched
 * as typed, without them, and the result says so. Engine-independent: it
 * wraps whatever Retriever it is given.
 */
export function withUnderstanding(inner: Retriever, options: { now?: () => Date } = {}): Retriever {
  const now = options.now ?? (() => new Date());
  let directory: { version: number; built: Promise<OrganisationDirectory> } | undefined;

  /** The organisations' names and aliases, built again whenever the corpus changes. */
  async function currentDirectory(): Promise<OrganisationDirectory> {
    const version = await inner.corpusVersion();
    if (directory?.version !== version) {
      const built = inner.organisations().then((organisations) => OrganisationDirectory.ofCorpus(organisations));
      directory = { version, built };
      built.catch(() => {
        if (directory?.built === built) directory = undefined;
      });
    }
    return directory.built;
  }

  async function understood<T extends { understood?: Understood }>(question: string, explicit: SearchFilters, run: (text: string, filters: SearchFilters, voices?: string[][]) => Promise<T>, found: (result: T) => boolean): Promise<T> {
    const understanding = understandQuestion(question, await currentDirectory(), now());
    const plan = planFilters(understanding, explicit);
    if (!plan.applied) {
      const result = await run(question, explicit);
      if (!plan.shown) return result;
      // Only a malformed date read: nothing was overridden, the question was searched as written.
      const onlyInvalid = plan.shown.speakers.length === 0 && !plan.shown.period;
      return { ...result, understood: { ...plan.shown, use: onlyInvalid ? 'filter' : 'overridden' } };
    }
    // "What has JAKNA said since 2022?" leaves only the question's frame: nothing to search for, their statements to browse.
    const keywords = tokenize(understanding.keywords).some((token) => !isStopWord(token.folded)) ? understanding.keywords : '';
    const filtered = await run(keywords, plan.filters, plan.voices);
    if (found(filtered)) return { ...filtered, understood: { ...plan.shown!, use: 'filter' } };
    // Nothing by them then: say so, and answer from everything rather than "not covered".
    return { ...(await run(question, explicit)), understood: { ...plan.shown!, use: 'fallback' } };
  }

  return {
    ...inner,
    search(input: string, searchOptions: SearchOptions = {}): Promise<SearchResult> {
      const { understand, ...rest } = searchOptions;
      if (!understand || rest.advanced) return inner.search(input, rest);
      // Judged on the total, not the page: every page of one search keeps to the same choice.
      return understood(input, rest, (text, filters) => inner.search(text, { ...rest, ...filters }), (result) => result.total > 0);
    },
    async retrievePassages(input: string, retrieveOptions: RetrieveOptions = {}): Promise<PassageRetrieval> {
      const { understand, searchFor, ...rest } = retrieveOptions;
      if (!understand) return inner.retrievePassages(searchFor ?? input, rest);
      // The input is read for who and when; `searchFor` (when given) is what is searched for within them.
      let voices: string[][] | undefined;
      const result = await understood(
        input,
        rest,
        (text, filters, planned) => {
          voices = planned;
          return inner.retrievePassages(searchFor ?? text, { ...rest, ...filters, ...(planned ? { voices: planned } : {}) });
        },
        (retrieval) => retrieval.passages.length > 0,
      );
      return withSilentVoices(result, voices);
    },
    timeline(topic: string, timelineOptions: TimelineOptions = {}): Promise<Timeline> {
      const { understand, ...rest } = timelineOptions;
      if (!understand) return inner.timeline(topic, rest);
      // "apartheid in the 1980s": the decade is the range, apartheid the topic; a topic nobody mentions then is counted everywhere.
      return understood(
        topic,
        rest,
        (text, filters) => {
          if (text !== topic && !topicQuery(text)) throw new UserFacingError('empty_topic', `That names who or when, but no topic to count: add a word or a "phrase", e.g. ${topic.trim()} apartheid.`);
          // "India on apartheid" leaves "on apartheid": the topic is what follows the preposition.
          return inner.timeline(text === topic ? text : text.replace(/^\s*(?:on|about|of|regarding|concerning)\s+/i, ''), { ...rest, ...filters });
        },
        (result) => result.matching > 0,
      );
    },
  };
}

/** Several speakers searched as filters, some with nothing on the question: named, so the answer can say which. */
function withSilentVoices(result: PassageRetrieval, voices: string[][] | undefined): PassageRetrieval {
  if (!voices || voices.length < 2 || result.understood?.use !== 'filter') return result;
  const speaking = new Set(result.passages.map((passage) => passage.statement.organisation.toLowerCase()));
  const silent = voices.filter((names) => !names.some((name) => speaking.has(name.toLowerCase()))).map((names) => names[0]!);
  return silent.length === 0 ? result : { ...result, understood: { ...result.understood, silent } };
}

/**
 * The filters a question's understanding adds to the explicit ones: its
 * speakers unless an organisation was given, its period unless a date was.
 * `applied` when anything was added; `shown` whenever anything was understood.
 */
export function planFilters(understanding: Understanding, explicit: SearchFilters): { applied: boolean; filters: SearchFilters; voices?: string[][]; shown?: Omit<Understood, 'use'> } {
  const speakers = understanding.speakers.length > 0 && !explicit.organisations?.length && !explicit.organisationPrefix;
  const period = understanding.period !== undefined && !explicit.from && !explicit.to;
  // A malformed date matters only where no date option gave the period instead.
  const invalidDates = !explicit.from && !explicit.to ? understanding.invalidDates : undefined;
  const shown =
    understanding.speakers.length > 0 || understanding.period || invalidDates
      ? { speakers: understanding.speakerMentions, ...(understanding.period ? { period: understanding.period } : {}), ...(invalidDates ? { invalidDates } : {}) }
      : undefined;
  const filters: SearchFilters = {
    ...explicit,
    ...(speakers ? { organisations: understanding.speakers } : {}),
    ...(period && understanding.period!.from ? { from: understanding.period!.from } : {}),
    ...(period && understanding.period!.to ? { to: understanding.period!.to } : {}),
  };
  return { applied: speakers || period, filters, ...(speakers ? { voices: understanding.voices } : {}), ...(shown ? { shown } : {}) };
}
