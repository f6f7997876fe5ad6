import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createCorpusAdmin } from '../../src/corpus/admin/create-corpus-admin.js';
import { openForWriting } from '../../src/store/migrate.js';
import { CONSOLE_ACTOR } from '../../src/store/corpus-changes.js';
import { startLocalWebSite, type TestWebFetcher } from '../doubles/web-fetcher.js';
import type { WebServer } from '../doubles/web-server.js';
import { bundledStatement } from '../fixtures/web-pages.js';

let site: WebServer;
let web: TestWebFetcher;
let closeSite: () => Promise<void>;
before(async () => {
  ({ web, site, close: closeSite } = await startLocalWebSite());
});
after(async () => {
  await closeSite();
});

test('GIVEN an attachment on a file server whose robots.txt disallows every bot (as a chat CDN may) THEN /corpus add takes it all the same: a person handed it over, nothing was crawled', async () => {
  site.route('/robots.txt', { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nDisallow: /\n' });
  const { title, paragraphs } = bundledStatement('icor');
  const text = `---\ntitle: ${JSON.stringify(title)}\norganisation: ICOR\ndate: 2021-09-10\n---\n${paragraphs.join('\n\n')}\n`;
  site.route('/attachments/1/2/icor-resolution.md', { headers: { 'content-type': 'text/markdown; charset=utf-8' }, body: text });
  const db = await openForWriting(':memory:');
  const admin = createCorpusAdmin({ db, config: { CORPUS_MAX_UPLOAD_MB: 10 }, fetcher: web.fetcher });
  const [added] = await admin.addUpload({ filename: 'icor-resolution.md', url: site.url('/attachments/1/2/icor-resolution.md'), size: Buffer.byteLength(text), contentType: 'text/markdown' }, {}, CONSOLE_ACTOR);
  assert.deepEqual([added?.status, added?.title, added?.organisation], ['added', title, 'ICOR']);
  assert.deepEqual(site.requestsTo('/robots.txt'), []);
  await db.close();
});
