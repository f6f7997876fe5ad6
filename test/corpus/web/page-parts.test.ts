/** The parts of web extraction one by one: charsets, dates in URLs, what a page's markup says about it, metadata given over it. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { charsetOfContentType, decodePage } from '../../../src/corpus/web/decode-page.js';
import type { ExtractedStatement } from '../../../src/corpus/web/extract.js';
import { withGivenFields } from '../../../src/corpus/web/given-fields.js';
import { organisationCandidates } from '../../../src/corpus/web/organisation.js';
import { readPageMetadata, type PageDocument } from '../../../src/corpus/web/page-metadata.js';
import { dateFromUrl } from '../../../src/corpus/web/url-date.js';
import { encodeWindows1252 } from '../../fixtures/web-pages-encode.js';

const JAKNA_LINE = 'We strongly condemn the Russian imperialist army’s invasion of your country.';
/** "Нет войне!" — "No to war!" — in windows-1251 and KOI8-R. */
const NO_TO_WAR_1251 = Buffer.from([0xcd, 0xe5, 0xf2, 0x20, 0xe2, 0xee, 0xe9, 0xed, 0xe5, 0x21]);
const NO_TO_WAR_KOI8 = Buffer.from([0xee, 0xc5, 0xd4, 0x20, 0xd7, 0xcf, 0xca, 0xce, 0xc5, 0x21]);

describe('decodePage', () => {
  const cases: { name: string; body: Buffer; contentType: string; charset?: string; text: string; read: string }[] = [
    { name: 'UTF-8 declared in the header', body: Buffer.from(JAKNA_LINE), contentType: 'text/html; charset=UTF-8', text: JAKNA_LINE, read: 'utf-8' },
    { name: 'windows-1252 declared in the header', body: encodeWindows1252(JAKNA_LINE), contentType: 'text/html; charset=windows-1252', text: JAKNA_LINE, read: 'windows-1252' },
    { name: 'iso-8859-1 in the header (the web reads it as windows-1252)', body: encodeWindows1252(JAKNA_LINE), contentType: 'text/html; charset="iso-8859-1"', text: JAKNA_LINE, read: 'windows-1252' },
    { name: 'windows-1251 given by the fetcher', body: NO_TO_WAR_1251, contentType: 'text/html', charset: 'windows-1251', text: 'Нет войне!', read: 'windows-1251' },
    { name: 'KOI8-R in a <meta http-equiv>', body: Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>'), NO_TO_WAR_KOI8]), contentType: 'text/html', text: '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Нет войне!', read: 'koi8-r' },
    { name: 'windows-1251 in a <meta charset>', body: Buffer.concat([Buffer.from('<meta charset=windows-1251><p>'), NO_TO_WAR_1251]), contentType: 'text/html', text: '<meta charset=windows-1251><p>Нет войне!', read: 'windows-1251' },
    { name: 'a UTF-8 byte-order mark against a wrong header', body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JAKNA_LINE)]), contentType: 'text/html; charset=windows-1252', text: JAKNA_LINE, read: 'utf-8' },
    { name: 'nothing declared, valid UTF-8', body: Buffer.from('Нет войне!'), contentType: 'text/html', text: 'Нет войне!', read: 'utf-8' },
    { name: 'nothing declared, not UTF-8 (windows-1252 assumed)', body: encodeWindows1252(JAKNA_LINE), contentType: 'text/html', text: JAKNA_LINE, read: 'windows-1252' },
    { name: 'an unknown label in the header (passed over)', body: Buffer.from(JAKNA_LINE), contentType: 'text/html; charset=x-no-such-charset', text: JAKNA_LINE, read: 'utf-8' },
  ];
  for (const { name, body, contentType, charset, text, read } of cases) {
    test(`GIVEN ${name} THEN the text is read as ${read}`, () => {
      assert.deepEqual(decodePage(body, contentType, charset), { text, charset: read });
    });
  }

  test('GIVEN Content-Type headers THEN their charset parameter is read however it is written', () => {
    assert.equal(charsetOfContentType('text/html; charset=windows-1251'), 'windows-1251');
    assert.equal(charsetOfContentType('text/html;Charset="UTF-8"'), 'UTF-8');
    assert.equal(charsetOfContentType('text/html'), undefined);
  });
});

describe('dateFromUrl', () => {
  const cases: [string, string | undefined][] = [
    ['https://news.example/2021/07/12/help-us-in-our-struggle/', '2021-07-12'],
    ['https://news.example/2021/07/help-us-in-our-struggle/', '2021-07'],
    ['https://news.example/statements/2021-09-10-icor-resolution-afghanistan', '2021-09-10'],
    ['https://party.example/files/statement_20220314.pdf', '2022-03-14'],
    ['https://news.example/2021/no-to-intervention', undefined], // a year alone is as often a category
    ['https://news.example/2021/13/40/not-a-date', undefined],
    ['https://news.example/article/1234567890', undefined],
    ['https://news.example/help?date=2021-07-12', undefined], // the query is not where sites date a page
  ];
  for (const [url, date] of cases) test(`GIVEN ${url} THEN the date is ${date ?? 'none'}`, () => assert.equal(dateFromUrl(url), date));
});

function metadataOf(head: string, { body = '', lang, url = 'https://party.example/statement' }: { body?: string; lang?: string; url?: string } = {}): ReturnType<typeof readPageMetadata> {
  const html = `<!DOCTYPE html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body>${body}</body></html>`;
  return readPageMetadata(parseHTML(html).document as PageDocument, url);
}

describe('readPageMetadata', () => {
  test('GIVEN JSON-LD inside an @graph THEN its headline, date, author organisation and publisher are read', () => {
    const graph = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Site' }, { '@type': ['Article'], headline: ' Appeal  against war ', datePublished: '2022-02-20T23:10:00+03:00', author: [{ '@type': 'Person', name: 'A. Editor' }, { '@type': 'Organization', name: 'Comrades against war' }], publisher: { '@type': 'Organization', name: 'Iskra' } }] };
    const metadata = metadataOf(`<script type="application/ld+json">${JSON.stringify(graph)}</script>`);
    assert.deepEqual(metadata, { title: 'Appeal against war', date: '2022-02-20', author: 'Comrades against war', publisher: 'Iskra', language: undefined, canonical: undefined });
  });

  test('GIVEN broken JSON-LD and Open Graph tags THEN the meta tags are read', () => {
    const metadata = metadataOf('<script type="application/ld+json">{"@type": "Article",</script><meta property="og:title" content="Resolution"><meta property="og:site_name" content="ICOR"><meta property="article:published_time" content="2021-09-10T08:00:00Z">');
    assert.equal(metadata.title, 'Resolution');
    assert.equal(metadata.publisher, 'ICOR');
    assert.equal(metadata.date, '2021-09-10');
  });

  test('GIVEN an og:title ending in the site\'s name THEN the name is taken off; GIVEN one merely containing it THEN it stays', () => {
    assert.equal(metadataOf('<meta property="og:title" content="No to intervention! | ICOR"><meta property="og:site_name" content="ICOR">').title, 'No to intervention!');
    assert.equal(metadataOf('<meta property="og:title" content="ICOR – Resolution on Afghanistan"><meta property="og:site_name" content="ICOR">').title, 'Resolution on Afghanistan');
    assert.equal(metadataOf('<meta property="og:title" content="The ICOR supports the Afghan people"><meta property="og:site_name" content="ICOR">').title, 'The ICOR supports the Afghan people');
  });

  test('GIVEN a citation_publication_date in slashes THEN it is no date (never guessed)', () => {
    assert.equal(metadataOf('<meta name="citation_publication_date" content="10/09/2021">').date, undefined);
  });

  test('GIVEN a <time> in the article and another in a comment before it THEN the article\'s date is taken', () => {
    const body = '<aside><time datetime="2024-01-01">comment</time></aside><article><header><time datetime="2021-08-20T09:00:00+02:00">20 August</time></header><p>Text</p></article>';
    assert.equal(metadataOf('', { body }).date, '2021-08-20');
  });

  test('GIVEN <html lang="pt-BR"> THEN the language is pt; GIVEN lang="x-klingon" THEN none', () => {
    assert.equal(metadataOf('', { lang: 'pt-BR' }).language, 'pt');
    assert.equal(metadataOf('', { lang: 'x-klingon' }).language, undefined);
  });

  test('GIVEN a relative canonical link on the same site THEN it is made absolute; GIVEN another site THEN it is ignored', () => {
    assert.equal(metadataOf('<link rel="canonical" href="/statement#top">', { url: 'https://www.party.example/statement?utm_source=x' }).canonical, 'https://www.party.example/statement');
    assert.equal(metadataOf('<link rel="canonical" href="https://party.example/statement">', { url: 'https://www.party.example/statement?p=1' }).canonical, 'https://party.example/statement');
    assert.equal(metadataOf('<link rel="canonical" href="https://aggregator.example/copy">').canonical, undefined);
  });
});

describe('withGivenFields', () => {
  const extracted: ExtractedStatement = {
    url: 'https://party.example/statement',
    fetchedUrl: 'https://party.example/statement?ref=feed',
    title: 'Resolution | ICOR',
    date: '2021-09',
    organisation: 'ICOR',
    language: 'en',
    text: 'The ICOR supports the Afghan people.',
    fields: { url: 'page', title: 'page', date: 'inferred', organisation: 'page', language: 'inferred' },
    format: 'html',
  };

  test('GIVEN an admin\'s organisation and a sources file\'s date THEN they replace the page\'s and say who gave them; the rest stays the page\'s', () => {
    const fromFile = withGivenFields(extracted, { date: '2021-09-10' }, 'sources-file');
    const fromAdmin = withGivenFields(fromFile, { organisation: 'International Coordination of Revolutionary Parties and Organizations', title: '  ' }, 'admin');
    assert.equal(fromAdmin.date, '2021-09-10');
    assert.equal(fromAdmin.organisation, 'International Coordination of Revolutionary Parties and Organizations');
    assert.equal(fromAdmin.title, 'Resolution | ICOR');
    assert.deepEqual(fromAdmin.fields, { url: 'page', title: 'page', date: 'sources-file', organisation: 'admin', language: 'inferred' });
    assert.equal(extracted.fields.date, 'inferred', 'the statement given is not changed');
  });
});

describe('organisationCandidates', () => {
  const cases: { name: string; page: { author?: string; publisher?: string }; signer?: string; first: [string | undefined, string] }[] = [
    { name: 'an author organisation on the page', page: { author: 'JAKNA', publisher: 'revcom.example' }, signer: 'New Communism Movement of Afghanistan (JAKNA)', first: ['JAKNA', 'page'] },
    { name: 'a publisher whose name holds the signer\'s', page: { publisher: 'ICOR (International Coordination of Revolutionary Parties and Organizations)' }, signer: 'ICOR', first: ['ICOR (International Coordination of Revolutionary Parties and Organizations)', 'page'] },
    { name: 'a publisher spelled with a hyphen and an acronym where the signature has a dash', page: { publisher: 'International Conference of Marxist-Leninist Parties and Organizations (CIPOML), Coordination Committee' }, signer: 'International Conference of Marxist–Leninist Parties and Organizations, Coordination Committee', first: ['International Conference of Marxist-Leninist Parties and Organizations (CIPOML), Coordination Committee', 'page'] },
    { name: 'a publisher whose acronym is not made of the signer\'s words (KKE, from the Greek) — taken for another organisation', page: { publisher: 'KKE' }, signer: 'Communist Party of Greece (Kommounistiko Komma Elladas)', first: ['Communist Party of Greece (Kommounistiko Komma Elladas)', 'inferred'] },
    { name: 'a signer who is the publisher\'s initials', page: { publisher: 'Marxist-Leninist Party of Germany' }, signer: 'MLPG', first: ['Marxist-Leninist Party of Germany', 'page'] },
    { name: 'a republishing site and another signer', page: { publisher: 'revcom.example' }, signer: 'New Communism Movement of Afghanistan (JAKNA)', first: ['New Communism Movement of Afghanistan (JAKNA)', 'inferred'] },
    { name: 'a site name and no signer', page: { publisher: 'Afghan anarchists' }, first: ['Afghan anarchists', 'page'] },
  ];
  for (const { name, page, signer, first } of cases) {
    test(`GIVEN ${name} THEN ${first[0]} (${first[1]}) comes first`, () => {
      assert.deepEqual(organisationCandidates(page, signer).find(([value]) => value), first);
    });
  }
});
