/**
 * `npm run timeline -- "apartheid" [--org X] [--from YYYY] [--to …] [--json]
 * [--png out.png] [--db path]` — how often a topic comes up, per year (or per
 * month over a short span), as text or JSON, and the chart as a PNG file.
 */
import { writeFile } from 'node:fs/promises';
import { timelinePng } from '../chart/png.js';
import { loadConfig, loadDotEnv } from '../config.js';
import { describeFilters } from '../discord/render-search.js';
import { createCorpusRetriever } from '../search/corpus-retriever.js';
import { openForReading } from '../store/migrate.js';
import { resolveDatabasePath } from './args.js';
import { parseFlags, runCli, UsageError } from './cli-run.js';
import { formatTimelineForPeople, timelineJson } from './timeline-render.js';

const USAGE = 'Usage: npm run timeline -- "topic" [--org NAME] [--from YYYY[-MM[-DD]]] [--to …] [--json] [--png out.png] [--db PATH]   ("quotes" for an exact phrase)';

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({
    org: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
    png: { type: 'string' },
    db: { type: 'string' },
  });
  const topic = positionals.join(' ').trim();
  if (topic === '') throw new UsageError('Which topic? e.g. npm run timeline -- apartheid');
  loadDotEnv();
  const db = await openForReading(resolveDatabasePath(values.db, loadConfig()));
  try {
    const timeline = await createCorpusRetriever(db).timeline(topic, { organisationPrefix: values.org, from: values.from, to: values.to, understand: true });
    // The chart's title names the filters as the Discord reply's does.
    if (values.png) await writeFile(values.png, timelinePng(timeline, describeFilters({ organisation: values.org, from: values.from, to: values.to })));
    process.stdout.write(values.json ? `${JSON.stringify(timelineJson(timeline, values.png))}\n` : `${formatTimelineForPeople(timeline)}${values.png ? `Chart: ${values.png}\n` : ''}`);
    return 0;
  } finally {
    await db.close();
  }
});

