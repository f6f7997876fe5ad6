import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openForWriting } from '../../src/store/migrate.js';
import { createDiscordStateStore } from '../../src/store/discord-state.js';

async function openStore() {
  const db = await openForWriting(':memory:');
  return { db, store: createDiscordStateStore(db) };
}

test('GIVEN a saved button state THEN its key finds it again, and only under its own kind', async () => {
  const { db, store } = await openStore();
  const key = await store.saveButtonState('search', { query: 'taliban', page: 1 });
  assert.match(key, /^[\w-]{12}$/);
  assert.deepEqual(await store.getButtonState(key, 'search'), { query: 'taliban', page: 1 });
  assert.equal(await store.getButtonState(key, 'answer'), undefined);
  await store.updateButtonState(key, { query: 'taliban', page: 2 });
  assert.deepEqual(await store.getButtonState(key, 'search'), { query: 'taliban', page: 2 });
  assert.equal(await store.getButtonState('gone', 'search'), undefined);
  await db.close();
});

test('GIVEN button state older than the retention THEN pruning removes it and keeps the rest', async () => {
  const { db, store } = await openStore();
  const old = await store.saveButtonState('answer', { text: 'old' });
  const fresh = await store.saveButtonState('answer', { text: 'fresh' });
  await db.run(`UPDATE discord_buttons SET updated_at = '2000-01-01T00:00:00.000Z' WHERE key = ?`, [old]);
  assert.equal(await store.pruneButtonStates(30), 1);
  assert.equal(await store.getButtonState(old, 'answer'), undefined);
  assert.deepEqual(await store.getButtonState(fresh, 'answer'), { text: 'fresh' });
  await db.close();
});

test('GIVEN a person voting twice on one answer THEN one row holds their latest vote with the question and answer', async () => {
  const { db, store } = await openStore();
  const feedback = { answerKey: 'k', userId: 'u1', guildId: 'g1', question: 'What about the Taliban?', answer: 'They oppose it [1].', sources: [{ n: 1, statementId: 3, title: 'No to intervention', organisation: 'ICOR' }], mode: 'llm' };
  await store.recordFeedback({ ...feedback, vote: 1 });
  await store.recordFeedback({ ...feedback, vote: -1 });
  const rows = await db.all<{ vote: number; question: string; answer: string; sources: string }>('SELECT vote, question, answer, sources FROM discord_feedback');
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.vote, -1);
  assert.equal(rows[0]!.question, feedback.question);
  assert.equal(rows[0]!.answer, feedback.answer);
  assert.deepEqual(JSON.parse(rows[0]!.sources), feedback.sources);
  await db.close();
});

test('GIVEN a daily budget of 2 THEN the third question is refused, a refund gives one back, and tomorrow starts afresh', async () => {
  const { db, store } = await openStore();
  const today = new Date('2025-03-01T12:00:00Z');
  assert.equal(await store.consumeDailyQuestion('u1', 2, today), 1);
  assert.equal(await store.consumeDailyQuestion('u1', 2, today), 2);
  assert.equal(await store.consumeDailyQuestion('u1', 2, today), undefined);
  assert.equal(await store.consumeDailyQuestion('u2', 2, today), 1, 'budgets are per person');
  await store.refundDailyQuestion('u1', today);
  assert.equal(await store.consumeDailyQuestion('u1', 2, today), 2);
  assert.equal(await store.consumeDailyQuestion('u1', 2, new Date('2025-03-02T00:00:01Z')), 1);
  await db.close();
});

test('GIVEN concurrent questions racing for the last one in the budget THEN exactly one gets it', async () => {
  const { db, store } = await openStore();
  const results = await Promise.all(Array.from({ length: 10 }, () => store.consumeDailyQuestion('u1', 3)));
  assert.equal(results.filter((count) => count !== undefined).length, 3);
  await db.close();
});

test('GIVEN a thread the bot started THEN it is recognised, and other channels are not', async () => {
  const { db, store } = await openStore();
  await store.recordThread('111', 'g1', 'u1');
  await store.recordThread('111', 'g1', 'u1');
  assert.equal(await store.isBotThread('111'), true);
  assert.equal(await store.isBotThread('222'), false);
  await db.close();
});
