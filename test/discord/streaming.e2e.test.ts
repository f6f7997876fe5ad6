import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EDIT_INTERVAL_MS } from '../../src/discord/stream-editor.js';
import { failOnUnhandledRejections, match } from '../doubles/discord/index.js';
import { promptSources } from '../doubles/openai-modes.js';
import { sourceNumber, type ReceivedRequest } from '../doubles/openai-server.js';
import { buttonIds, finishedResponse, finishHarness, startHarness, textOf, type Harness } from './harness.js';

failOnUnhandledRejections();

let h: Harness;
before(async () => {
  h = await startHarness({ model: true });
});
after(() => finishHarness(h));

/** Six cited sentences about ICOR's resolution, as a model would write them. */
function icorAnswer(request: ReceivedRequest): string {
  const n = sourceNumber(request, 'ICOR');
  return [
    `ICOR calls the withdrawal of the US and NATO troops the disastrous defeat of NATO [${n}].`,
    `It says this is the biggest defeat of US imperialism since the Vietnam War [${n}].`,
    `ICOR writes that the Afghan people refused to accept the occupation for 20 years [${n}].`,
    `The resolution traces the events to four decades of imperialist and reactionary policies [${n}].`,
    `It names the social-imperialist Soviet Union and later US imperialism as exploiters of Afghanistan [${n}].`,
    `ICOR concludes that the people of Afghanistan can only liberate themselves [${n}].`,
  ].join(' ');
}

function edits(token: string) {
  return h.double.requests.filter((r) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`) && r.status === 200);
}

test('GIVEN a streamed model answer THEN the reply is edited as verified sentences arrive, and the last edit is the full cited answer', async () => {
  h.model!.enqueue({ text: icorAnswer, chunkChars: 12, delayPerChunkMs: 15 });
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'How does ICOR judge the NATO withdrawal from Afghanistan?' } });
  const answer = await finishedResponse(h.double, sent.token);
  const patches = edits(sent.token);
  assert.ok(patches.length >= 3, `${patches.length} edits: partials, then the final`);
  const partial = JSON.stringify(patches[0]!.body);
  assert.match(partial, /Answering… sources follow/);
  const text = textOf(answer);
  assert.match(text, /the disastrous defeat of NATO \[1\]\./);
  assert.match(text, /can only liberate themselves \[1\]\./);
  assert.match(text, /\*\*\[1\]\*\* .*No to any imperialist/);
  assert.match(JSON.stringify(patches.at(-1)!.body), /Each \[n\] cites a statement below/);
});

test('GIVEN a 429 on an edit THEN discord.js waits it out and the full answer still arrives, edits never overlapping', async () => {
  h.model!.enqueue({ text: icorAnswer, chunkChars: 12, delayPerChunkMs: 10 });
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the occupation of Afghanistan?' } });
  h.double.rateLimitNext(match.editOriginal(sent.token), 0.3);
  const answer = await finishedResponse(h.double, sent.token);
  assert.match(textOf(answer), /can only liberate themselves \[1\]\./);
  const patches = h.double.requests.filter((r) => r.method === 'PATCH' && r.path.includes(`/${sent.token}/`));
  assert.ok(patches.some((r) => r.status === 429));
  for (let i = 1; i < patches.length; i += 1) assert.ok(patches[i]!.at >= patches[i - 1]!.answeredAt!, 'one edit at a time');
});

test('GIVEN the model fails THEN the extractive fallback is shown, still cited, and says why', async () => {
  h.model!.enqueue({ status: 500 });
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about the withdrawal of NATO troops from Afghanistan?' } });
  const answer = await finishedResponse(h.double, sent.token);
  const text = textOf(answer);
  assert.match(text, /\[1\]/);
  assert.match(text, /could not be used/);
  assert.ok(buttonIds(answer).some((id) => id.startsWith('src:')));
  assert.equal(h.model!.pending(), 0);
});

test('GIVEN the gateway drops mid-answer THEN the client resumes and the answer completes', async () => {
  h.model!.enqueue({ text: icorAnswer, chunkChars: 8, delayPerChunkMs: 25 });
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'Why does ICOR call it the biggest defeat since Vietnam?' } });
  await h.double.waitForRequest(match.editOriginal(sent.token));
  await h.double.dropGateway({ reconnect: true });
  const answer = await finishedResponse(h.double, sent.token);
  assert.match(textOf(answer), /can only liberate themselves \[1\]\./);
  assert.ok(h.double.gateway.sessions.some((session) => session.resumes > 0), 'the session was resumed, not re-identified');
});

test('GIVEN an answer longer than one message THEN it is split at sentences into follow-ups, every [n] whole, sources after it', async () => {
  // Seventy cited sentences, each a verbatim quotation of ICOR's passages in the prompt, so grounding keeps every one.
  const long = (request: ReceivedRequest) => {
    const icor = promptSources(request).find((source) => source.organisation === 'ICOR')!;
    const sentences = icor.text
      .split('\n')
      .flatMap((line) => line.split(/(?<=[a-z][.!?])\s+(?=[A-Z])/))
      .filter((sentence) => sentence.split(' ').length >= 8 && /^[A-Z][^[\]]*[a-z][.!]$/.test(sentence));
    return Array.from({ length: 70 }, (_, i) => `ICOR writes: “${sentences[i % sentences.length]!.replace(/[.!]$/, '')}” [${icor.n}].`).join(' ');
  };
  h.model!.enqueue({ text: long, chunkChars: 400 });
  const sent = h.double.sendSlashCommand({ name: 'ask', options: { question: 'Summarise every point ICOR makes about intervention in Afghanistan.' } });
  await h.double.waitFor(() => h.double.followUps(sent.token).some((m) => buttonIds(m).length > 0) || buttonIds(h.double.originalResponse(sent.token)).length > 0 ? true : undefined, 10_000);
  const messages = [h.double.originalResponse(sent.token)!, ...h.double.followUps(sent.token)];
  assert.ok(messages.length >= 2, `${messages.length} messages`);
  const answerText = messages.flatMap((m) => (m.embeds ?? []).filter((e) => e.title !== 'Sources').map((e) => e.description ?? '')).join(' ');
  assert.equal((answerText.match(/\[1\]/g) ?? []).length, 70);
  for (const m of messages) for (const e of m.embeds ?? []) if (e.title !== 'Sources') assert.match(e.description ?? '', /\[1\]\.$/, 'each piece ends at a sentence');
  assert.ok(textOf(messages.at(-1)).includes('**[1]**'), 'sources come last');
});

test(`GIVEN the production edit interval (${EDIT_INTERVAL_MS} ms) THEN streamed edits are at least ~1 s apart and the last is the full answer`, async () => {
  const slow = await startHarness({ model: true, editIntervalMs: EDIT_INTERVAL_MS });
  try {
    slow.model!.enqueue({ text: icorAnswer, chunkChars: 6, delayPerChunkMs: 30 });
    const sent = slow.double.sendSlashCommand({ name: 'ask', options: { question: 'How does ICOR judge the NATO withdrawal from Afghanistan?' } });
    const answer = await finishedResponse(slow.double, sent.token);
    const patches = slow.double.requests.filter((r) => r.method === 'PATCH' && r.path.includes(`/${sent.token}/`));
    assert.ok(patches.length >= 2);
    // The bot spaces edits ≥ 1,000 ms start to start; arrival times at the double can differ by transit jitter.
    // Measured where the edits arrive: a loaded machine may delay one request more than the next, so the margin is generous; unpaced edits would be ms apart.
    for (let i = 1; i < patches.length; i += 1) assert.ok(patches[i]!.at - patches[i - 1]!.at >= EDIT_INTERVAL_MS / 2, `edit ${i} came ${patches[i]!.at - patches[i - 1]!.at} ms after the previous`);
    assert.match(textOf(answer), /can only liberate themselves \[1\]\./);
    assert.ok(buttonIds(answer).length > 0, 'the last edit carries the sources and buttons');
    slow.double.assertClean();
  } finally {
    await slow.close();
  }
});

test('GIVEN the bot stops while answering THEN the asker is told it is restarting; new questions are turned away meanwhile', async () => {
  const stopping = await startHarness({ model: true });
  try {
    stopping.model!.enqueue({ hang: true });
    const sent = stopping.double.sendSlashCommand({ name: 'ask', options: { question: 'What does ICOR say about NATO, asked just before a restart?' } });
    await stopping.double.waitForInteractionResponse(sent.id);
    const stopped = stopping.bot.stop();
    const late = stopping.double.sendSlashCommand({ name: 'help' });
    assert.match(String((await stopping.double.waitForInteractionResponse(late.id)).data?.content), /The bot is restarting/);
    await stopped;
    const notice = stopping.double.followUps(sent.token)[0];
    assert.match(textOf(notice), /The bot is restarting, so this answer was stopped/);
    assert.equal(notice!.flags! & 64, 64);
    stopping.double.assertClean();
  } finally {
    await stopping.close();
  }
});
