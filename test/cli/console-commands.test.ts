import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConsoleLine } from '../../src/cli/console-commands.js';

const cases: [string, ReturnType<typeof parseConsoleLine>][] = [
  ['', { name: 'empty' }],
  ['What does ICOR say about NATO?', { name: 'ask', question: 'What does ICOR say about NATO?' }],
  ['/ask What about NATO? organisation:ICOR from:2021', { name: 'ask', question: 'What about NATO?', organisation: 'ICOR', from: '2021' }],
  ['/ask Who? org:"Peace Committee (fixture)" to:2024-05-01', { name: 'ask', question: 'Who?', organisation: 'Peace Committee (fixture)', to: '2024-05-01' }],
  ['/search imperialist war page:2', { name: 'search', query: 'imperialist war', page: 2 }],
  ['/search " * NEAR( :', { name: 'search', query: '" * NEAR( :', page: 1 }],
  ['/timeline "climate change" org:"Fiji" from:1990 to:2024', { name: 'timeline', topic: '"climate change"', organisation: 'Fiji', from: '1990', to: '2024' }],
  ['/statement icor-2021 page:x', { name: 'statement', statement: 'icor-2021', page: 1 }],
  ['/signatories icor page:2', { name: 'signatories', statement: 'icor', page: 2 }],
  ['/signed "Liga Comunista" page:3', { name: 'signed', organisation: 'Liga Comunista', page: 3 }],
  ['/signed MLPD', { name: 'signed', organisation: 'MLPD', page: 1 }],
  ['/SOURCES', { name: 'sources' }],
  ['/help me', { name: 'help' }],
  ['/exit', { name: 'quit' }],
  ['/frobnicate now', { name: 'unknown', typed: '/frobnicate' }],
  ['/ask', { name: 'ask', question: '' }],
  ['/compare the Taliban org:ICOR org:"Peace Committee (fixture)" from:2021', { name: 'compare', topic: 'the Taliban', organisations: ['ICOR', 'Peace Committee (fixture)'], from: '2021' }],
  ['/compare war organisation1:Iran organisation2:Iraq organisation3:USA to:1990', { name: 'compare', topic: 'war', organisations: ['Iran', 'Iraq', 'USA'], to: '1990' }],
  ['/compare Iran and Iraq on the war', { name: 'compare', topic: 'Iran and Iraq on the war', organisations: [] }],
  ['/corpus status', { name: 'corpus', action: 'status', target: '' }],
  ['/corpus add https://example.org/x organisation:ICOR date:2021-09 title:"No to war"', { name: 'corpus', action: 'add', target: 'https://example.org/x', organisation: 'ICOR', title: 'No to war', date: '2021-09' }],
  ['/search title:Taliban', { name: 'search', query: 'title:Taliban', page: 1 }],
];

for (const [line, expected] of cases) {
  test(`GIVEN the line ${JSON.stringify(line)} THEN it is ${expected.name}`, () => {
    assert.deepEqual(parseConsoleLine(line), expected);
  });
}
