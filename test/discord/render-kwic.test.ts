import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_EMBED_CHARS_PER_MESSAGE, MAX_FIELD_NAME_CHARS, MAX_FIELD_VALUE_CHARS } from '../../src/discord/limits.js';
import { embedLength } from '../../src/discord/payload.js';
import { codeBlockSafe, renderKwicPage } from '../../src/discord/render-kwic.js';
import type { Concordance, ConcordanceLine } from '../../src/search/retriever.js';

const LONG = 'Quokka Front '.repeat(40);

/** A page at its largest: ten lines, each from another statement, every name and context as long as it gets, backticks everywhere. */
function worstPage({ oneStatement = false } = {}): Concordance {
  const lines: ConcordanceLine[] = Array.from({ length: 10 }, (_, i) => ({
    n: 999_990 + i,
    statement: { id: oneStatement ? 1 : i, slug: 'a-slug-as-long-as-they-come-'.repeat(3).slice(0, 80), externalId: null, source: `s${i}`, title: `${LONG}\`\`\``, organisation: `${LONG} @everyone <@123>`, date: '2024-02-02', language: 'en', url: null },
    start: 0,
    end: 10,
    left: '``` '.repeat(40),
    match: '```quokka```'.repeat(10),
    right: '``` @everyone '.repeat(20),
  }));
  const organisations = Array.from({ length: 300 }, (_, i) => ({ organisation: `${LONG} ${i}`, occurrences: 1_000_000 - i, statements: 10_000 }));
  return { phrase: `"${'quokka '.repeat(8).trim()}"`, mode: 'exact', occurrences: 9_999_999, statements: 10_000, organisations, sort: 'organisation', window: 30, page: 999_999, pageCount: 1_000_000, pageSize: 10, lines };
}

for (const oneStatement of [false, true]) {
  test(`GIVEN the largest page there can be (lines from ${oneStatement ? 'one statement' : 'ten statements'}) THEN every part of the message is within Discord's limits`, () => {
    const payload = renderKwicPage({ phrase: 'quokka', filters: {}, sort: 'organisation' }, worstPage({ oneStatement }), 'abcdefghijkl');
    const [embed] = payload.embeds;
    assert.ok(embedLength(embed!) <= MAX_EMBED_CHARS_PER_MESSAGE, `${embedLength(embed!)} characters`);
    for (const field of embed!.fields ?? []) {
      assert.ok(field.name.length <= MAX_FIELD_NAME_CHARS && field.value.length <= MAX_FIELD_VALUE_CHARS, `${field.name.length} / ${field.value.length}`);
      assert.equal(field.value.match(/```/g)?.length, 2, 'one code block, opened and closed by us alone');
    }
    assert.equal(embed!.fields!.length, oneStatement ? 2 : 10);
    assert.deepEqual(payload.components[0]?.components.map((button) => 'custom_id' in button && button.custom_id), ['kw:abcdefghijkl:999998', 'kw:abcdefghijkl:1000000']);
  });
}

test('GIVEN text with backticks and control characters THEN inside a code block no run of backticks is left', () => {
  assert.equal(codeBlockSafe('a ```b``` \u0007c'), 'a `\u200b`\u200b`\u200bb`\u200b`\u200b`\u200b c');
});
