/**
 * /compare through the real discord.js client against the Discord double:
 * an embed per organisation within Discord's limits, no pings, source
 * buttons that still work after a restart, the model's comparison grounded.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { commands } from '../../commands/index.js';
import { startBot } from '../../src/discord/bot.js';
import { MAX_EMBED_CHARS_PER_MESSAGE, MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TITLE_CHARS, MAX_EMBEDS_PER_MESSAGE } from '../../src/discord/limits.js';
import { embedLength } from '../../src/discord/payload.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import { failOnUnhandledRejections, type DoubleMessage } from '../doubles/discord/index.js';
import { sourceNumber } from '../doubles/openai-server.js';
import { buttonIds, finishHarness, startHarness, textOf, type Harness } from './harness.js';

failOnUnhandledRejections();

const EPHEMERAL = 64;
let h: Harness;
let withModel: Harness;
before(async () => {
  h = await startHarness();
  withModel = await startHarness({ model: true });
});
after(async () => {
  await finishHarness(h);
  await finishHarness(withModel);
});

/** The reply and its follow-ups, once the message with the buttons (the last) is there. */
async function comparison(harness: Harness, token: string): Promise<DoubleMessage[]> {
  return harness.double.waitFor(() => {
    const messages = [harness.double.originalResponse(token), ...harness.double.followUps(token)].filter((m): m is DoubleMessage => m !== undefined);
    return messages.some((m) => buttonIds(m).length > 0) ? messages : undefined;
  }, 10_000, 'the comparison with its buttons');
}

function assertWithinLimits(messages: DoubleMessage[]): void {
  for (const message of messages) {
    const embeds = message.embeds ?? [];
    assert.ok(embeds.length <= MAX_EMBEDS_PER_MESSAGE, `${embeds.length} embeds`);
    assert.ok(embeds.reduce((sum, embed) => sum + embedLength(embed as Parameters<typeof embedLength>[0]), 0) <= MAX_EMBED_CHARS_PER_MESSAGE);
    for (const embed of embeds) {
      assert.ok((embed.description ?? '').length <= MAX_EMBED_DESCRIPTION_CHARS);
      assert.ok((embed.title ?? '').length <= MAX_EMBED_TITLE_CHARS);
    }
  }
}

test('GIVEN /compare of four organisations without a model THEN an embed each, titled by name, verbatim and cited, within limits; a source button works after a restart', async () => {
  const sent = h.double.sendSlashCommand({ name: 'compare', options: { topic: 'the Taliban', organisation1: 'ICOR', organisation2: 'JAKNA', organisation3: 'International Conference', organisation4: 'Peace Committee (fixture)' } });
  const messages = await comparison(h, sent.token);
  assertWithinLimits(messages);
  const titles = messages.flatMap((m) => (m.embeds ?? []).map((e) => e.title ?? ''));
  assert.deepEqual(titles.slice(0, 5), ['Compared: the Taliban', 'ICOR', 'JAKNA', 'International Conference of Marxist–Leninist Parties and Organizations', 'Peace Committee (fixture)']);
  const all = messages.map(textOf).join('\n');
  assert.match(all, /\*\*ICOR\*\*, 2021-09-10 \[1\]:\n> /);
  assert.match(all, /\nNo statement by Peace Committee \(fixture\) in the corpus covers this\.\nSearched for "taliban" \(organisation Peace Committee \(fixture\)\): 0 matching passages\./);
  assert.match(all, /No model is configured: these are verbatim sentences/);
  assert.match(all, /Sources\n\*\*\[1\]\*\* No to any imperialist/);

  const source = buttonIds(messages.at(-1)).find((id) => id.startsWith('src:'))!;
  assert.ok(source.endsWith(':1'));
  await h.bot.stop();
  h.bot = await startBot({ config: h.config, db: h.db, retriever: createCorpusRetriever(h.db), log: pino({ level: 'silent' }), commands, editIntervalMs: 40, shutdownGraceMs: 500 });
  const click = h.double.clickButton({ message: messages.at(-1)!, customId: source, user: 'bob' });
  const callback = await h.double.waitForInteractionResponse(click.id);
  assert.equal((callback.data?.flags as number) & EPHEMERAL, EPHEMERAL);
  assert.match(textOf(h.double.originalResponse(click.token)), /^\[1\] No to any imperialist/);
});

test('GIVEN /compare with one organisation THEN a private message says to name two to five, and no question of the day is spent', async () => {
  const user = 'bob';
  const sent = h.double.sendSlashCommand({ name: 'compare', options: { topic: 'imperialist war', organisation1: 'ICOR' }, user });
  const reply = await h.double.waitFor(() => [h.double.originalResponse(sent.token), ...h.double.followUps(sent.token)].find((message) => /Name 2 to 5/.test(textOf(message))), 10_000, 'the refusal');
  assert.equal((reply.flags ?? 0) & EPHEMERAL, EPHEMERAL);
  const spent = await h.db.get<{ n: number }>('SELECT coalesce(sum(questions), 0) AS n FROM discord_question_counts WHERE user_id = ?', [h.double.users[user].id]);
  assert.equal(spent?.n, 0);
});

test('GIVEN /compare with the organisations named in the topic THEN they are compared, and the line above says how it was read', async () => {
  const sent = h.double.sendSlashCommand({ name: 'compare', options: { topic: 'JAKNA and ICOR on the Taliban' } });
  const messages = await comparison(h, sent.token);
  assertWithinLimits(messages);
  const [head, first, second] = messages[0]!.embeds!;
  assert.match(head!.author?.name ?? '', /^By: JAKNA \/ ICOR — not what you meant\?/);
  assert.deepEqual([first!.title, second!.title], ['JAKNA', 'ICOR']);
});

test('GIVEN typing in organisation2 THEN autocomplete suggests organisations', async () => {
  const sent = h.double.sendAutocomplete({ name: 'compare', options: { topic: 'war', organisation1: 'ICOR', organisation2: 'jak' }, focused: 'organisation2' });
  await h.double.waitForInteractionResponse(sent.id);
  assert.deepEqual(h.double.interaction(sent.id).autocompleteChoices!.map((c) => c.value), ['JAKNA']);
});

const CIPOML = 'International Conference of Marxist–Leninist Parties and Organizations';

test('GIVEN a model THEN each section is its sentence, the closing sentence cites both, and sources are numbered in order', async () => {
  withModel.model!.enqueue({
    text: (request) => {
      const icor = sourceNumber(request, 'ICOR');
      const cipoml = sourceNumber(request, CIPOML);
      return `## A\nICOR says it is necessary to fight the rule of the fascist Taliban [${icor}].\n## B\nThe Conference says women are defenceless in the face of Taliban violence [${cipoml}].\n## Comparison\nBoth condemn the Taliban [${icor}][${cipoml}].`;
    },
  });
  const sent = withModel.double.sendSlashCommand({ name: 'compare', options: { topic: 'the Taliban', organisation1: 'ICOR', organisation2: 'International Conference' } });
  const messages = await comparison(withModel, sent.token);
  assertWithinLimits(messages);
  const embeds = messages.flatMap((m) => m.embeds ?? []);
  assert.deepEqual(
    embeds.slice(1, 4).map((e) => [e.title, e.description]),
    [
      ['ICOR', 'ICOR says it is necessary to fight the rule of the fascist Taliban [1].'],
      [CIPOML, 'The Conference says women are defenceless in the face of Taliban violence [2].'],
      ['In comparison', 'Both condemn the Taliban [1][2].'],
    ],
  );
  assert.match(embeds[3]!.footer?.text ?? '', /^Each \[n\] cites a statement by the organisation it is about/);
  assert.deepEqual(buttonIds(messages.at(-1)).map((id) => id.split(':')[2]), ['1', '2', 'up', 'down']);
});
