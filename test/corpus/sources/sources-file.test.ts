import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseInterval, parseSourcesFile } from '../../../src/corpus/sources/sources-file.js';
import { UserFacingError } from '../../../src/errors.js';

test('GIVEN a sources file with defaults THEN each source gets them unless it says otherwise', () => {
  const yaml = `defaults:
  interval: 1d
  language: en
sources:
  - url: https://icor.example/feed.xml
    kind: feed
    organisation: ICOR
    interval: 6h
  - url: https://cipoml.example/sitemap.xml
    kind: sitemap
  - url: https://jakna.example/ukraine
    kind: page
    title: Message to the Ukrainian People
    organisation: New Communism Movement of Afghanistan (JAKNA)
`;
  assert.deepEqual(parseSourcesFile(yaml, 'sources.yaml'), [
    { url: 'https://icor.example/feed.xml', kind: 'feed', intervalSeconds: 6 * 3600, given: { organisation: 'ICOR', language: 'en' } },
    { url: 'https://cipoml.example/sitemap.xml', kind: 'sitemap', intervalSeconds: 86_400, given: { language: 'en' } },
    { url: 'https://jakna.example/ukraine', kind: 'page', intervalSeconds: 86_400, given: { organisation: 'New Communism Movement of Afghanistan (JAKNA)', language: 'en', title: 'Message to the Ukrainian People' } },
  ]);
});

function problems(yaml: string): string {
  try {
    parseSourcesFile(yaml, 'sources.yaml');
  } catch (error) {
    assert.ok(error instanceof UserFacingError, String(error));
    return error.message;
  }
  assert.fail('no error');
}

test('GIVEN mistakes in a sources file THEN every one is named with its line and field', () => {
  const message = problems(`sources:
  - url: https://icor.example/feed.xml
    kind: feed
  - url: ftp://icor.example/files
    kind: blog
    organization: ICOR
    interval: 30s
`);
  assert.equal(
    message,
    [
      'sources.yaml has problems:',
      '- line 4, sources[1].url: must be an http:// or https:// address',
      '- line 5, sources[1].kind: must be page, feed or sitemap',
      '- line 7, sources[1].interval: must be a number and a unit, m, h, d or w ("6h", "1d"), of at least 5 minutes',
      '- line 6, sources[1]: unknown field "organization"',
    ].join('\n'),
  );
});

test('GIVEN a sources file that is not YAML, or lists nothing THEN the message says so', () => {
  assert.match(problems('sources:\n  - url: [https://icor.example\n'), /^sources\.yaml is not valid YAML:\n- line \d+: /);
  assert.equal(problems('sources: []\n'), 'sources.yaml has a problem:\n- line 1, sources: lists no sources');
  assert.match(problems('- https://icor.example/feed.xml\n'), /sources\.yaml has a problem:\n- .*the file: /);
});

test('GIVEN intervals THEN they read as seconds, and nonsense as nothing', () => {
  assert.deepEqual(['90m', '6h', '1d', '2w', '6 h', 'daily', '1.5h'].map(parseInterval), [5400, 21_600, 86_400, 1_209_600, 21_600, undefined, undefined]);
});

test('GIVEN a title on a feed THEN the file is refused: a feed\'s pages have their own titles', () => {
  assert.equal(
    problems('sources:\n  - url: https://icor.example/feed.xml\n    kind: feed\n    title: ICOR resolutions\n'),
    'sources.yaml has a problem:\n- line 4, sources[0].title: a title is only for a single page (kind: page)',
  );
});

test('GIVEN sources.example.yaml as shipped THEN it reads without a problem', async () => {
  const { readSourcesFile } = await import('../../../src/corpus/sources/sources-file.js');
  const sources = await readSourcesFile(new URL('../../../sources.example.yaml', import.meta.url).pathname);
  assert.deepEqual(sources.map((source) => source.kind), ['feed', 'sitemap', 'page']);
});

test('GIVEN a source address with a user name and password THEN the file is refused at its line, not fetched and refused at every refresh', () => {
  assert.equal(
    problems('sources:\n  - url: https://editor:hunter2@icor.example/feed.xml\n    kind: feed\n'),
    "sources.yaml has a problem:\n- line 2, sources[0].url: must not hold a user name or password (the bot doesn't send them)",
  );
});

test('GIVEN an empty sources file, a bare list of addresses, or sources written as plain addresses THEN the message says what the file must look like, not what zod expected', () => {
  assert.equal(problems(''), 'sources.yaml has a problem:\n- the file: must have a sources: list (see sources.example.yaml)');
  assert.equal(problems('sources: https://icor.example/feed.xml\n'), 'sources.yaml has a problem:\n- line 1, sources: must be a list, each source with its url: and kind: (see sources.example.yaml)');
  assert.equal(
    problems('sources:\n  - https://icor.example/feed.xml\n'),
    'sources.yaml has a problem:\n- line 2, sources[0]: must be a source with its url: and kind: on lines of their own ("- url: https://…", then "  kind: feed")',
  );
});

test('GIVEN --sources naming a file that is not there, or a folder THEN the message says so in words, not ENOENT', async () => {
  const { readSourcesFile } = await import('../../../src/corpus/sources/sources-file.js');
  const missing = new URL('../../../no-such-sources.yaml', import.meta.url).pathname;
  await assert.rejects(readSourcesFile(missing), (error: unknown) => error instanceof UserFacingError && error.message === `Can't read the sources file ${missing}: there is no such file (copy sources.example.yaml to start one)`);
  const folder = new URL('../../../test/', import.meta.url).pathname;
  await assert.rejects(readSourcesFile(folder), (error: unknown) => error instanceof UserFacingError && error.message === `Can't read the sources file ${folder}: it's a folder`);
});

test('GIVEN a sources file naming one address in two spellings THEN it is one source, under its key', () => {
  const yaml = `sources:
  - url: HTTPS://ICOR.Example:443/feed.xml#latest
    kind: feed
  - url: https://icor.example/feed.xml
    kind: feed
  - url: https://icor.example/feed.xml?lang=en&page=1
    kind: feed
`;
  assert.deepEqual(
    parseSourcesFile(yaml, 'sources.yaml').map(({ url }) => url),
    ['https://icor.example/feed.xml', 'https://icor.example/feed.xml?lang=en&page=1'],
  );
});
