import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnswerResult } from '../../src/answer/types.js';
import { answerTextForTerminal, renderAnswerText, renderSearchText } from '../../src/cli/console-render.js';
import { HIGHLIGHT_CLOSE as C, HIGHLIGHT_OPEN as O } from '../../src/search/highlight.js';

const BOLD = '\x1b[1m';
const NORMAL = '\x1b[22m';

test('GIVEN an answer with a bold name THEN a terminal shows it bold, a pipe plainly, and corpus control characters never pass', () => {
  const text = `${O}ICOR${C}, 2021 [1]:\n> we **say** [x](y) \x1b[31mred\x07`;
  assert.equal(answerTextForTerminal(text, true), `${BOLD}ICOR${NORMAL}, 2021 [1]:\n> we **say** [x](y) [31mred`);
  assert.equal(answerTextForTerminal(text, false), 'ICOR, 2021 [1]:\n> we **say** [x](y) [31mred');
  const result = { mode: 'extractive', text, sources: [], searched: { query: '', filters: {}, hits: 0 }, timings: { retrievalMs: 0, totalMs: 0 }, cached: false } satisfies AnswerResult;
  assert.ok(renderAnswerText(result, true).startsWith(`${BOLD}ICOR${NORMAL}, 2021`));
  assert.ok(renderAnswerText(result, false).startsWith('ICOR, 2021'));
});

test('GIVEN a search on a terminal THEN the matched words are bold with their escape sequences intact', () => {
  const hit = { statement: { id: 1, slug: 's', title: 'T', organisation: 'O', date: null, language: 'en', url: null, externalId: null, source: 's' }, score: 1, snippet: `the ${O}Taliban${C} took\nKabul`, passage: { id: 1, ordinal: 0, text: '' }, matchedPassages: 1 };
  const input = { query: 'taliban', page: 1, pageSize: 5, filters: '' };
  assert.match(renderSearchText(input, { query: 'taliban', hits: [hit], total: 1 }, true), new RegExp(`\n {3}the \\x1b\\[1mTaliban\\x1b\\[22m took Kabul$`));
  assert.match(renderSearchText(input, { query: 'taliban', hits: [hit], total: 1 }, false), /\n {3}the «Taliban» took Kabul$/);
});

test('GIVEN closest passages and a search kept to the question\'s language THEN the terminal says so above and below the answer', () => {
  const result = {
    mode: 'extractive',
    mayNotAnswer: true,
    onlyQuestionLanguage: { question: 'ru', statements: ['en'], line: 'Searched in Russian only; the statements are in English.' },
    text: `${O}ICOR${C} [1]:\n> Verbatim.`,
    sources: [],
    searched: { query: '"x"', filters: {}, hits: 1 },
    timings: { retrievalMs: 0, totalMs: 0 },
    cached: false,
  } satisfies AnswerResult;
  assert.equal(
    renderAnswerText(result, false),
    'Searched in Russian only; the statements are in English.\n\nICOR [1]:\n> Verbatim.\n\n(No model is configured: these are the closest passages of the statements found, verbatim; they may not answer the question.)',
  );
});
