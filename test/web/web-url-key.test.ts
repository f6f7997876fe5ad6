import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webUrlKey } from '../../src/web/web-url.js';

const KEYS: [written: string, key: string][] = [
  ['HTTP://Example.ORG/x', 'http://example.org/x'],
  ['https://example.org/x#page=2', 'https://example.org/x'],
  ['https://example.org:443/x', 'https://example.org/x'],
  ['http://example.org:80/x', 'http://example.org/x'],
  ['HTTPS://EXAMPLE.org', 'https://example.org/'],
  ['https://example.org?b=2&a=1', 'https://example.org/?b=2&a=1'],
  ['  https://example.org/x  ', 'https://example.org/x'],
  ['https://example.org/x#', 'https://example.org/x'],
  ['https://example.org:8443/x', 'https://example.org:8443/x'],
  ['http://example.org:443/x', 'http://example.org:443/x'],
  ['https://bücher.de/Erklärung', 'https://xn--bcher-kva.de/Erkl%C3%A4rung'],
  ['https://example.org/Statements/A?id=7&Lang=EN', 'https://example.org/Statements/A?id=7&Lang=EN'],
  ['https://example.org/x/?q=a%20b', 'https://example.org/x/?q=a%20b'],
];

for (const [written, key] of KEYS) {
  test(`GIVEN the address ${JSON.stringify(written)} THEN its key is ${key}`, () => {
    assert.equal(webUrlKey(written), key);
  });
}

test('GIVEN a key THEN its key is itself', () => {
  for (const [, key] of KEYS) assert.equal(webUrlKey(key), key);
});

test('GIVEN text that is no http(s) address THEN it comes back trimmed, for the fetcher to refuse with its reason', () => {
  assert.equal(webUrlKey(' not a url '), 'not a url');
  assert.equal(webUrlKey('ftp://Example.ORG/x#y'), 'ftp://Example.ORG/x#y');
});
