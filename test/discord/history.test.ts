import assert from 'node:assert/strict';
import { test } from 'node:test';
import { questionText } from '../../src/discord/history.js';

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
