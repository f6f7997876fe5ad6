import { signatoryLine } from '../search/signatory-line.js';
import type { Retriever, StatementSignatories } from '../search/retriever.js';
import { needsContext } from './follow-up.js';
import { contentStems, stemsMatch } from './terms.js';
import type { AnswerRequest, AnswerResult, Answerer, CitedSource } from './types.js';
import { whoSignedQuestion } from './who-signed.js';

/** Statements searched for the one a "who signed" question names: its best match is the one answered about. */
const CANDIDATES = 1;

/**
 * The answerer, answering "Who signed …?" from the signatories read at ingest:
 * the statement the question's words find best, when it lists signatories, is
 * answered with its list (every entry, under its group headings) citing the
 * passages that hold it. Needs no model. Any other question — or one whose
 * best statement lists no signatories, or a follow-up leaning on its thread —
 * goes to `inner` as before.
 */
export function answeringWhoSigned(inner: Answerer, retriever: Retriever): Answerer {
  return {
    ...inner,
    async answer(request, handlers) {
      const started = performance.now();
      const asked = whoSignedQuestion(request.question);
      const followUp = (request.history?.length ?? 0) > 0 && needsContext(asked?.statementWords ?? '');
      if (!asked || asked.statementWords === '' || followUp) return inner.answer(request, handlers);
      request.signal?.throwIfAborted();
      const found = await statementNamed(retriever, asked.statementWords, request);
      if (!found) return inner.answer(request, handlers);
      return signatoriesAnswer(retriever, request, found.listed, found.searched, performance.now() - started);
    },
  };
}

/** The best match for the statement's words within the request's filters, when it lists signatories. */
async function statementNamed(retriever: Retriever, words: string, request: AnswerRequest) {
  const filters = { organisationPrefix: request.organisation, organisations: request.organisations, from: request.from, to: request.to };
  const result = await retriever.search(words, { ...filters, limit: CANDIDATES, understand: true });
  const [best] = result.hits;
  // The period or speaker named held nothing, so the whole corpus was searched: its best is not the statement named.
  if (!best || result.understood?.use === 'fallback') return undefined;
  const statement = await retriever.getStatement(best.statement.id);
  // Who and when, once filters ("the Iranian statement", "last year"), need not be words of the text.
  const understood = [...(result.understood?.speakers.map((speaker) => speaker.text) ?? []), result.understood?.period?.text ?? ''].filter(Boolean);
  const naming = understood.reduce((rest, text) => rest.replace(text, ' '), words);
  if (!statement || !namesStatement(naming, `${statement.title}\n${statement.organisation}\n${statement.text}`)) return undefined;
  const listed = await retriever.signatories(best.statement.id);
  if (!listed || listed.signatories.length === 0) return undefined;
  return { listed, searched: { query: result.query, hits: result.total, understood: result.understood } };
}

/** Words for what kind of text it is, not which one: "the statement by Gromyko" is named by "Gromyko". */
const KIND_STEMS = new Set(contentStems('statement resolution appeal message declaration letter call document text list'));

/**
 * Does the statement hold every word naming it? Search ranks a statement
 * sharing one word ("statement") first when none has them all; its list would
 * answer a question about another text.
 */
function namesStatement(words: string, statementText: string): boolean {
  const wanted = contentStems(words).filter((stem) => !KIND_STEMS.has(stem) && !/^\d+$/.test(stem));
  const held = new Set(contentStems(statementText));
  return wanted.every((stem) => held.has(stem) || [...held].some((other) => stemsMatch(stem, other)));
}

async function signatoriesAnswer(retriever: Retriever, request: AnswerRequest, { statement, signatories }: StatementSignatories, searched: { query: string; hits: number; understood: AnswerResult['understood'] }, retrievalMs: number): Promise<AnswerResult> {
  const people = signatories.filter((s) => s.kind === 'person').length;
  const organisations = signatories.length - people;
  const counted = [organisations && `${organisations} organisation${organisations === 1 ? '' : 's'}`, people && `${people} ${people === 1 ? 'person' : 'people'}`].filter(Boolean).join(' and ');
  const about = [statement.organisation, statement.date].filter(Boolean).join(', ');
  const lines = [`${counted} signed “${statement.title || statement.slug}”${about ? ` (${about})` : ''}, as its list of signatories gives them [1]:`];
  let group: string | null | undefined;
  for (const signatory of signatories) {
    if (signatory.group !== group && signatory.group) lines.push('', `${signatory.group}:`);
    group = signatory.group;
    lines.push(`${signatory.ordinal + 1}. ${signatoryLine(signatory)}`);
  }
  const passageIds = [...new Set(signatories.map((s) => s.passageId).filter((id): id is number => id !== null))];
  const passages = [];
  for (const passageId of passageIds) {
    const held = await retriever.getPassageInContext(passageId, 0);
    if (held) passages.push({ passageId, text: held.passage.text, quotes: [] });
  }
  const source: CitedSource = { n: 1, statementId: statement.id, slug: statement.slug, title: statement.title, organisation: statement.organisation, date: statement.date, url: statement.url, passages };
  const filters: AnswerResult['searched']['filters'] = {
    ...(request.organisation ? { organisation: request.organisation } : {}),
    ...(request.organisations?.length ? { organisations: request.organisations } : {}),
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
  };
  return {
    mode: 'signatories',
    text: lines.join('\n'),
    sources: [source],
    searched: { query: searched.query, filters, hits: searched.hits },
    ...(searched.understood ? { understood: searched.understood } : {}),
    timings: { retrievalMs, totalMs: retrievalMs },
    cached: false,
  };
}
