import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnswerResult, CitedSource } from '../../src/answer/types.js';
import { parseButtonId } from '../../src/discord/custom-id.js';
import { embedLength, type MessagePayload } from '../../src/discord/payload.js';
import { renderAnswer, renderPartialAnswer, sourceLine } from '../../src/discord/render-answer.js';
import { renderCitedPassages } from '../../src/discord/render-passage.js';
import { renderSearchPage } from '../../src/discord/render-search.js';
import { renderStatementPage } from '../../src/discord/render-statement.js';
import { renderOverview } from '../../src/discord/render-overview.js';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../src/search/highlight.js';
import { messageBodyProblems } from '../doubles/discord/validate.js';

const ICOR_SENTENCE = 'The ICOR supports and fights for the rejection of any imperialist intervention';

function source(n: number, overrides: Partial<CitedSource> = {}): CitedSource {
  return { n, statementId: n, slug: `statement-${n}`, title: `No to any imperialist or expansionist intervention! (${n})`, organisation: 'ICOR', date: '2021-09-10', url: `https://example.org/s/${n}`, passages: [{ passageId: 100 + n, text: `${ICOR_SENTENCE}.`, quotes: [ICOR_SENTENCE] }], ...overrides };
}

function result(text: string, sources: CitedSource[], overrides: Partial<AnswerResult> = {}): AnswerResult {
  return { mode: 'llm', text, sources, searched: { query: 'imperialist', filters: {}, hits: sources.length }, timings: { retrievalMs: 1, totalMs: 2 }, cached: false, ...overrides };
}

/** Everything a renderer returns must be a body Discord accepts. */
function assertAcceptable(messages: MessagePayload[]): void {
  for (const message of messages) assert.deepEqual(messageBodyProblems({ ...message } as Record<string, unknown>), []);
}

const allText = (messages: MessagePayload[]) => messages.flatMap((m) => [m.content, ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).map((f) => f.value)])]).join('\n');
const buttonsOf = (messages: MessagePayload[]) => messages.flatMap((m) => m.components.flatMap((row) => row.components));

test('GIVEN a short cited answer THEN one message: question, answer, sources, a button per source and 👍/👎', () => {
  const messages = renderAnswer(result(`ICOR rejects any intervention [1] and calls the Taliban reactionary [2].`, [source(1), source(2)]), { question: 'What does ICOR say about Afghanistan?', answerKey: 'k3y' });
  assertAcceptable(messages);
  assert.equal(messages.length, 1);
  const [answer, sources] = messages[0]!.embeds;
  assert.equal(answer!.title, 'What does ICOR say about Afghanistan?');
  assert.equal(answer!.description, 'ICOR rejects any intervention [1] and calls the Taliban reactionary [2].');
  assert.equal(sources!.title, 'Sources');
  assert.equal(sources!.description, [sourceLine(source(1)), sourceLine(source(2))].join('\n'));
  assert.match(sources!.description!, /^\*\*\[1\]\*\* \[No to any imperialist or expansionist intervention! \(1\)\]\(<https:\/\/example\.org\/s\/1>\) — ICOR, 2021-09-10/);
  const ids = buttonsOf(messages).map((b) => ('custom_id' in b ? parseButtonId(b.custom_id) : undefined));
  assert.deepEqual(ids.map((id) => `${id?.action}:${id?.arg}`), ['source:1', 'source:2', 'vote:up', 'vote:down']);
  assert.ok(ids.every((id) => id?.key === 'k3y'));
});

test('GIVEN a 15,000-character answer citing 30 sources THEN it splits within every limit, in order, losing no [n] and no source', () => {
  const sentences = Array.from({ length: 150 }, (_, i) => `Sentence ${i} says the organisation opposes intervention number ${i} [${(i % 30) + 1}].`);
  const text = sentences.join(' ');
  const sources = Array.from({ length: 30 }, (_, i) => source(i + 1, { title: `A very long statement title that goes on and on ${'and on '.repeat(40)}${i + 1}` }));
  const messages = renderAnswer(result(text, sources), { question: 'q', answerKey: 'k' });
  assertAcceptable(messages);
  assert.ok(messages.length >= 3);
  for (const message of messages) assert.ok(message.embeds.reduce((sum, e) => sum + embedLength(e), 0) <= 6000);
  const answerText = messages.flatMap((m) => m.embeds.filter((e) => e.title !== 'Sources').map((e) => e.description)).join(' ');
  assert.equal(answerText.replace(/\s+/g, ' '), text);
  for (let n = 1; n <= 30; n += 1) assert.ok(allText(messages).includes(`**[${n}]**`), `source ${n} is listed`);
  const sourceButtons = buttonsOf(messages).filter((b) => 'custom_id' in b && b.custom_id.startsWith('src:'));
  assert.equal(sourceButtons.length, 30, 'every source keeps its button, in follow-up messages when needed');
});

test('GIVEN hostile text from the model or corpus THEN the source line escapes Markdown and a bad URL is not linked', () => {
  const line = sourceLine(source(3, { title: '**Bold** [x](http://evil) @everyone', organisation: '_Org_', url: 'javascript:alert(1)' }));
  assert.equal(line, '**[3]** \\*\\*Bold\\*\\* [x](http://evil) @everyone — \\_Org\\_, 2021-09-10');
});

test('GIVEN answer modes THEN the footer says how the answer was made and not-found has no feedback buttons', () => {
  const fallback = renderAnswer(result('Verbatim [1].', [source(1)], { mode: 'fallback', fallbackReason: 'timeout' }), { question: 'q', answerKey: 'k' });
  assert.match(fallback[0]!.embeds[0]!.footer!.text, /could not be used \(timeout\)/);
  const notFound = renderAnswer(result('Nothing in the corpus matches "xyzzy".', [], { mode: 'not-found' }), { question: 'q', answerKey: 'k' });
  assert.equal(buttonsOf(notFound).length, 0);
  assert.equal(notFound[0]!.embeds.length, 1);
});

test('GIVEN a partial longer than an embed THEN the streamed message still fits', () => {
  assertAcceptable([renderPartialAnswer('q'.repeat(1000), 'word '.repeat(2000))]);
});

test('GIVEN a cited passage with neighbours THEN the passage is quoted with its quotation in bold, context around it', () => {
  const statement = { id: 1, slug: 'icor-2021', title: 'No to intervention', organisation: 'ICOR', date: '2021-09-10', language: 'en', url: null, externalId: null, source: 'x.md' };
  const passage = (ordinal: number, text: string) => ({ id: 10 + ordinal, statementId: 1, ordinal, start: 0, end: text.length, text });
  const rendered = renderCitedPassages(2, [{ statement, passage: passage(1, `${ICOR_SENTENCE} by the US.`), before: [passage(0, 'Kabul fell in August.')], after: [passage(2, 'Down with the Taliban!')] }], new Map([[11, [ICOR_SENTENCE]]]));
  assertAcceptable([rendered]);
  assert.equal(rendered.embeds[0]!.title, '[2] No to intervention');
  assert.equal(rendered.embeds[0]!.description, `Kabul fell in August.\n\n> **${ICOR_SENTENCE}** by the US.\n\nDown with the Taliban!`);
});

test('GIVEN a search page THEN matched words are bold, corpus Markdown escaped, and paging buttons reflect the page', () => {
  const hit = (i: number) => ({ statement: { id: i, slug: `s-${i}`, title: `Title *${i}*`, organisation: 'ICOR', date: '2021', language: 'en', url: null, externalId: null, source: 's' }, score: 1, snippet: `against ${HIGHLIGHT_OPEN}imperialist${HIGHLIGHT_CLOSE} war_time ${'x'.repeat(2000)}`, passage: { id: i, ordinal: 0, text: '' }, matchedPassages: 1 });
  const page = renderSearchPage({ query: 'imperialist', filters: { organisation: 'ICOR' }, page: 1 }, { query: 'imperialist', hits: [1, 2, 3, 4, 5].map(hit), total: 12 }, 'key');
  assertAcceptable([page]);
  const embed = page.embeds[0]!;
  assert.equal(embed.description, '12 statements match (organisation ICOR).');
  assert.equal(embed.fields![0]!.name, '1. Title *1*');
  assert.match(embed.fields![0]!.value, /against \*\*imperialist\*\* war\\_time/);
  assert.equal(embed.footer!.text, 'Page 1 of 3');
  const [prev, next] = page.components[0]!.components;
  assert.equal(prev!.disabled, true);
  assert.equal(next!.disabled, undefined);
  const nothing = renderSearchPage({ query: '" * NEAR( :', filters: {}, page: 1 }, { query: '', hits: [], total: 0 }, 'key');
  assert.match(nothing.embeds[0]!.description!, /nothing searchable/);
  assert.equal(nothing.components.length, 0);
});

test('GIVEN a statement page THEN metadata and text fit, with paging only when there are pages', () => {
  const statement = { id: 1, slug: 'icor-2021', title: 'T'.repeat(300), organisation: 'ICOR', date: null, language: null, url: 'https://icor.info/x', externalId: null, source: 's', text: '', passageCount: 1, ingestedAt: '' };
  const single = renderStatementPage({ statement, page: 1, pageCount: 1, text: '*'.repeat(3500) }, 'k');
  assertAcceptable([single]);
  assert.equal(single.components.length, 0);
  const paged = renderStatementPage({ statement, page: 2, pageCount: 3, text: 'Short.' }, 'k');
  assert.equal(paged.embeds[0]!.footer!.text, 'Page 2 of 3 · icor-2021');
  assert.deepEqual(paged.components[0]!.components.map((b) => b.disabled), [undefined, undefined]);
});

test('GIVEN an overview with 500 organisations THEN the list is cut with a count of the rest', () => {
  const organisations = Array.from({ length: 500 }, (_, i) => ({ organisation: `Organisation number ${i}`, statements: 500 - i }));
  const rendered = renderOverview({ statements: 9000, passages: 40000, organisations, earliest: '1999', latest: '2024-05-01', lastIngestAt: '2025-01-01T00:00:00.000Z', corpusVersion: 4 });
  assertAcceptable([rendered]);
  assert.match(rendered.embeds[0]!.description!, /^\*\*9000\*\* statements \(40000 passages\), from 1999 to 2024-05-01\.\nLast ingest: <t:1735689600:R>\./);
  assert.match(rendered.embeds[0]!.description!, /…and \d+ more\.$/);
});
