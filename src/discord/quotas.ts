import type { Config } from '../config.js';
import type { DiscordStateStore } from '../store/discord-state.js';
import { ModelSlots, type SlotTicket } from './model-slots.js';

/** Sweep the cooldown map when it grows past this, so it can't grow without bound. */
const COOLDOWN_SWEEP_AT_ENTRIES = 10_000;

export type QuotaLimits = Pick<Config, 'ASK_COOLDOWN_SECONDS' | 'ASK_DAILY_QUESTIONS_PER_USER' | 'MODEL_CONCURRENCY_GLOBAL' | 'MODEL_CONCURRENCY_PER_GUILD' | 'MODEL_QUEUE_LIMIT'>;

export type Refusal = { ok: false; reason: 'cooldown' | 'daily-budget' | 'queue-full'; message: string };
export type Admission = { ok: true; ticket: SlotTicket } | Refusal;

/**
 * Who may ask now, in two steps. `admit` is synchronous (a per-user cooldown
 * and a model slot or queue place, both in memory) so an interaction can be
 * refused privately before it is deferred. `chargeDailyQuestion` then counts the
 * question against the person's daily budget in SQLite — a write that could wait
 * on another process's lock, so it runs after the defer. Every refusal says why
 * and when to try again.
 */
export class AskQuotas {
  private readonly lastAskAt = new Map<string, number>();
  readonly slots: ModelSlots;

  constructor(
    private readonly limits: QuotaLimits,
    private readonly state: DiscordStateStore,
    private readonly now: () => number = Date.now,
  ) {
    this.slots = new ModelSlots({ global: limits.MODEL_CONCURRENCY_GLOBAL, perGuild: limits.MODEL_CONCURRENCY_PER_GUILD, queueLimit: limits.MODEL_QUEUE_LIMIT });
  }

  /** `guildId` null means a direct message: each person's DMs count as their own guild. */
  admit({ userId, guildId }: { userId: string; guildId: string | null }): Admission {
    const cooldownMs = this.limits.ASK_COOLDOWN_SECONDS * 1000;
    const waitMs = (this.lastAskAt.get(userId) ?? -Infinity) + cooldownMs - this.now();
    if (waitMs > 0) {
      return { ok: false, reason: 'cooldown', message: `Please wait ${Math.ceil(waitMs / 1000)} s before asking again (one question every ${this.limits.ASK_COOLDOWN_SECONDS} s).` };
    }
    const ticket = this.slots.tryEnqueue(guildId ?? `dm:${userId}`);
    if (ticket === undefined) {
      return { ok: false, reason: 'queue-full', message: `Too many questions are waiting right now (the queue holds ${this.limits.MODEL_QUEUE_LIMIT}). Please try again in a minute.` };
    }
    this.lastAskAt.set(userId, this.now());
    if (this.lastAskAt.size > COOLDOWN_SWEEP_AT_ENTRIES) this.sweep(cooldownMs);
    return { ok: true, ticket };
  }

  /** Count one question against today's budget; a refusal when it is spent. */
  async chargeDailyQuestion(userId: string): Promise<{ ok: true; used: number } | Refusal> {
    const limit = this.limits.ASK_DAILY_QUESTIONS_PER_USER;
    const used = await this.state.consumeDailyQuestion(userId, limit, new Date(this.now()));
    if (used === undefined) {
      return { ok: false, reason: 'daily-budget', message: `You have asked your ${limit} questions for today. The budget resets at 00:00 UTC (${untilMidnightUtc(this.now())}).` };
    }
    return { ok: true, used };
  }

  private sweep(cooldownMs: number): void {
    const cutoff = this.now() - cooldownMs;
    for (const [user, at] of this.lastAskAt) if (at < cutoff) this.lastAskAt.delete(user);
  }
}

/** "in 5 h 12 min" until the next 00:00 UTC. */
export function untilMidnightUtc(nowMs: number): string {
  const midnight = new Date(nowMs);
  midnight.setUTCHours(24, 0, 0, 0);
  const minutes = Math.ceil((midnight.getTime() - nowMs) / 60_000);
  return minutes >= 60 ? `in ${Math.floor(minutes / 60)} h ${minutes % 60} min` : `in ${minutes} min`;
}

/** What a queued person sees while waiting. */
export function queuePositionMessage(position: number): string {
  return position === 1 ? '⏳ Your question is next in the queue; it will be answered as soon as the model is free.' : `⏳ Your question is number ${position} in the queue; it will be answered as soon as the model is free.`;
}
