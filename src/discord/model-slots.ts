/**
 * Caps on concurrent model calls — globally and per guild — with a bounded
 * first-come-first-served queue whose members learn their position.
 */
export interface SlotLimits {
  global: number;
  perGuild: number;
  /** Requests allowed to wait; beyond this a request is refused at once. */
  queueLimit: number;
}

export interface SlotTicket {
  /** Resolves when the request may call the model. */
  readonly granted: Promise<void>;
  /** 0 once granted, otherwise 1-based place in the queue. */
  position(): number;
  /** Called whenever the queue position changes while waiting. */
  onPosition(listener: (position: number) => void): void;
  /** Free the slot (or leave the queue). Safe to call more than once. */
  release(): void;
}

interface Waiter {
  guild: string;
  grant: () => void;
  listeners: ((position: number) => void)[];
  lastPosition: number;
}

export class ModelSlots {
  private running = 0;
  private readonly runningPerGuild = new Map<string, number>();
  private readonly waiting: Waiter[] = [];

  constructor(private readonly limits: SlotLimits) {}

  /** How many requests are waiting now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** How many requests are calling the model now. */
  get active(): number {
    return this.running;
  }

  /**
   * Take a slot, or a place in the queue. `guild` is a guild id, or one key per
   * person for direct messages. Undefined when the queue is full.
   */
  tryEnqueue(guild: string): SlotTicket | undefined {
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    let grant!: () => void;
    const granted = new Promise<void>((resolve) => (grant = resolve));
    const waiter: Waiter = { guild, listeners: [], lastPosition: 0, grant: () => ((state = 'running'), this.take(guild), grant()) };

    if (this.hasRoom(guild)) waiter.grant();
    else if (this.waiting.length >= this.limits.queueLimit) return undefined;
    else {
      this.waiting.push(waiter);
      waiter.lastPosition = this.waiting.length;
    }

    return {
      granted,
      position: () => (state === 'waiting' ? this.waiting.indexOf(waiter) + 1 : 0),
      onPosition: (listener) => waiter.listeners.push(listener),
      release: () => {
        if (state === 'running') this.give(guild);
        else if (state === 'waiting') this.waiting.splice(this.waiting.indexOf(waiter), 1);
        if (state !== 'done') {
          state = 'done';
          this.admitWaiting();
        }
      },
    };
  }

  private hasRoom(guild: string): boolean {
    return this.running < this.limits.global && (this.runningPerGuild.get(guild) ?? 0) < this.limits.perGuild;
  }

  private take(guild: string): void {
    this.running += 1;
    this.runningPerGuild.set(guild, (this.runningPerGuild.get(guild) ?? 0) + 1);
  }

  private give(guild: string): void {
    this.running -= 1;
    const left = (this.runningPerGuild.get(guild) ?? 1) - 1;
    if (left === 0) this.runningPerGuild.delete(guild);
    else this.runningPerGuild.set(guild, left);
  }

  /** Grant every waiter that now fits, in order (a guild at its cap doesn't block the others), then tell the rest where they stand. */
  private admitWaiting(): void {
    for (let i = 0; i < this.waiting.length && this.running < this.limits.global; ) {
      const waiter = this.waiting[i]!;
      if (this.hasRoom(waiter.guild)) {
        this.waiting.splice(i, 1);
        waiter.grant();
      } else i += 1;
    }
    this.waiting.forEach((waiter, index) => {
      if (waiter.lastPosition !== index + 1) {
        waiter.lastPosition = index + 1;
        for (const listener of waiter.listeners) listener(index + 1);
      }
    });
  }
}
