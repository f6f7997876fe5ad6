import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS_PATH, machineLine, writeBenchmarkSection } from './benchmarks-doc.js';
import { createCorpusRetriever } from '../search/corpus-retriever.js';
import { askRanking } from '../answer/ask-ranking.js';
import { UNGDC_SPEAKERS, UNGDC_TARBALL } from '../corpus/ungdc.js';
import { UserFacingError } from '../errors.js';
import { formatUngdcTable, ungdcMarkdown } from '../search/eval/ungdc-report.js';
import { runUngdcEval, type UngdcEvalResult } from '../search/eval/ungdc-run.js';
import { openForWriting } from '../store/migrate.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_UNGDC_DATASET = resolve(REPO_ROOT, '../shared/datasets/ungdc');
/** The UN corpus database the benchmarks build and reuse (bench/answerer.ts); built here too when missing. */
export const DEFAULT_UNGDC_DB = join(tmpdir(), 'ungdc-bench.sqlite');
/** The section of docs/benchmarks.md a standard run writes. */
export const UNGDC_SECTION = 'ungdc-questions';

export interface UngdcEvalOptions {
  db?: string;
  dataset?: string;
  perCategory?: number;
  seed?: number;
  say: (line: string) => void;
}

/**
 * The UN evaluation set (issue 9) against the bot's retrieval: skipped (undefined,
 * with a message) when the dataset is absent; the database is built with
 * `npm run ingest:ungdc` when missing. A standard run (default size and
 * seed) writes its section of docs/benchmarks.md.
 */
export async function evalUngdc(options: UngdcEvalOptions): Promise<UngdcEvalResult | undefined> {
  const dataset = resolve(options.dataset ?? DEFAULT_UNGDC_DATASET);
  if (!existsSync(join(dataset, UNGDC_SPEAKERS))) {
    options.say(`ungdc: skipped — the UN General Debate Corpus is not in ${dataset}`);
    return undefined;
  }
  const path = resolve(options.db ?? DEFAULT_UNGDC_DB);
  if (!existsSync(path)) buildDatabase(path, dataset, options.say);
  const db = await openForWriting(path);
  try {
    const result = await runUngdcEval(db, { rank: askRanking(createCorpusRetriever(db)), speakersCsv: readFileSync(join(dataset, UNGDC_SPEAKERS), 'utf8'), perCategory: options.perCategory, seed: options.seed }, options.say);
    options.say(`\n${formatUngdcTable(result)}`);
    if (options.perCategory === undefined && options.seed === undefined) {
      const docs = join(REPO_ROOT, BENCHMARKS_PATH);
      writeBenchmarkSection(UNGDC_SECTION, ungdcMarkdown(result, await machineLine()), docs);
      options.say(`\nWrote section "${UNGDC_SECTION}" of ${docs}`);
    }
    return result;
  } finally {
    await db.close();
  }
}

function buildDatabase(path: string, dataset: string, say: (line: string) => void): void {
  if (!existsSync(join(dataset, UNGDC_TARBALL))) throw new UserFacingError('no_dataset', `No database at ${path}, and no ${UNGDC_TARBALL} in ${dataset} to build it from.`);
  say(`ungdc: building ${path} with npm run ingest:ungdc (once; later runs reuse it) …`);
  // The ingest's output goes to stderr: stdout may be --json.
  const built = spawnSync('npm', ['run', '-s', 'ingest:ungdc', '--', '--db', path, '--dataset', dataset], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
  if (built.status !== 0 || !existsSync(path)) throw new UserFacingError('ingest_failed', `Could not build ${path}: npm run ingest:ungdc failed.`);
}
