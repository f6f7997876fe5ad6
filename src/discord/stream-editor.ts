/** At most one edit of a streamed message per second: Discord rate-limits message edits (about 5 per 5 s per channel). */
export const EDIT_INTERVAL_MS = 1_000;

export interface StreamEditor<P> {
  /** Show `payload` next; a newer update before the next edit replaces it. */
  update(payload: P): void;
  /**
   * Stop streaming and show `payload` as the last edit, still spaced from the
   * previous one. Rejects when that edit fails (the caller falls back).
   */
  finish(payload: P): Promise<void>;
  /** Stop streaming without a final edit (the caller shows an error instead); resolves once no edit is in flight. */
  stop(): Promise<void>;
  /** Edits started so far. */
  readonly edits: number;
}

export interface StreamEditorOptions<P> {
  edit: (payload: P) => Promise<void>;
  intervalMs?: number;
  /** A failed partial edit is reported here and streaming goes on; the final edit's failure is thrown. */
  onPartialError?: (error: unknown) => void;
  now?: () => number;
}

/**
 * Turns a stream of partial answers into message edits: never two at once, never
 * closer than `intervalMs` (start to start), latest partial wins, the final
 * payload always last. A slow edit (e.g. discord.js waiting out a 429) just
 * delays the next one; partials that arrive meanwhile collapse into one.
 */
export function createStreamEditor<P>({ edit, intervalMs = EDIT_INTERVAL_MS, onPartialError = () => undefined, now = Date.now }: StreamEditorOptions<P>): StreamEditor<P> {
  let lastEditAt = -Infinity;
  let edits = 0;
  let pending: { payload: P } | undefined;
  let inFlight: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;

  const send = (payload: P): Promise<void> => {
    lastEditAt = now();
    edits += 1;
    return edit(payload);
  };

  const schedule = (): void => {
    if (timer !== undefined || inFlight !== undefined || pending === undefined || finished) return;
    timer = setTimeout(flush, Math.max(0, lastEditAt + intervalMs - now()));
  };

  const flush = (): void => {
    timer = undefined;
    if (pending === undefined || finished) return;
    const { payload } = pending;
    pending = undefined;
    inFlight = send(payload)
      .catch(onPartialError)
      .finally(() => {
        inFlight = undefined;
        schedule();
      });
  };

  return {
    update(payload) {
      if (finished) return;
      pending = { payload };
      schedule();
    },
    async finish(payload) {
      finished = true;
      pending = undefined;
      clearTimeout(timer);
      if (inFlight !== undefined) await inFlight;
      const wait = lastEditAt + intervalMs - now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await send(payload);
    },
    async stop() {
      finished = true;
      pending = undefined;
      clearTimeout(timer);
      if (inFlight !== undefined) await inFlight;
    },
    get edits() {
      return edits;
    },
  };
}
