import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isUserFacingError } from '../errors.js';
import { log } from '../log.js';

/** A mistake in how the command was called: exit code 2, with the usage line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** UserFacingError codes that mean "the arguments are wrong", not "it failed". */
const USAGE_CODES = new Set(['bad_date', 'fts_syntax']);

/**
 * Run a CLI's main function: its result is the exit code; a usage error prints
 * one line and the usage (exit 2), a UserFacingError its message (exit 1, or 2
 * for bad arguments), anything else is logged with its stack to the log (stderr,
 * JSON) and reported in one line (exit 1). Never a stack trace for a user's mistake.
 * A reader that closes our output early (`| head`) ends the run quietly, exit 0.
 */
export async function runCli(usage: string, main: () => Promise<number>): Promise<never> {
  exitQuietlyWhenOutputCloses();
  let code: number;
  try {
    code = await main();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${usage}\n`);
      code = 2;
    } else if (isUserFacingError(error)) {
      process.stderr.write(`${error.message}\n`);
      code = USAGE_CODES.has(error.code) ? 2 : 1;
    } else {
      log.error({ err: error }, 'command failed');
      process.stderr.write(`Failed: ${error instanceof Error ? error.message : String(error)}\n`);
      code = 1;
    }
  }
  // Let stdout drain (a pipe may be slower than us) before exiting with the code.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}

/**
 * `npm run search … | head`: once the reader has what it wants it closes the
 * pipe, and the next write fails with EPIPE. That is the reader's choice, not
 * our failure: stop at once, quietly and with success, as Unix tools killed
 * by SIGPIPE do — not with an unhandled 'error' event and its stack. Work cut
 * short here is safe to cut (ingest writes each statement in one transaction).
 */
function exitQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error; // as if no handler were here: any other write error still crashes loudly
    });
  }
}

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/** Parse `--flags` and positionals; an unknown or malformed flag is a UsageError (exit 2, with the usage). */
export function parseFlags<const T extends FlagOptions>(options: T) {
  try {
    return parseArgs({ allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A whole number ≥ min from a flag, or a UsageError naming the flag. */
export function intFlag<Fallback extends number | undefined>(name: string, value: string | undefined, fallback: Fallback, min = 1): number | Fallback {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not "${value}".`);
  return Number(value);
}

/**
 * Corpus text may hold anything: drop control characters (other than newline
 * and tab) so a statement can't move the cursor or recolour the terminal.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
