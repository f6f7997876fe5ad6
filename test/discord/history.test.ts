import assert from 'node:assert/strict';
import { test } from 'node:test';
import { questionText, turnOf } from '../../src/discord/history.js';
import { renderAnswer } from '../../src/discord/render-answer.js';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, stripHighlights } from '../../src/search/highlight.js';

const BOT = '1010000000000000001';
const ROLE = '1010000000000000401';

const cases: [string, string][] = [
  [`<@${BOT}> What does ICOR say?`, 'What does ICOR say?'],
  [`<@!${BOT}>   What   does ICOR say?  `, 'What does ICOR say?'],
  [`What does ICOR say, <@${BOT}>?`, 'What does ICOR say, ?'],
  [`<@&${ROLE}> and NATO?`, 'and NATO?'],
  [`<@${BOT}>`, ''],
  ['<@1010000000000000012> what does bob think?', '<@1010000000000000012> what does bob think?'],
];

for (const [content, question] of cases) {
  test(`GIVEN ${JSON.stringify(content)} THEN the question is ${JSON.stringify(question)}`, () => {
    assert.equal(questionText(content, BOT, [ROLE]), question);
  });
}

test("GIVEN the bot's earlier answer with escapes and bold THEN history reads it back as the plain text the answerer wrote", () => {
  const plain = `${HIGHLIGHT_OPEN}**Org** <@&1>${HIGHLIGHT_CLOSE}, 2021 [1]:\n> see [x](https://evil.example) @everyone \\o/\n> # heading`;
  const [answer, sources] = renderAnswer({ mode: 'extractive', text: plain, sources: [{ n: 1, statementId: 1, slug: 's', title: 'T', organisation: 'O', date: null, url: null, passages: [] }], searched: { query: 'q', filters: {}, hits: 1 }, timings: { retrievalMs: 0, totalMs: 0 }, cached: false }, { question: 'q' })[0]!.embeds;
  const message = { author: { id: BOT, bot: true }, system: false, content: '', embeds: [{ ...answer, footer: answer!.footer }, sources] } as unknown as Parameters<typeof turnOf>[0];
  assert.deepEqual(turnOf(message, BOT), { role: 'assistant', content: stripHighlights(plain) });
});
