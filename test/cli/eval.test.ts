import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { syntheticUngdcDatabase } from '../search/ungdc-db.js';
import { runCli } from './run-cli.js';

const SCIFACT = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/datasets/scifact');
const dir = mkdtempSync(join(tmpdir(), 'eval-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A small, self-consistent sample: 60 judged queries, their relevant documents, and 300 others. */
function writeSample(): { corpus: string; queries: string; qrels: string } {
  const qrelLines = readFileSync(join(SCIFACT, 'qrels-train.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  const queryIds = [...new Set(qrelLines.map(([queryId]) => queryId!))].slice(0, 60);
  const kept = qrelLines.filter(([queryId]) => queryIds.includes(queryId!));
  const relevant = new Set(kept.map(([, documentId]) => documentId!));
  const documents = readFileSync(join(SCIFACT, 'corpus.jsonl'), 'utf8').trim().split('\n');
  const sample = documents.filter((line, i) => relevant.has(JSON.parse(line)._id) || i < 300);
  const queries = readFileSync(join(SCIFACT, 'queries-train.jsonl'), 'utf8').trim().split('\n').filter((line) => queryIds.includes(JSON.parse(line)._id));
  const paths = { corpus: join(dir, 'corpus.jsonl'), queries: join(dir, 'queries.jsonl'), qrels: join(dir, 'qrels.tsv') };
  writeFileSync(paths.corpus, `${sample.join('\n')}\n`);
  writeFileSync(paths.queries, `${queries.join('\n')}\n`);
  writeFileSync(paths.qrels, `query-id\tcorpus-id\tscore\n${kept.map((fields) => fields.join('\t')).join('\n')}\n`);
  return paths;
}

test('GIVEN a SciFact sample THEN npm run eval ingests it and prints nDCG@10 and Recall@100 for the baseline and ours', { skip: existsSync(SCIFACT) ? false : `no SciFact at ${SCIFACT}` }, async () => {
  const sample = writeSample();
  const args = ['--corpus', sample.corpus, '--queries', sample.queries, '--qrels', sample.qrels, '--db', join(dir, 'scratch.sqlite')];
  const { code, stdout, stderr } = await runCli('src/cli/eval.ts', [...args, '--json']);
  assert.equal(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.equal(result.ours.queries, 60);
  for (const method of [result.baseline, result.ours]) {
    assert.ok(method.ndcg10 > 0.5 && method.ndcg10 <= 1, `nDCG@10 ${method.ndcg10}`);
    assert.ok(method.recall100 > 0.8 && method.recall100 <= 1, `Recall@100 ${method.recall100}`);
  }
  const human = await runCli('src/cli/eval.ts', args);
  assert.equal(human.code, 0);
  assert.match(human.stdout, /plain FTS5 bm25 \(baseline\)\s+0\.\d{4}\s+0\.\d{4}/);
  assert.match(human.stdout, /ours .+\s+0\.\d{4}\s+0\.\d{4}/);
});

test('GIVEN a missing dataset file THEN a one-line error and exit code 1', async () => {
  const { code, stderr } = await runCli('src/cli/eval.ts', ['--corpus', join(dir, 'nope.jsonl'), '--queries', join(dir, 'nope'), '--qrels', join(dir, 'nope'), '--db', join(dir, 'x.sqlite')]);
  assert.equal(code, 1);
  assert.match(stderr, /No dataset file at .*nope\.jsonl/);
});

/** A UN-like dataset folder (speakers.csv only) and database, as `npm run eval -- ungdc` reads them. */
async function writeUngdcSample(): Promise<{ dataset: string; db: string }> {
  const dataset = join(dir, 'ungdc');
  mkdirSync(dataset, { recursive: true });
  writeFileSync(join(dataset, 'speakers.csv'), 'Year,Session,ISO Code,Country,Name of Person Speaking,Post\n1984,39,IRN,Iran,A,President\n');
  const db = join(dir, 'ungdc.sqlite');
  await (await syntheticUngdcDatabase(db)).close();
  return { dataset, db };
}

test('GIVEN a UN-like database THEN npm run eval -- ungdc writes questions from it, asks them and prints the scores per category', async () => {
  const { dataset, db } = await writeUngdcSample();
  const { code, stdout, stderr } = await runCli('src/cli/eval.ts', ['ungdc', '--db', db, '--dataset', dataset, '--per-category', '3', '--json']);
  assert.equal(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.equal(result.set, 'ungdc');
  assert.equal(result.categories.length, 5);
  assert.ok(result.questions.length > 5 && result.questions.length <= 15);
  const human = await runCli('src/cli/eval.ts', ['ungdc', '--db', db, '--dataset', dataset, '--per-category', '3']);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stdout, /^country-topic-year\s+95\.0%\s+\d+\.\d%/m);
  assert.doesNotMatch(human.stdout, /Wrote section/, 'a run of another size leaves docs/benchmarks.md alone');
});

test('GIVEN no UN dataset THEN npm run eval -- ungdc says it is skipped and succeeds', async () => {
  const { code, stdout } = await runCli('src/cli/eval.ts', ['ungdc', '--dataset', join(dir, 'no-such-folder')]);
  assert.equal(code, 0);
  assert.match(stdout, /ungdc: skipped — the UN General Debate Corpus is not in .*no-such-folder/);
});

test('GIVEN --db with both sets, or an unknown set THEN a usage error (exit 2)', async () => {
  const both = await runCli('src/cli/eval.ts', ['--db', join(dir, 'x.sqlite')]);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--db belongs to one set/);
  const unknown = await runCli('src/cli/eval.ts', ['beir']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown set: beir/);
});
