/**
 * The databases the search benchmark runs on, built once under /tmp and reused:
 * the UN General Debate Corpus ingested by the real ingest, then a ~10k-passage
 * slice of it and a ≥1M-passage replica (the corpus copied until it has a
 * million passages; copies are separate statements, so term statistics scale
 * as a larger corpus's would).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/corpus/ingest.js';
import { prepareUngdc } from '../src/corpus/ungdc.js';
import type { Database } from '../src/store/database.js';
import { openForWriting } from '../src/store/migrate.js';

export const BENCH_DIR = '/tmp/search-bench';
const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const UNGDC_DIR = resolve(REPO_ROOT, '../shared/datasets/ungdc');
const BUILD_KEY = 'search_bench_build';

/** The whole UN corpus, ingested as `npm run ingest:ungdc` would. */
export async function ensureUngdcDatabase(say: (line: string) => void): Promise<string> {
  const path = join(BENCH_DIR, 'ungdc.sqlite');
  if (await isComplete(path, 'ungdc')) return path;
  mkdirSync(BENCH_DIR, { recursive: true });
  say(`Ingesting the UN corpus into ${path} (once; several minutes) …`);
  const scratch = await mkdtemp(join(tmpdir(), 'ungdc-'));
  try {
    const { root, manifest } = await prepareUngdc(UNGDC_DIR, scratch);
    const db = await openForWriting(path);
    try {
      const summary = await ingest(db, [root], { root, manifest });
      say(`  ${summary.added + summary.updated + summary.unchanged} speeches, ${summary.failed} failed, ${summary.seconds.toFixed(0)} s`);
      await markComplete(db, 'ungdc');
    } finally {
      await db.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return path;
}

/**
 * A copy of `source`'s statements and passages: only the first statements up
 * to `maxPassages`, or the whole corpus `copies` times. Passages go in with the
 * index trigger off and the index is rebuilt and optimised after (what a bulk
 * load should do), then the trigger is restored: the schema is the real one.
 */
export async function ensureReplica(source: string, name: string, { maxPassages, copies = 1 }: { maxPassages?: number; copies?: number }, say: (line: string) => void): Promise<string> {
  const path = join(BENCH_DIR, `${name}.sqlite`);
  const key = `${name}:${maxPassages ?? 'all'}:${copies}`;
  if (await isComplete(path, key)) return path;
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  say(`Building ${path} …`);
  const started = performance.now();
  const db = await openForWriting(path);
  try {
    await db.exec(`ATTACH DATABASE '${source.replaceAll("'", "''")}' AS src`);
    const last = maxPassages === undefined
      ? (await db.get<{ id: number }>('SELECT max(id) AS id FROM src.statements'))!.id
      : (await db.get<{ id: number }>('SELECT statement_id AS id FROM src.passages ORDER BY id LIMIT 1 OFFSET ?', [maxPassages]))?.id ?? Number.MAX_SAFE_INTEGER;
    const statementStep = (await db.get<{ id: number }>('SELECT max(id) AS id FROM src.statements'))!.id;
    const passageStep = (await db.get<{ id: number }>('SELECT max(id) AS id FROM src.passages'))!.id;
    const trigger = (await db.get<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'passages_after_insert'`))!.sql;
    await db.transaction(async () => {
      await db.exec('DROP TRIGGER passages_after_insert');
      for (let copy = 0; copy < copies; copy++) {
        const tag = copy === 0 ? '' : ` (copy ${copy + 1})`;
        await db.run(
          `INSERT INTO statements (id, source, external_id, slug, title, organisation, date, language, url, text, content_hash, ingested_at)
           SELECT id + ?1, source || ?2, external_id, slug || ?3, title || ?2, organisation, date, language, url, text, content_hash, ingested_at
           FROM src.statements WHERE id < ?4`,
          [copy * statementStep, tag, copy === 0 ? '' : `-copy-${copy + 1}`, last],
        );
        await db.run(
          `INSERT INTO passages (id, statement_id, ordinal, start_offset, end_offset, text)
           SELECT id + ?1, statement_id + ?2, ordinal, start_offset, end_offset, text FROM src.passages WHERE statement_id < ?3`,
          [copy * passageStep, copy * statementStep, last],
        );
      }
      await db.exec(trigger);
    });
    await db.exec('DETACH DATABASE src');
    await db.run(`INSERT INTO passage_fts (passage_fts) VALUES ('rebuild')`);
    await db.run(`INSERT INTO passage_fts (passage_fts) VALUES ('optimize')`);
    await markComplete(db, key);
    const passages = (await db.get<{ n: number }>('SELECT count(*) AS n FROM passages'))!.n;
    say(`  ${passages.toLocaleString('en')} passages in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await db.close();
  }
  return path;
}

async function isComplete(path: string, key: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  const db = await openForWriting(path);
  try {
    return (await db.get<{ value: string }>('SELECT value FROM corpus_meta WHERE key = ?', [BUILD_KEY]))?.value === key;
  } finally {
    await db.close();
  }
}

async function markComplete(db: Database, key: string): Promise<void> {
  await db.run('INSERT INTO corpus_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [BUILD_KEY, key]);
}
