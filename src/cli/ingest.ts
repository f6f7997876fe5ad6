import { loadConfig, loadDotEnv } from '../config.js';
import { ingest } from '../corpus/ingest.js';
import { openForWriting } from '../store/migrate.js';
import { resolveDatabasePath } from './args.js';
import { parseFlags, runCli } from './cli-run.js';
import { formatSummary, readTotals } from './ingest-summary.js';
import { createProgress } from './progress.js';

const USAGE = `Usage: npm run ingest -- [--db path] [--prune] [--manifest file] [paths…]

Read statements from folders and files (.txt, .md with optional YAML front matter,
.html, .jsonl) into the corpus database. Default path: corpus/

  --db path        database file (default: $DATABASE_PATH or db/corpus.sqlite)
  --prune          remove statements whose files are no longer among the inputs
  --manifest file  CSV or JSONL with metadata for plain files (column "path",
                   relative to the folder ingested; title, organisation, date,
                   language, url, id)
  --root folder    manifest paths are relative to this folder instead of each input
  -h, --help       show this help

Exit code 0 when every input went in, 1 when any failed (each printed on
standard error), 2 for a usage error.`;

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({
    db: { type: 'string' },
    prune: { type: 'boolean', default: false },
    manifest: { type: 'string' },
    root: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  loadDotEnv();
  const databasePath = resolveDatabasePath(values.db, loadConfig());
  const inputs = positionals.length > 0 ? positionals : ['corpus/'];
  const db = await openForWriting(databasePath);
  const progress = createProgress('Ingesting');
  try {
    const summary = await ingest(db, inputs, {
      prune: values.prune,
      manifest: values.manifest,
      root: values.root,
      onProgress: (done, total, source) => progress.update(done, total, source),
    });
    progress.stop();
    for (const failure of summary.failures) process.stderr.write(`error: ${failure.source}: ${failure.message}\n`);
    process.stdout.write(`${formatSummary(summary, await readTotals(db), databasePath)}\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    progress.stop();
    await db.close();
  }
});
