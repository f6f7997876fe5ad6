import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../../src/corpus/clean.js';
import { extractSignatories } from '../../src/corpus/signatories.js';
import { extractUngdc, UNGDC_TARBALL } from '../../src/corpus/ungdc.js';

// UN General Debate speeches are speeches: none ends with a list of signatories,
// though many name organisations, treaties and their signatories in prose, and
// some number their points. Every speech of four sessions, one per era.
const DATASET = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/datasets/ungdc');
const available = existsSync(join(DATASET, UNGDC_TARBALL));
const skip = available ? false : `the UN General Debate Corpus is not in ${DATASET}`;
const SESSIONS = /\/Session (25 - 1970|45 - 1990|65 - 2010|79 - 2024)\/[A-Z]+_\d\d_\d{4}\.txt$/;

let scratch: string;
let speeches: { file: string; text: string }[] = [];

before(async () => {
  if (!available) return;
  scratch = await mkdtemp(join(tmpdir(), 'signatories-ungdc-'));
  const root = await extractUngdc(DATASET, scratch, (path) => path.endsWith('/') || SESSIONS.test(`/${path}`));
  for (const session of await readdir(root)) {
    for (const file of await readdir(join(root, session))) speeches.push({ file, text: cleanText(await readFile(join(root, session, file), 'utf8')) });
  }
});
after(async () => {
  if (available) await rm(scratch, { recursive: true, force: true });
});

test('GIVEN every UN speech of four sessions THEN none is read as listing signatories', { skip }, () => {
  assert.ok(speeches.length > 500, `${speeches.length} speeches read`);
  const listing = speeches.filter((speech) => extractSignatories(speech.text).length > 0).map((speech) => speech.file);
  assert.deepEqual(listing, []);
  speeches = [];
});
