import { pino, type Logger } from 'pino';

/**
 * The structured logger. Logs go to standard error as JSON lines so standard
 * output stays for what the CLI prints for people (and for `--json`).
 * Secrets are redacted by key name wherever they appear in a logged object.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['token', '*.token', 'apiKey', '*.apiKey', 'authorization', '*.authorization', 'headers.authorization', 'DISCORD_TOKEN', 'OPENAI_API_KEY', '*.DISCORD_TOKEN', '*.OPENAI_API_KEY'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}

export const log: Logger = createLogger();
export type { Logger };
