import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../../src/corpus/document.js';
import { parseFeed } from '../../../src/corpus/sources/feed.js';
import { parseSitemap } from '../../../src/corpus/sources/sitemap.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>ICOR — Resolutions</title>
    <link>https://icor.example/</link>
    <item>
      <title>No to any imperialist or expansionist intervention in Afghanistan!</title>
      <link>/en/resolutions/afghanistan-2021</link>
      <pubDate>Fri, 10 Sep 2021 09:00:00 GMT</pubDate>
    </item>
    <item>
      <title><![CDATA[Message from <em>JAKNA</em> to the Ukrainian People&#8217;s resistance]]></title>
      <guid>https://jakna.example/ukraine</guid>
      <dc:date>2022-03-14</dc:date>
    </item>
    <item><title>A podcast without a page</title><guid isPermaLink="false">tag:icor,2021:1</guid></item>
    <item><title>Appeal against war (only as a PDF)</title><enclosure url="/files/appeal-against-war.pdf" type="application/pdf" length="48213"/></item>
    <item><title>Mail us</title><link>mailto:office@icor.example</link></item>
    <item><title>Again</title><link>https://icor.example/en/resolutions/afghanistan-2021#comments</link></item>
  </channel>
</rss>`;

test('GIVEN an RSS 2.0 feed THEN each item with a web link or attachment is an entry with its title and date, links made absolute; the others are counted', () => {
  assert.deepEqual(parseFeed(RSS, 'https://icor.example/feed.xml'), {
    entries: [
      { url: 'https://icor.example/en/resolutions/afghanistan-2021', title: 'No to any imperialist or expansionist intervention in Afghanistan!', date: '2021-09-10' },
      { url: 'https://jakna.example/ukraine', title: 'Message from JAKNA to the Ukrainian People’s resistance', date: '2022-03-14' },
      { url: 'https://icor.example/files/appeal-against-war.pdf', title: 'Appeal against war (only as a PDF)' },
    ],
    leftOut: 2,
  });
});

test('GIVEN an Atom feed THEN the alternate link is the entry, not its enclosure, and published wins over updated', () => {
  const atom = `<?xml version="1.0"?>
  <feed xmlns="http://www.w3.org/2005/Atom">
    <title>Appeals</title>
    <entry>
      <title type="html">Appeal against war &lt;b&gt;now&lt;/b&gt;</title>
      <link rel="enclosure" href="/files/appeal.pdf"/>
      <link rel="alternate" href="https://appeals.example/against-war"/>
      <published>2022-02-27T10:00:00+01:00</published>
      <updated>2022-03-01T10:00:00Z</updated>
    </entry>
    <entry><title>Only a link</title><link href="statements/2"/><updated>2021-08-20T00:00:00Z</updated></entry>
  </feed>`;
  assert.deepEqual(parseFeed(atom, 'https://appeals.example/atom.xml').entries, [
    { url: 'https://appeals.example/against-war', title: 'Appeal against war now', date: '2022-02-27' },
    { url: 'https://appeals.example/statements/2', title: 'Only a link', date: '2021-08-20' },
  ]);
});

test('GIVEN a sitemap and a sitemap index THEN their locations are read, with their lastmod times', () => {
  const urlset = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>https://cipoml.example/drama-in-afghanistan</loc><lastmod>2021-08-25T12:00:00+00:00</lastmod></url>
    <url><loc>https://cipoml.example/about</loc></url>
    <url><loc>https://cipoml.example/about</loc></url>
  </urlset>`;
  assert.deepEqual(parseSitemap(urlset, 'https://cipoml.example/sitemap.xml'), {
    kind: 'urlset',
    pages: [{ url: 'https://cipoml.example/drama-in-afghanistan', lastModified: '2021-08-25T12:00:00.000Z' }, { url: 'https://cipoml.example/about' }],
  });
  const index = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap-2021.xml</loc></sitemap><sitemap><loc>/sitemap-2022.xml</loc></sitemap></sitemapindex>`;
  assert.deepEqual(parseSitemap(index, 'https://cipoml.example/sitemap.xml'), { kind: 'index', sitemaps: ['https://cipoml.example/sitemap-2021.xml', 'https://cipoml.example/sitemap-2022.xml'] });
});

const refusals: { name: string; text: string; read: (text: string) => unknown; error: RegExp }[] = [
  { name: 'an HTML page given as a feed', text: '<html><body><p>No to war!</p></body></html>', read: (t) => parseFeed(t, 'https://x.example/feed'), error: /not an RSS or Atom feed \(its root element is <html>\)/ },
  { name: 'a feed given as a sitemap', text: RSS, read: (t) => parseSitemap(t, 'https://x.example/sitemap.xml'), error: /not a sitemap \(its root element is <rss>/ },
  { name: 'a truncated feed', text: '<rss><channel><item><title>No to war', read: (t) => parseFeed(t, 'https://x.example/feed'), error: /not well-formed XML/ },
];
for (const { name, text, read, error } of refusals) {
  test(`GIVEN ${name} THEN a one-line input error says what it is`, () => {
    assert.throws(() => read(text), (thrown: unknown) => thrown instanceof InputError && error.test(thrown.message) && !thrown.message.includes('\n'));
  });
}

test('GIVEN a feed with an entity bomb THEN its entities are not expanded', () => {
  const lol = Array.from({ length: 5 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`).join('');
  const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol1 "lol">${lol}]><rss><channel><item><title>&lol6;</title><link>https://x.example/a</link></item></channel></rss>`;
  const [entry] = parseFeed(bomb, 'https://x.example/feed').entries;
  assert.ok((entry?.title ?? '').length < 100, `title of ${(entry?.title ?? '').length} characters`);
});
