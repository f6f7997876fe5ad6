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
import { answerMarkdownPieces } from '../../src/discord/render-answer-text.js';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, stripHighlights } from '../../src/search/highlight.js';
import { messageBodyProblems } from '../doubles/discord/validate.js';
import { discordDisplay } from './discord-display.js';

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
  assert.match(sources!.description!, /^\*\*\[1\]\*\* No to any imperialist or expansionist intervention! \(1\) — ICOR, 2021-09-10 · <https:\/\/example\.org\/s\/1>$/m);
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

test('GIVEN hostile text from the model or corpus THEN the source line shows it literally and a bad URL is not linked', () => {
  const line = sourceLine(source(3, { title: '**Bold** [x](http://evil) @everyone', organisation: '_Org_ <@&123>', url: 'javascript:alert(1)' }));
  assert.equal(line, '**[3]** \\*\\*Bold\\*\\* [x]\\(http\\://evil) \\@everyone — \\_Org\\_ \\<@&123>, 2021-09-10');
  assert.deepEqual(discordDisplay(line), { text: '[3] **Bold** [x](http://evil) @everyone — _Org_ <@&123>, 2021-09-10', live: ['bold'] });
});

test('GIVEN a statement URL that tries to break out of its link THEN it is shown percent-encoded inside <…>, without a preview', () => {
  const line = sourceLine(source(1, { url: 'https://evil.example/a>b [x](https://phish.example) c' }));
  assert.ok(line.endsWith(' · <https://evil.example/a%3Eb%20[x](https://phish.example)%20c>'), line);
  assert.deepEqual(discordDisplay(line).live, ['bold', 'autolink']);
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
  assert.equal(embed.fields![0]!.name, '1. Title \\*1\\*');
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

test('GIVEN an extractive answer quoting hostile text THEN the name is bold, quote lines stay quotes and nothing from the corpus is live', () => {
  const text = `Verbatim:\n\n${HIGHLIGHT_OPEN}**Org** <@&1>${HIGHLIGHT_CLOSE}, 2021 [1]:\n> see [x](https://evil.example) @everyone\n>\n> # heading ||s||`;
  const [answer] = renderAnswer(result(text, [source(1)], { mode: 'extractive' }), { question: '**Why** <@1>?' })[0]!.embeds;
  assert.equal(answer!.description, 'Verbatim:\n\n**\\*\\*Org\\*\\* \\<@&1>**, 2021 [1]:\n> see [x]\\(https\\://evil.example) \\@everyone\n> \n> \\# heading \\|\\|s\\|\\|');
  assert.deepEqual(discordDisplay(answer!.description!), { text: 'Verbatim:\n\n**Org** <@&1>, 2021 [1]:\nsee [x](https://evil.example) @everyone\n\n# heading ||s||', live: ['bold', 'block-quote', 'block-quote', 'block-quote'] });
  assert.deepEqual(discordDisplay(answer!.title!, 'header'), { text: '**Why** <@1>?', live: [] });
});

test('GIVEN a streamed partial with Markdown in it THEN it is escaped like the final answer', () => {
  const partial = renderPartialAnswer('q', 'ICOR says "see [x](https://evil.example)" [1]');
  assert.equal(partial.embeds[0]!.description, 'ICOR says "see [x]\\(https\\://evil.example)" [1] ▌');
});

test('GIVEN a long answer full of characters to escape and a bold span across the cut THEN every piece fits, bold is balanced, and the text survives whole', () => {
  const text = `${HIGHLIGHT_OPEN}${'*_'.repeat(40)} bold words ${'a '.repeat(30)}${HIGHLIGHT_CLOSE} and then ${'[x](y) '.repeat(40)}`;
  const pieces = answerMarkdownPieces(text, 120);
  assert.ok(pieces.length > 2);
  for (const piece of pieces) {
    assert.ok(piece.length <= 120, `${piece.length}: ${piece}`);
    assert.equal((piece.match(/(?<!\\)\*\*/g)?.length ?? 0) % 2, 0, `bold opened and closed within the piece: ${piece}`);
    assert.deepEqual(discordDisplay(piece).live.filter((kind) => kind !== 'bold'), [], piece);
  }
  // (the run of *_ is one 80-character word, so it is cut hard: compare without the whitespace)
  assert.equal(pieces.map((piece) => discordDisplay(piece).text).join('').replace(/\s+/g, ''), stripHighlights(text).replace(/\s+/g, ''));
});

test('GIVEN a search hit whose matched word sits inside a masked link THEN the snippet is escaped whole and the link stays dead', () => {
  const hit = { statement: { id: 1, slug: 's', title: 'T', organisation: 'O', date: null, language: 'en', url: null, externalId: null, source: 's' }, score: 1, snippet: `see [click ${HIGHLIGHT_OPEN}quokka${HIGHLIGHT_CLOSE}](https://evil.example/phish) <@&5>`, passage: { id: 1, ordinal: 0, text: '' }, matchedPassages: 1 };
  const value = renderSearchPage({ query: 'quokka', filters: {}, page: 1 }, { query: 'quokka', hits: [hit], total: 1 }, undefined).embeds[0]!.fields![0]!.value;
  assert.equal(value.split('\n')[1], 'see [click **quokka**]\\(https\\://evil.example/phish) \\<@&5>');
  assert.deepEqual(discordDisplay(value.split('\n')[1]!).live, ['bold']);
});

test('GIVEN a title with _ on every surface THEN it is escaped once: readers see the _, never a backslash', () => {
  const title = 'snake_case title';
  const statement = { id: 1, slug: 's', title, organisation: 'a_b', date: '2021', language: 'en', url: null, externalId: null, source: 's' };
  const shownTitles = [
    renderStatementPage({ statement: { ...statement, text: '', passageCount: 1, ingestedAt: '' }, page: 1, pageCount: 1, text: 'x_y' }, undefined).embeds[0]!.title!,
    renderCitedPassages(1, [{ statement, passage: { id: 1, statementId: 1, ordinal: 0, start: 0, end: 3, text: 'x_y' }, before: [], after: [] }], new Map()).embeds[0]!.title!.slice('[1] '.length),
    renderSearchPage({ query: 'q', filters: {}, page: 1 }, { query: 'q', hits: [{ statement, score: 1, snippet: 'x_y', passage: { id: 1, ordinal: 0, text: '' }, matchedPassages: 1 }], total: 1 }, undefined).embeds[0]!.fields![0]!.name.slice('1. '.length),
  ];
  for (const shown of shownTitles) assert.deepEqual([shown, discordDisplay(shown, 'header').text], ['snake\\_case title', title]);
  const line = sourceLine(source(1, { title, organisation: 'a_b' }));
  assert.match(line, /snake\\_case title — a\\_b,/);
  assert.match(discordDisplay(line).text, /snake_case title — a_b,/);
  assert.match(renderOverview({ statements: 1, passages: 1, organisations: [{ organisation: 'a_b', statements: 1 }], earliest: null, latest: null, lastIngestAt: null, corpusVersion: 1 }).embeds[0]!.description!, /• a\\_b — 1/);
});

test('GIVEN a cited passage of hostile text THEN the quote is bold across lines, context escaped, the URL a plain link, the footer unescaped', () => {
  const statement = { id: 1, slug: 'h', title: '# Title <:e:1>', organisation: '**Org**', date: '2024', language: 'en', url: 'https://evil.example/x', externalId: null, source: 'x' };
  const passage = { id: 7, statementId: 1, ordinal: 0, start: 0, end: 0, text: '> not a quote\nwe say [x](https://e.example)\nand @everyone' };
  const rendered = renderCitedPassages(1, [{ statement, passage, before: [{ ...passage, id: 6, text: '<t:1:R> before' }], after: [] }], new Map([[7, ['[x](https://e.example)\nand']]]));
  assert.deepEqual(discordDisplay(rendered.embeds[0]!.description!).live, ['block-quote', 'block-quote', 'bold', 'block-quote']);
  assert.equal(discordDisplay(rendered.embeds[0]!.description!).text, '<t:1:R> before\n\n> not a quote\nwe say [x](https://e.example)\nand @everyone');
  assert.equal(rendered.embeds[0]!.title, '[1] # Title \\<\\:e:1>');
  assert.deepEqual(rendered.embeds[0]!.fields, [{ name: 'Link', value: '<https://evil.example/x>' }]);
  assert.match(rendered.embeds[0]!.footer!.text, /^\*\*Org\*\* · 2024/);
});

test('GIVEN closest passages that may not answer, and a search kept to the question\'s language THEN the footer says they may not answer, and the author line says where it searched', () => {
  const line = 'Nur auf Deutsch gesucht; die Erklärungen sind auf Englisch.';
  const rendered = renderAnswer(
    result('Closest passages [1]:\n> Verbatim.', [source(1)], { mode: 'extractive', mayNotAnswer: true, onlyQuestionLanguage: { question: 'de', statements: ['en'], line } }),
    { question: 'Was kauften sie?', answerKey: 'k' },
  );
  assertAcceptable(rendered);
  const [answer] = rendered[0]!.embeds;
  assert.equal(answer!.footer!.text, 'The closest passages of the statements below, verbatim; they may not answer the question (no model is configured).');
  assert.equal(answer!.author!.name, line);
  const understood = renderAnswer(result('x [1].', [source(1)], { understood: { speakers: [{ text: 'ICOR', organisations: ['ICOR'] }], use: 'filter' }, onlyQuestionLanguage: { question: 'de', statements: ['en'], line } }), { question: 'q' });
  assert.match(understood[0]!.embeds[0]!.author!.name, /^By: ICOR — not what you meant\? .* · Nur auf Deutsch gesucht/);
  const fallback = renderAnswer(result('x [1].', [source(1)], { mode: 'fallback', fallbackReason: 'timeout', mayNotAnswer: true }), { question: 'q' });
  assert.match(fallback[0]!.embeds[0]!.footer!.text, /could not be used \(timeout\), so these are the closest passages .* they may not answer the question\.$/);
});
