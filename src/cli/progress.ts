import cliProgress from 'cli-progress';

/** Below this many items a bar would only flash: no bar. */
const MIN_ITEMS_FOR_BAR = 50;
const REDRAWS_PER_SECOND = 5;

export interface Progress {
  update(done: number, total: number, label?: string): void;
  stop(): void;
}

/**
 * A progress bar on standard error for long runs, drawn only when standard
 * error is a terminal: in CI, pipes and logs it prints nothing per item.
 */
export function createProgress(title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  let bar: cliProgress.SingleBar | undefined;
  // A run stopped by a signal exits without stop(): give the terminal its cursor back.
  const stopOnExit = () => bar?.stop();
  return {
    update(done, total, label = '') {
      if (total < MIN_ITEMS_FOR_BAR) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: `${title} [{bar}] {percentage}% {value}/{total} | {duration_formatted} elapsed, ETA {eta_formatted} | {label}`, stream, fps: REDRAWS_PER_SECOND, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, { label });
        process.once('exit', stopOnExit);
      }
      bar.setTotal(total);
      bar.update(done, { label: label.length > 40 ? `…${label.slice(-39)}` : label });
    },
    stop() {
      bar?.stop();
      bar = undefined;
      process.off('exit', stopOnExit);
    },
  };
}
