/**
 * The timelines the issue names, on the whole UN General Debate corpus
 * (1946–2024) as `npm run ingest:ungdc` builds it for the benchmarks. Skipped
 * with a message when that database is absent. Shapes, not timings: timings
 * are bench/timeline.ts's.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import type { Timeline } from '../../src/search/retriever.js';
import { Database } from '../../src/store/database.js';

const UNGDC_DB = join(tmpdir(), 'ungdc-bench.sqlite');
const skip = existsSync(UNGDC_DB) ? false : `no UN corpus database at ${UNGDC_DB} (build it with npm run ingest:ungdc -- --db ${UNGDC_DB})`;

let db: Database;
before(async () => {
  // Opened as it is, not through openForReading: a newer migration elsewhere must not stop a test that needs only statement_fts (0005).
  if (!skip) db = await Database.open(UNGDC_DB, { readonly: true });
});
after(async () => db?.close());

const share = (timeline: Timeline, from: number, to: number) => {
  const periods = timeline.periods.filter((period) => Number(period.period) >= from && Number(period.period) <= to);
  return periods.reduce((sum, period) => sum + period.matching, 0) / periods.reduce((sum, period) => sum + period.statements, 0);
};

test('GIVEN "apartheid" on the UN corpus THEN it rises in the 1960s, peaks in the 1970s–80s and is near zero after 1995', { skip }, async () => {
  const timeline = await createCorpusRetriever(db).timeline('apartheid');
  assert.equal(timeline.granularity, 'year');
  assert.equal(timeline.periods[0]!.period, '1946');
  assert.equal(timeline.periods.at(-1)!.period, '2024');
  const peak = timeline.periods.reduce((best, period) => (period.matching > best.matching ? period : best));
  assert.ok(Number(peak.period) >= 1970 && Number(peak.period) <= 1994, `peak in ${peak.period}`);
  assert.ok(share(timeline, 1975, 1990) > 0.6, 'most speeches of 1975–1990 name it');
  assert.ok(share(timeline, 1946, 1950) === 0, 'not before the word was in use at the UN');
  assert.ok(share(timeline, 1997, 2024) < 0.05, 'near zero after the end of apartheid');
  assert.ok(timeline.quotes.length >= 2);
  for (const quote of timeline.quotes) assert.match(quote.sentence, /apartheid/i);
});

test('GIVEN "climate change" and "terrorism" on the UN corpus THEN real curves: climate change from the late 1980s, terrorism up after 2001', { skip }, async () => {
  const retriever = createCorpusRetriever(db);
  const climate = await retriever.timeline('climate change');
  assert.ok(share(climate, 1946, 1985) < 0.02);
  assert.ok(share(climate, 2007, 2024) > 0.6);
  const terrorism = await retriever.timeline('terrorism');
  assert.ok(share(terrorism, 2001, 2005) > 3 * share(terrorism, 1950, 1969));
});

test('GIVEN an organisation on the UN corpus THEN its own curve: India on apartheid, only India\'s speeches', { skip }, async () => {
  const timeline = await createCorpusRetriever(db).timeline('apartheid', { organisations: ['India'] });
  assert.ok(timeline.periods.every((period) => period.statements <= 1), 'one speech a year at most');
  assert.ok(timeline.matching > 10);
  assert.ok(timeline.quotes.every((quote) => quote.statement.organisation === 'India'));
});
