/**
 * Advanced search passes the user's FTS5 syntax to MATCH, so whatever SQLite
 * says about it must come back as one readable line (UserFacingError
 * 'fts_syntax'), never a raw SQLITE_ERROR — for the inputs that crashed batch
 * runs in issue 8, and for thousands of generated hostile queries.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUserFacingError } from '../../src/errors.js';
import { describeFtsError } from '../../src/search/fts-query.js';
import { useSeedRetriever } from './seed-db.js';

const seeded = useSeedRetriever();

/** What a user may see: one line, no SQLite code, no control characters. */
function assertReadableSyntaxError(error: unknown, input: string): void {
  assert.ok(isUserFacingError(error), `${JSON.stringify(input)} threw ${error instanceof Error ? error.stack : String(error)}`);
  assert.equal(error.code, 'fts_syntax');
  assert.doesNotMatch(error.message, /SQLITE_/);
  assert.doesNotMatch(error.message, /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/, `${JSON.stringify(error.message)} is one printable line`);
  assert.ok(error.message.length <= 300, `${error.message.length} characters`);
}

/** Resolves to 'ok' or the error a search threw. */
async function outcome(input: string): Promise<unknown> {
  try {
    await seeded.retriever.search(input, { advanced: true });
    return 'ok';
  } catch (error) {
    return error;
  }
}

const ISSUE_INPUTS: [string, string, RegExp][] = [
  ['an empty phrase as a column name', '"":war', /Unknown column ""/],
  ['a minus before an ideographic space and an emoji', '-\u3000🧨', /Unknown column "<U\+3000>🧨"/],
  ['a minus before a byte-order mark and Devanagari and CJK', '- \uFEFFईश्वर日本語', /Unknown column "<U\+FEFF>ईश्वर日本語"/],
];

for (const [name, input, shown] of ISSUE_INPUTS) {
  test(`GIVEN ${name} (${JSON.stringify(input)}) THEN a one-line fts_syntax error naming what SQLite saw`, async () => {
    const error = await outcome(input);
    assertReadableSyntaxError(error, input);
    assert.match((error as Error).message, shown);
  });
}

test('GIVEN a column filter on a word ("- war") THEN the message says how to exclude a word instead', async () => {
  const error = await outcome('- war');
  assertReadableSyntaxError(error, '- war');
  assert.match((error as Error).message, /Unknown column "war".*NOT/);
});

/** Seeded, so a failure names an input that fails again. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FTS5 syntax, words of several scripts, and characters that are invisible, control, or not valid UTF-16. */
const PIECES = ['"', '""', '(', ')', ':', '-', '^', '*', '+', '{', '}', ',', '.', 'NEAR', 'NEAR(', 'AND', 'OR', 'NOT', 'and', 'title', 'text', 'organisation', 'foo', '{title text}', 'war', 'Taliban', 'imperialist', 'war*', '\u3000', '\uFEFF', '\u00A0', '\u2028', '\u200B', '🧨', '🇺🇦', 'ईश्वर', '日本語', 'Україна', '\u0000', '\u0001', '\t', '\n', '\ud800', 'e\u0301', '0', '12', '-1', '\\', "'", ';', '[', ']', '%', '_', '$'];
const SEPARATORS = ['', ' ', ' ', '  ', '\u3000'];
const GENERATED_QUERIES = 3_000;

test(`GIVEN ${GENERATED_QUERIES.toLocaleString('en')} generated hostile advanced queries THEN each finds results or throws the one-line fts_syntax error, nothing else`, async () => {
  const random = mulberry32(20_240_801);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let failed = 0;
  for (let i = 0; i < GENERATED_QUERIES; i += 1) {
    let input = '';
    for (let pieces = 1 + Math.floor(random() * 8); pieces > 0; pieces -= 1) input += pick(PIECES) + pick(SEPARATORS);
    const result = await outcome(input);
    if (result === 'ok') continue;
    failed += 1;
    assertReadableSyntaxError(result, input);
  }
  assert.ok(failed > GENERATED_QUERIES / 2, `the generator makes mostly bad syntax (${failed} failed)`);
});

test('GIVEN an error that is not about the query (busy, I/O) THEN it is not described as the user\'s mistake', () => {
  const busy = Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' });
  assert.equal(describeFtsError(busy), undefined);
  assert.equal(describeFtsError(new TypeError('x is undefined')), undefined);
});
