/**
 * The hostile statement (test/fixtures/hostile-statement.ts) through the
 * surfaces with a model: /ask, where the model quotes the statement verbatim
 * (so grounding keeps the quotation), and a question by mention — its thread's
 * name, the answer in the thread, and the follow-up, whose history must hand
 * the model the plain text it wrote, not Discord's escapes.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { saveStatement } from '../../src/store/statement-writes.js';
import { failOnUnhandledRejections, match } from '../doubles/discord/index.js';
import { sourceNumber, type ReceivedRequest } from '../doubles/openai-server.js';
import { HOSTILE_LINK_SENTENCE, HOSTILE_MENTION_SENTENCE, HOSTILE_ORGANISATION, HOSTILE_QUESTION, HOSTILE_STATEMENT, HOSTILE_URL_SHOWN } from '../fixtures/hostile-statement.js';
import { buttonIds, finishedResponse, finishHarness, startHarness, type Harness } from './harness.js';
import { assertNothingLiveBut, linksIn, shownText } from './shown-safely.js';

failOnUnhandledRejections();

let h: Harness;
before(async () => {
  h = await startHarness({ model: true });
  await saveStatement(h.db, HOSTILE_STATEMENT);
});
after(() => finishHarness(h));

/** The model quotes both hostile sentences verbatim, each cited. */
function quotingAnswer(request: ReceivedRequest): string {
  const n = sourceNumber(request, HOSTILE_ORGANISATION);
  return `The Quokka Front writes: "${HOSTILE_LINK_SENTENCE}" [${n}] It adds: "${HOSTILE_MENTION_SENTENCE}" [${n}]`;
}

test('GIVEN /ask and a model quoting the hostile statement verbatim THEN the quotations show literally and nothing in them is live', async () => {
  h.model!.enqueue({ text: quotingAnswer, chunkChars: 40 });
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: HOSTILE_QUESTION } });
  const answer = await finishedResponse(h.double, sent.token);
  assertNothingLiveBut(answer, ['bold', 'autolink']);
  const shown = shownText(answer);
  assert.ok(shown.includes(`"${HOSTILE_LINK_SENTENCE}" [1]`) && shown.includes(`"${HOSTILE_MENTION_SENTENCE}" [1]`), shown);
  assert.deepEqual(linksIn(answer), [HOSTILE_URL_SHOWN]);
  assert.deepEqual([answer.mention_everyone, answer.mention_roles, answer.mentions], [false, [], []]);
  for (const edit of h.double.requests.filter((r) => r.method === 'PATCH' && r.path.includes(`/${sent.token}/`))) {
    assertNothingLiveBut(edit.body as Parameters<typeof assertNothingLiveBut>[0], ['bold', 'autolink']); // the streamed partials too
  }
});

test('GIVEN a mention with mentions and Markdown in the question THEN the thread is named in plain words, and the answer in it shows the quotations literally', async () => {
  h.model!.enqueue({ text: quotingAnswer });
  const question = h.double.postUserMessage({ content: `What does the Quokka Front demand for a quokka sanctuary, <@${h.double.ids.alice}>? **Asks** <#${h.double.ids.general}>`, mentionBot: true, user: 'bob' });
  const created = await h.double.waitForRequest(match.startThread(), 5000, { since: h.double.requests.length - 5 });
  assert.ok(created.path.includes(`/messages/${question.id}/threads`));
  const name = (created.body as { name: string }).name;
  assert.equal(name, 'What does the Quokka Front demand for a quokka sanctuary, @Alice? **Asks** #general', 'mentions read as names; a thread name renders no Markdown, so none is escaped');
  const threadId = (created.response as { id: string }).id;
  const answer = await h.double.waitFor(() => h.double.messagesIn(threadId).find((m) => m.author.id === h.double.ids.application && buttonIds(m).length > 0), 10_000, 'answer in the thread');
  assertNothingLiveBut(answer, ['bold', 'autolink']);
  assert.ok(shownText(answer).includes(HOSTILE_MENTION_SENTENCE));
  assert.deepEqual([answer.mention_everyone, answer.mention_roles, answer.mentions], [false, [], []]);

  h.model!.enqueue({ text: (request) => `It also writes: "${HOSTILE_LINK_SENTENCE}" [${sourceNumber(request, HOSTILE_ORGANISATION)}]` });
  h.double.postUserMessage({ content: 'And what else does it demand for the quokka sanctuary?', channelId: threadId, user: 'bob' });
  await h.double.waitFor(() => h.double.messagesIn(threadId).filter((m) => m.author.id === h.double.ids.application && buttonIds(m).length > 0)[1], 10_000, 'the follow-up answer');
  const earlier = h.model!.requests.at(-1)!.messages.find((m) => m.role === 'assistant')!.content;
  // Character for character: one escape left in (or one taken out of the text's own "C:\\path") would fail this.
  for (const sentence of [HOSTILE_LINK_SENTENCE, HOSTILE_MENTION_SENTENCE]) assert.ok(earlier.includes(`"${sentence}"`), `the model reads its earlier answer as it wrote it: ${earlier}`);
});
