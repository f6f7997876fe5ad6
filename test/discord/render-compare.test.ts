/** /compare's reply as Discord messages: an embed per organisation, within every limit, nothing cut inside an [n], nothing live from the corpus. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ComparisonResult, ComparisonSection } from '../../src/answer/compare/types.js';
import type { CitedSource } from '../../src/answer/types.js';
import { findMarkers } from '../../src/answer/citations.js';
import { MAX_EMBED_CHARS_PER_MESSAGE, MAX_EMBEDS_PER_MESSAGE } from '../../src/discord/limits.js';
import { embedLength, type MessagePayload } from '../../src/discord/payload.js';
import { CLOSING_TITLE, renderComparison } from '../../src/discord/render-compare.js';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../src/search/highlight.js';
import { messageBodyProblems } from '../doubles/discord/validate.js';
import { assertNothingLiveBut, shownText } from './shown-safely.js';

const SENTENCE = 'The delegation calls for general and complete disarmament under effective international control, and for an end to nuclear testing';

function source(n: number, organisation: string): CitedSource {
  return { n, statementId: n, slug: `s-${n}`, title: `Statement ${n} by ${organisation}`, organisation, date: '1985', url: null, passages: [{ passageId: 100 + n, text: `${SENTENCE}.`, quotes: [] }] };
}

function section(organisation: string, text: string, kind: ComparisonSection['kind'] = 'llm'): ComparisonSection {
  return { organisation, organisations: [organisation], text, kind, hits: 4 };
}

function comparison(sections: ComparisonSection[], sources: CitedSource[], overrides: Partial<ComparisonResult> = {}): ComparisonResult {
  return { mode: 'llm', topic: 'nuclear disarmament', searched: { words: 'nuclear disarmament', query: '"nuclear" OR "disarmament"' }, sections, sources, dropped: 0, timings: { retrievalMs: 1, totalMs: 2 }, ...overrides };
}

function assertWithinLimits(messages: MessagePayload[]): void {
  for (const message of messages) {
    assert.deepEqual(messageBodyProblems({ ...message } as Record<string, unknown>), []);
    assert.ok(message.embeds.length <= MAX_EMBEDS_PER_MESSAGE);
    assert.ok(message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0) <= MAX_EMBED_CHARS_PER_MESSAGE);
  }
}

test('GIVEN five long sections and a closing sentence THEN every embed and message is within Discord’s limits, split only between sentences, every [n] whole', () => {
  const names = ['United States of America', 'Union of Soviet Socialist Republics', 'United Kingdom', 'France', 'China'];
  const sources = names.flatMap((name, i) => [source(2 * i + 1, name), source(2 * i + 2, name)]);
  // ~4,500 characters a section: more than one embed's description, five of them more than one message.
  const sections = names.map((name, i) => section(name, Array.from({ length: 30 }, (_, k) => `${name} said: ${SENTENCE} [${2 * i + 1 + (k % 2)}].`).join(' ')));
  const messages = renderComparison(comparison(sections, sources, { closing: 'Both France and China call for disarmament [7][9].' }), { answerKey: 'k3y' });
  assertWithinLimits(messages);
  assert.ok(messages.length > 1);
  const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? ''));
  for (const description of descriptions) {
    for (const stray of description.matchAll(/\[\d*$|^\d*\]/g)) assert.fail(`a citation cut at an embed's edge: ${stray[0]}`);
  }
  const cited = descriptions.flatMap((d) => findMarkers(d).flatMap((m) => m.numbers));
  assert.deepEqual([...new Set(cited)].sort((a, b) => a - b), sources.map((s) => s.n));
  const titles = messages.flatMap((m) => m.embeds.map((e) => e.title)).filter(Boolean);
  assert.deepEqual(titles.slice(0, 1 + names.length), ['Compared: nuclear disarmament', ...names]);
  assert.ok(titles.includes(CLOSING_TITLE));
  const buttons = messages.flatMap((m) => m.components.flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : ''))));
  assert.deepEqual(buttons, [...sources.map((s) => `src:k3y:${s.n}`), 'vote:k3y:up', 'vote:k3y:down']);
});

test('GIVEN an organisation name and quotes full of Markdown and mentions THEN nothing is live but the bot’s bold and quote lines', () => {
  const hostile = '**Party** @everyone <@123> [link](https://evil.example)';
  const text = `${HIGHLIGHT_OPEN}${hostile}${HIGHLIGHT_CLOSE}, 1985 [1]:\n> We say @here and __underline__ and \`code\` [2].`;
  const messages = renderComparison(comparison([section(hostile, text, 'verbatim'), section('France', 'No statement by France in the corpus covers this.', 'none')], [source(1, hostile), source(2, hostile)], { mode: 'extractive' }), { answerKey: 'k3y' });
  assertWithinLimits(messages);
  for (const message of messages) assertNothingLiveBut(message, ['bold', 'block-quote']);
  assert.match(shownText(messages[0]), /\*\*Party\*\* @everyone <@123> \[link\]\(https:\/\/evil\.example\)/);
  assert.match(shownText(messages[0]), /No model is configured: these are verbatim sentences/);
});
