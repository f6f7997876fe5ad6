import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ingestUpload } from '../../src/corpus/intake/upload.js';
import { openForWriting } from '../../src/store/migrate.js';
import { SEEDS, seedBody } from '../corpus/seeds.js';
import { runCli } from './run-cli.js';

const SCRIPT = 'src/cli/statement.ts';
let folder: string;
let path: string;
let slug: string;

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'statement-history-'));
  path = join(folder, 'corpus.sqlite');
  const db = await openForWriting(path);
  const body = seedBody(SEEDS.icor);
  const upload = (text: string) => ({ filename: 'icor-resolution.txt', bytes: Buffer.from(text) });
  await ingestUpload(db, upload(body), { given: { organisation: 'ICOR' }, now: () => new Date('2026-01-05T10:00:00Z') });
  const [changed] = await ingestUpload(db, upload(`${body}\nSigned also by the Kabul Workers Solidarity Committee.`), { given: { organisation: 'ICOR' }, now: () => new Date('2026-02-01T10:00:00Z') });
  slug = changed!.slug;
  await db.close();
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('GIVEN a statement that came from an upload and changed THEN npm run statement says where it came from, each field\'s source, and its earlier text', async () => {
  const { code, stdout } = await runCli(SCRIPT, [slug, '--page-chars', '100000', '--db', path]);
  assert.equal(code, 0);
  assert.match(stdout, /\nUploaded as icor-resolution\.txt on 2026-02-01 \(title: inferred · organisation: admin · date: inferred · language: inferred\)\n/);
  assert.match(stdout, new RegExp(`\\n1 earlier text \\(replaced 2026-02-01\\): npm run statement -- ${slug} --earlier 1\\n`));
  assert.match(stdout, /Signed also by the Kabul Workers Solidarity Committee/);
});

test('GIVEN --earlier 1 THEN the text as it was before the change, dated', async () => {
  const { code, stdout } = await runCli(SCRIPT, [slug, '--earlier', '1', '--db', path]);
  assert.equal(code, 0);
  assert.match(stdout, /— as it was from 2026-01-05 until 2026-02-01 \(the current text: npm run statement -- /);
  assert.doesNotMatch(stdout, /Kabul Workers Solidarity/);
  const none = await runCli(SCRIPT, [slug, '--earlier', '2', '--db', path]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /has 1 earlier text\./);
});
