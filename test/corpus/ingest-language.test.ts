import assert from 'node:assert/strict';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ingest } from '../../src/corpus/ingest.js';
import type { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';
import { NON_LATIN_STATEMENTS } from '../language/statements.js';

const log = { debug: () => undefined, error: () => undefined } as never;
let scratch: string;
let db: Database;

before(async () => {
  scratch = await realpath(await mkdtemp(join(tmpdir(), 'ingest-language-')));
  for (const [language, text] of Object.entries(NON_LATIN_STATEMENTS)) await writeFile(join(scratch, `${language}.txt`), text);
  await writeFile(join(scratch, 'slogan.txt'), 'NATO, Taliban, Kabul 2021\n');
  // Front matter that names a language wins over the text's.
  await writeFile(join(scratch, 'given.md'), '---\ntitle: A French appeal, quoted in English\nlanguage: fr\n---\n\nWe appeal to all working people to stand against the war and for the refugees.\n');
  db = await openForWriting(':memory:');
  const summary = await ingest(db, [scratch], { log, projectDir: scratch });
  assert.equal(summary.failed, 0);
});
after(async () => {
  await db.close();
  await rm(scratch, { recursive: true, force: true });
});

async function languageOf(file: string): Promise<string | null | undefined> {
  return (await db.get<{ language: string | null }>('SELECT language FROM statements WHERE source = ?', [file]))?.language;
}

for (const language of Object.keys(NON_LATIN_STATEMENTS)) {
  test(`GIVEN a ${language} statement without metadata THEN ingest stores language ${language} from its text`, async () => {
    assert.equal(await languageOf(`${language}.txt`), language);
  });
}

test('GIVEN a statement of names and a year only THEN its language stays unknown (NULL), not a guess', async () => {
  assert.equal(await languageOf('slogan.txt'), null);
});

test('GIVEN front matter naming the language THEN it is stored, whatever the text looks like', async () => {
  assert.equal(await languageOf('given.md'), 'fr');
});
