import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { startOpenAIDouble, type OpenAIDouble } from './openai-server.js';

let double: OpenAIDouble;
let client: OpenAI;

before(async () => {
  double = await startOpenAIDouble();
  client = new OpenAI({ apiKey: 'test-key', baseURL: double.baseUrl, maxRetries: 0 });
});
after(() => double.close());

test('GIVEN a scripted text THEN a non-streamed completion returns it with usage', async () => {
  double.enqueue({ text: 'Hello there.', usage: { promptTokens: 11, completionTokens: 3 } });
  const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
  assert.equal(completion.choices[0]?.message.content, 'Hello there.');
  assert.equal(completion.choices[0]?.finish_reason, 'stop');
  assert.deepEqual([completion.usage?.prompt_tokens, completion.usage?.completion_tokens, completion.usage?.total_tokens], [11, 3, 14]);
  const received = double.requests.at(-1)!;
  assert.equal(received.stream, false);
  assert.equal(received.model, 'gpt-4o-mini');
  assert.deepEqual(received.messages, [{ role: 'user', content: 'hi' }]);
  assert.equal(received.authorization, 'Bearer test-key');
});

test('GIVEN a scripted text THEN the real client streams it in chunks, with the finish reason and a usage chunk', async () => {
  double.enqueue({ text: 'One two three four five.', chunkChars: 5 });
  const stream = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'count' }], stream: true, stream_options: { include_usage: true } });
  const deltas: string[] = [];
  let finish: string | null | undefined;
  let usage: OpenAI.CompletionUsage | null | undefined;
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    if (choice?.delta.content) deltas.push(choice.delta.content);
    if (choice?.finish_reason) finish = choice.finish_reason;
    if (chunk.usage) usage = chunk.usage;
  }
  assert.equal(deltas.join(''), 'One two three four five.');
  assert.equal(deltas.length, 5);
  assert.equal(finish, 'stop');
  assert.ok(usage && usage.completion_tokens > 0);
  assert.equal(double.requests.at(-1)!.stream, true);
});

test('GIVEN a scripted 429 THEN the client sees a rate limit error with the retry-after headers', async () => {
  double.enqueue({ status: 429, retryAfterSeconds: 1, retryAfterMs: 5 });
  await assert.rejects(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }), (error: unknown) => {
    assert.ok(error instanceof OpenAI.RateLimitError);
    assert.equal(error.headers?.get('retry-after'), '1');
    assert.equal(error.headers?.get('retry-after-ms'), '5');
    return true;
  });
});

test('GIVEN a stream cut midway THEN the client fails while reading it', async () => {
  double.enqueue({ text: 'This answer will never finish because the connection drops.', chunkChars: 8, cutAfterChunks: 2 });
  const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], stream: true });
  let text = '';
  await assert.rejects(async () => {
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  });
  assert.equal(text, 'This answer will');
});

test('GIVEN no scripted reply THEN the double answers 500 and counts it', async () => {
  const before = double.unscripted;
  await assert.rejects(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }), OpenAI.InternalServerError);
  assert.equal(double.unscripted, before + 1);
});

test('GIVEN a models request THEN the double lists models', async () => {
  const models = await client.models.list();
  assert.ok(models.data.some((model) => model.id === 'gpt-4o-mini'));
});
