import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { runConsole } from '../../src/cli/console.js';
import { loadConfig } from '../../src/config.js';
import { createCorpusAdmin } from '../../src/corpus/admin/create-corpus-admin.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import { recentCorpusChanges } from '../../src/store/corpus-changes.js';
import { startLocalWebSite, type TestWebFetcher } from '../doubles/web-fetcher.js';
import type { WebServer } from '../doubles/web-server.js';
import { buildWebPages } from '../fixtures/web-pages.js';
import { seedDatabase } from '../search/seed-db.js';

let site: WebServer;
let web: TestWebFetcher;
let closeSite: () => Promise<void>;
before(async () => {
  ({ web, site, close: closeSite } = await startLocalWebSite());
});
after(async () => {
  await closeSite();
});

test('GIVEN the terminal session THEN its operator adds a page by URL, sees the status with the change, and removes it — recorded as the terminal session', async () => {
  const page = buildWebPages(site.origin).find((p) => p.expected.fields.organisation === 'page')!;
  site.route(page.path, { headers: { 'content-type': page.contentType }, body: page.body });
  const { db } = await seedDatabase();
  const config = loadConfig({});
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += String(chunk)));
  const session = runConsole({ db, retriever: createCorpusRetriever(db), config, log: pino({ level: 'silent' }), input, output, interactive: false, example: false, corpusAdmin: createCorpusAdmin({ db, config, fetcher: web.fetcher }) });
  input.end([`/corpus add ${page.url} date:2021-09`, '/corpus status', '/corpus add statement.txt', '/corpus frobnicate'].join('\n'));
  await session;

  assert.match(printed, new RegExp(`Added: .+ \\(#(\\d+), [\\w-]+\\)\\n  organisation: ${page.expected.organisation!.replace(/[.()]/g, '\\$&')} \\(page\\)\\n  date: 2021-09 \\(admin\\)\\n  language: en \\((page|inferred)\\)`));
  assert.match(printed, /6 statements, \d+ passages \(corpus version \d+\)\. Last ingest: \d{4}-/);
  assert.match(printed, /Recent changes: \n  \d{4}-\d\d-\d\dT[\d:.]+Z terminal session added “.+” \(#\d+\) from http:\/\/127\.0\.0\.1/);
  assert.match(printed, /\/corpus add takes a web address \(https:\/\/…\); files from disk go in with npm run ingest -- <path>/);
  assert.match(printed, /Use \/corpus status, \/corpus add <https:\/\/…>/);

  const id = /Added: .+ \(#(\d+),/.exec(printed)![1]!;
  const removeInput = new PassThrough();
  const second = runConsole({ db, retriever: createCorpusRetriever(db), config, log: pino({ level: 'silent' }), input: removeInput, output, interactive: false, example: false, corpusAdmin: createCorpusAdmin({ db, config, fetcher: web.fetcher }) });
  removeInput.end(`/corpus remove ${id}`);
  await second;
  const [change] = await recentCorpusChanges(db, 1);
  assert.deepEqual([change?.action, change?.actor.id], ['remove', 'console']);
  assert.match(printed, new RegExp(`Removed “.+” \\(#${id}, `));
  await db.close();
});

test('GIVEN /corpus add with an unquoted title of several words THEN the session says to quote it and fetches nothing, instead of asking for the address with the words glued on', async () => {
  const { db } = await seedDatabase();
  const config = loadConfig({});
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += String(chunk)));
  const before = site.requests.length;
  const session = runConsole({ db, retriever: createCorpusRetriever(db), config, log: pino({ level: 'silent' }), input, output, interactive: false, example: false, corpusAdmin: createCorpusAdmin({ db, config, fetcher: web.fetcher }) });
  input.end(`/corpus add ${site.origin}/resolutions/no-to-intervention organisation:ICOR title:No to intervention`);
  await session;

  assert.match(printed, /\/corpus add takes one web address, then options; quote a value with spaces: title:"No to war"\. Not an address: http:\/\/127\.0\.0\.1:\d+\/resolutions\/no-to-intervention to intervention/);
  assert.equal(site.requests.length, before);
  await db.close();
});
