import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { refreshFollowedSources } from '../../src/corpus/admin/background-refresh.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import type { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';
import { startLocalWebSite, type TestWebFetcher } from '../doubles/web-fetcher.js';
import type { WebServer } from '../doubles/web-server.js';
import { buildWebPages } from '../fixtures/web-pages.js';

let site: WebServer;
let web: TestWebFetcher;
let closeSite: () => Promise<void>;
let folder: string;
before(async () => {
  ({ web, site, close: closeSite } = await startLocalWebSite());
  folder = mkdtempSync(join(tmpdir(), 'background-refresh-'));
});
after(async () => {
  await closeSite();
});

test('GIVEN no sources file and nothing followed THEN a background refresh does nothing and is no error', async () => {
  const db = await openForWriting(':memory:');
  assert.deepEqual(await refreshFollowedSources(db, web.fetcher, { sourcesPath: join(folder, 'absent.yaml') }), { sources: 0, added: 0, changed: 0, unchanged: 0, failed: 0, notDue: 0 });
  await db.close();
});

test('GIVEN a refresh waiting on a slow page THEN the bot\'s reading connection answers meanwhile, and sees the new statement once the refresh has written it', async () => {
  const path = join(folder, 'corpus.sqlite');
  const writer = await openForWriting(path);
  const reader = await openForWriting(path);
  const retriever = createCorpusRetriever(reader);
  const page = buildWebPages(site.origin).find((p) => p.expected.fields.organisation === 'page')!;
  let release!: () => void;
  const asked = new Promise<void>((resolve) => {
    site.route(page.path, (_request, response) => {
      resolve();
      release = () => response.writeHead(200, { 'content-type': page.contentType }).end(page.body);
    });
  });
  const sources = join(folder, 'sources.yaml');
  writeFileSync(sources, `sources:\n  - url: ${page.url}\n    kind: page\n    interval: 1h\n`);

  const refresh = refreshFollowedSources(writer, web.fetcher, { sourcesPath: sources });
  await asked;
  const during = await retriever.search(page.paragraphs[0]!.split(/\s+/).slice(0, 8).join(' '));
  assert.equal(during.hits.length, 0, 'answered while the refresh waits, from the corpus as it was');
  release();
  assert.deepEqual(await refresh, { sources: 1, added: 1, changed: 0, unchanged: 0, failed: 0, notDue: 0 });
  const afterwards = await retriever.search(page.paragraphs[0]!.split(/\s+/).slice(0, 8).join(' '));
  assert.equal(afterwards.hits[0]?.statement.title, page.expected.title);
  await reader.close();
  await writer.close();
});
