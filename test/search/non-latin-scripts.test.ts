/**
 * What the index does to statements that aren't English: FTS5's `porter`
 * tokenizer applies the English Porter rules, which only ever strip ASCII
 * endings; unicode61 with remove_diacritics 2 folds case in every script and
 * diacritics of Latin letters only. So Russian, Ukrainian, Persian and Arabic
 * words are indexed as written (lower-cased), found by their own forms, and
 * never cut to an English "stem". Turkish, in Latin letters, gets the English
 * rules like German or French do — the same on both sides, so a word still
 * finds itself.
 */
import assert from 'node:assert/strict';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ingest } from '../../src/corpus/ingest.js';
import { porterStem } from '../../src/search/porter.js';
import { search } from '../../src/search/search.js';
import { tokenize } from '../../src/search/tokenize.js';
import type { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';
import { NON_LATIN_STATEMENTS } from '../language/statements.js';

type Language = keyof typeof NON_LATIN_STATEMENTS;
const log = { debug: () => undefined, error: () => undefined } as never;
let scratch: string;
let db: Database;

before(async () => {
  scratch = await realpath(await mkdtemp(join(tmpdir(), 'non-latin-')));
  for (const [language, text] of Object.entries(NON_LATIN_STATEMENTS)) await writeFile(join(scratch, `${language}.txt`), text);
  // Persian as typed on an Arabic keyboard: Arabic ي and ك for Persian ی and ک.
  await writeFile(join(scratch, 'fa-arabic-letters.txt'), 'بيانيه كارگران\n\nكارگران ايران از مبارزه زنان افغانستان پشتيباني مي‌كنند.\n');
  db = await openForWriting(':memory:');
  await db.run(`CREATE VIRTUAL TABLE passage_terms USING fts5vocab(passage_fts, 'instance')`);
  await ingest(db, [scratch], { log, projectDir: scratch });
});
after(async () => {
  await db.close();
  await rm(scratch, { recursive: true, force: true });
});

/** Which statements a plain search finds, by file name. */
async function found(query: string, options: { advanced?: boolean } = {}): Promise<string[]> {
  const result = await search(db, query, options);
  const sources = await Promise.all(result.hits.map((hit) => db.get<{ source: string }>('SELECT source FROM statements WHERE id = ?', [hit.statement.id])));
  return sources.map((row) => row!.source.replace(/\.txt$/, ''));
}

/** The terms FTS5 indexed for a statement's passages, in order. */
async function indexedTerms(language: string): Promise<string[]> {
  const rows = await db.all<{ term: string }>(
    `SELECT t.term FROM passage_terms t JOIN passages p ON p.id = t.doc JOIN statements s ON s.id = p.statement_id
     WHERE s.source = ? AND t.col = 'text' ORDER BY p.ordinal, t.offset`,
    [`${language}.txt`],
  );
  return rows.map((row) => row.term);
}

/** A statement's text as its passages hold it: the title line too. */
function passageText(language: Language): string {
  return NON_LATIN_STATEMENTS[language];
}

describe('what the index holds', () => {
  for (const language of ['ru', 'uk', 'fa', 'ar'] as const) {
    test(`GIVEN a ${language} statement THEN every word is indexed as written, lower-cased: nothing stemmed, no letter changed`, async () => {
      const words = tokenize(passageText(language)).map((token) => token.text.toLowerCase());
      assert.deepEqual(await indexedTerms(language), words);
    });
  }

  for (const language of Object.keys(NON_LATIN_STATEMENTS) as Language[]) {
    test(`GIVEN a ${language} statement THEN the scorer's tokenizer and Porter port agree with FTS5 term for term`, async () => {
      const mirrored = tokenize(passageText(language)).map((token) => porterStem(token.folded));
      assert.deepEqual(mirrored, await indexedTerms(language));
    });
  }

  test('GIVEN Arabic-script spellings THEN FTS5 and the scorer agree: letters kept as written, vowel marks split a word', async () => {
    const words = ['أحمد', 'احمد', 'إسلام', 'آزادی', 'كتاب', 'کتاب', 'يمن', 'یمن', 'كتـــاب', 'فوراً', 'خانهٔ', 'الدوليّة', 'ڕێکخراو', 'ښځې'];
    await db.exec(`CREATE VIRTUAL TABLE probe USING fts5 (x, tokenize = 'porter unicode61 remove_diacritics 2');
                   CREATE VIRTUAL TABLE probe_terms USING fts5vocab (probe, 'instance');`);
    for (const word of words) await db.run('INSERT INTO probe (x) VALUES (?)', [word]);
    const rows = await db.all<{ doc: number; term: string }>('SELECT doc, term FROM probe_terms ORDER BY doc, offset');
    const indexed = words.map((_, i) => rows.filter((row) => row.doc === i + 1).map((row) => row.term).join(' '));
    assert.deepEqual(words.map((word) => tokenize(word).map((token) => porterStem(token.folded)).join(' ')), indexed);
    // Hamza forms, Arabic and Persian kaf and yeh, the tatweel: each stays the letter it was.
    assert.deepEqual(indexed.slice(0, 9), words.slice(0, 9));
    // Vowel marks are separators to unicode61: a final tanwin or ezafe falls away, a shadda inside
    // a word cuts it ("الدوليّة" is "الدولي" + "ة"; the same word written without it doesn't match).
    assert.deepEqual(indexed.slice(9, 12), ['فورا', 'خانه', 'الدولي ة']);
  });

  test('GIVEN Turkish THEN the English rules cut Latin-script endings, the same for the question and the statement', async () => {
    const terms = await indexedTerms('tr');
    assert.ok(terms.includes('kadınların'), 'dotless ı is a letter of its own, kept as written');
    assert.ok(terms.includes('mucadel'), '"mücadele": ü folded to u, the final e cut by Porter step 5');
  });
});

describe('searching statements in their own words', () => {
  const cases: [string, string, Language][] = [
    ['Russian, as written', 'беженцы', 'ru'],
    ['Russian, in capitals', 'ВОЙНА', 'ru'],
    ['Ukrainian, with ї and й', 'їхній ворог', 'uk'],
    ['Ukrainian, a city in the genitive as written', 'Маріуполя', 'uk'],
    ['Persian, a plural', 'پناهجویان', 'fa'],
    ['Persian, a compound joined by a zero-width non-joiner', 'آتش‌بس', 'fa'],
    ['Arabic, with the article', 'اللاجئون', 'ar'],
    ['Arabic, with hamza under alef', 'الإمبريالية', 'ar'],
    ['Turkish, with dotless ı', 'kadınların hakları', 'tr'],
    ['Turkish, with ü and ç', 'mülteciler', 'tr'],
  ];
  for (const [name, query, language] of cases) {
    test(`GIVEN ${name} (${query}) THEN the ${language} statement is found first`, async () => {
      assert.equal((await found(query))[0], language);
    });
  }
});

describe('inflections', () => {
  test('GIVEN a Russian word in another case THEN no English stem joins it to the statement, and a prefix finds every form', async () => {
    assert.deepEqual(await found('беженцев'), [], 'genitive plural: not a form the statement uses');
    assert.deepEqual(await found('беженц*', { advanced: true }), ['ru']);
    assert.deepEqual(await found('войн*', { advanced: true }), ['ru'], '"войне", "войну", "Война": Russian only — the Ukrainian "війну" is another word');
  });

  test('GIVEN a Persian word written apart from its plural ending by a zero-width non-joiner THEN the bare word finds it', async () => {
    // unicode61 splits at U+200C, as Lucene's Persian analyzer does: "آتش‌بس" is "آتش" + "بس".
    assert.deepEqual(await found('آتش'), ['fa']);
  });

  test('GIVEN Persian typed with Arabic ي and ك THEN Persian ی and ک do not find it: unicode61 keeps letters as written', async () => {
    assert.deepEqual(await found('کارگران'), ['fa']);
    assert.deepEqual(await found('كارگران'), ['fa-arabic-letters']);
  });
});
