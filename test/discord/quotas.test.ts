import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openForWriting } from '../../src/store/migrate.js';
import { createDiscordStateStore } from '../../src/store/discord-state.js';
import { ModelSlots } from '../../src/discord/model-slots.js';
import { AskQuotas, untilMidnightUtc } from '../../src/discord/quotas.js';

const limits = { ASK_COOLDOWN_SECONDS: 10, ASK_DAILY_QUESTIONS_PER_USER: 3, MODEL_CONCURRENCY_GLOBAL: 2, MODEL_CONCURRENCY_PER_GUILD: 1, MODEL_QUEUE_LIMIT: 2 };

async function setup(overrides: Partial<typeof limits> = {}) {
  const db = await openForWriting(':memory:');
  let now = Date.parse('2025-03-01T12:00:00Z');
  const clock = { advance: (ms: number) => (now += ms) };
  return { db, clock, quotas: new AskQuotas({ ...limits, ...overrides }, createDiscordStateStore(db), () => now) };
}

test('GIVEN a question just asked THEN the same person is told how long to wait, and others are not', async () => {
  const { db, clock, quotas } = await setup({ MODEL_CONCURRENCY_PER_GUILD: 5 });
  assert.equal(quotas.admit({ userId: 'u1', guildId: 'g' }).ok, true);
  const refused = quotas.admit({ userId: 'u1', guildId: 'g' });
  assert.deepEqual(refused.ok ? undefined : [refused.reason, refused.message], ['cooldown', 'Please wait 10 s before asking again (one question every 10 s).']);
  assert.equal(quotas.admit({ userId: 'u2', guildId: 'g' }).ok, true);
  clock.advance(10_000);
  assert.equal(quotas.admit({ userId: 'u1', guildId: 'g' }).ok, true);
  await db.close();
});

test('GIVEN the daily budget spent THEN the refusal says when it resets', async () => {
  const { db, clock, quotas } = await setup();
  for (let i = 0; i < 3; i += 1) assert.equal((await quotas.chargeDailyQuestion('u1')).ok, true);
  const refused = await quotas.chargeDailyQuestion('u1');
  assert.equal(!refused.ok && refused.message, 'You have asked your 3 questions for today. The budget resets at 00:00 UTC (in 12 h 0 min).');
  clock.advance(12 * 3_600_000);
  assert.equal((await quotas.chargeDailyQuestion('u1')).ok, true, 'a new UTC day brings a new budget');
  await db.close();
});

test('GIVEN the queue full THEN the request is refused without starting the cooldown', async () => {
  const { db, quotas } = await setup({ ASK_COOLDOWN_SECONDS: 10, MODEL_QUEUE_LIMIT: 1 });
  const first = quotas.admit({ userId: 'u1', guildId: 'g' });
  const second = quotas.admit({ userId: 'u2', guildId: 'g' });
  assert.ok(first.ok && first.ticket.position() === 0);
  assert.ok(second.ok && second.ticket.position() === 1);
  const third = quotas.admit({ userId: 'u3', guildId: 'g' });
  assert.equal(!third.ok && third.reason, 'queue-full');
  assert.match(!third.ok ? third.message : '', /Too many questions are waiting right now \(the queue holds 1\)/);
  first.ticket.release();
  assert.equal(quotas.admit({ userId: 'u3', guildId: 'g' }).ok, true, 'u3 may ask as soon as there is room');
  await db.close();
});

test('GIVEN the global and per-guild caps THEN waiters are told their position and granted in order as slots free', async () => {
  const slots = new ModelSlots({ global: 2, perGuild: 1, queueLimit: 10 });
  const a1 = slots.tryEnqueue('a')!;
  const b1 = slots.tryEnqueue('b')!;
  const a2 = slots.tryEnqueue('a')!;
  const c1 = slots.tryEnqueue('c')!;
  assert.deepEqual([a1, b1, a2, c1].map((t) => t.position()), [0, 0, 1, 2]);
  const seen: number[] = [];
  c1.onPosition((p) => seen.push(p));
  const order: string[] = [];
  void a2.granted.then(() => order.push('a2'));
  void c1.granted.then(() => order.push('c1'));

  b1.release(); // a global slot frees, but a is at its cap: c goes first
  await Promise.resolve();
  assert.deepEqual(order, ['c1']);
  assert.equal(a2.position(), 1);
  a1.release();
  await Promise.resolve();
  assert.deepEqual(order, ['c1', 'a2']);
  assert.equal(slots.active, 2);
  a1.release(); // twice is harmless
  assert.equal(slots.active, 2);
  assert.deepEqual(seen, []);
});

test('GIVEN three waiting THEN each moves up and is told so when the one ahead is served or leaves', async () => {
  const slots = new ModelSlots({ global: 1, perGuild: 1, queueLimit: 3 });
  const running = slots.tryEnqueue('g')!;
  const waiting = [slots.tryEnqueue('g')!, slots.tryEnqueue('g')!, slots.tryEnqueue('g')!];
  assert.equal(slots.tryEnqueue('g'), undefined, 'a fourth does not fit the queue');
  const seen: number[][] = [[], [], []];
  waiting.forEach((t, i) => t.onPosition((p) => seen[i]!.push(p)));
  waiting[0]!.release(); // leaves the queue before its turn
  running.release();
  assert.deepEqual(seen, [[], [1], [2, 1]]);
  assert.deepEqual(waiting.map((t) => t.position()), [0, 0, 1]);
});

test('GIVEN a time of day THEN the reset is described in hours and minutes', () => {
  assert.equal(untilMidnightUtc(Date.parse('2025-03-01T23:30:00Z')), 'in 30 min');
  assert.equal(untilMidnightUtc(Date.parse('2025-03-01T01:15:00Z')), 'in 22 h 45 min');
});
