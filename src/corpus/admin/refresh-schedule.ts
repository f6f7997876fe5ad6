/**
 * The running bot's background refresh: the sources-file refresh, run on a
 * timer, one run at a time, never in the way of answers (it only awaits I/O;
 * statements are written one transaction each, on a connection of their own,
 * so an answer sees a statement before or after, never half-way). A run that
 * fails is logged and the next one comes on time; aborting `signal` (the bot
 * shutting down) cancels the wait, aborts a run in progress and resolves `stopped`
 * once it has ended. The timer functions are injectable for tests.
 */

/** The first run waits this long after start, so the bot is answering before it fetches anything. */
export const FIRST_REFRESH_DELAY_MS = 60_000;

/** What the schedule logs through (a pino Logger is one). */
export interface ScheduleLog {
  info(detail: object, message: string): void;
  error(detail: object, message: string): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RefreshScheduleOptions {
  /** One refresh of the sources file; it is given a signal that aborts on shutdown. */
  refresh(signal: AbortSignal): Promise<unknown>;
  intervalMs: number;
  firstDelayMs?: number;
  log: ScheduleLog;
  /** Aborted when the bot shuts down. */
  signal: AbortSignal;
  timers?: Timers;
}

export interface RefreshSchedule {
  /** Resolves once shutdown has stopped the schedule and any run in progress has ended. */
  stopped: Promise<void>;
  /** Runs completed (successfully or not), for the record. */
  readonly runs: number;
}

const REAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function startRefreshSchedule(options: RefreshScheduleOptions): RefreshSchedule {
  const { signal, log, intervalMs } = options;
  const timers = options.timers ?? REAL_TIMERS;
  let handle: unknown;
  let running: Promise<void> | undefined;
  let runs = 0;
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));

  const runOnce = async (): Promise<void> => {
    const started = Date.now();
    try {
      const result = await options.refresh(signal);
      log.info({ ms: Date.now() - started, result }, 'sources refreshed');
    } catch (error) {
      if (!signal.aborted) log.error({ err: error, ms: Date.now() - started }, 'sources refresh failed; trying again at the next interval');
    } finally {
      runs++;
    }
  };
  // The next run is scheduled when this one ends, so two never overlap however long one takes.
  const schedule = (ms: number): void => {
    handle = timers.setTimeout(() => {
      running = runOnce().then(() => {
        running = undefined;
        if (!signal.aborted) schedule(intervalMs);
      });
    }, ms);
  };
  const stop = (): void => {
    timers.clearTimeout(handle);
    void (running ?? Promise.resolve()).then(resolveStopped);
  };

  if (signal.aborted) stop();
  else {
    signal.addEventListener('abort', stop, { once: true });
    schedule(options.firstDelayMs ?? FIRST_REFRESH_DELAY_MS);
  }
  return {
    stopped,
    get runs() {
      return runs;
    },
  };
}
