import { existsSync } from 'node:fs';
import { z } from 'zod';
import { UserFacingError } from './errors.js';
import { isAllowListEntry } from './web/address-policy.js';

/** Where the database lives unless `--db` or `DATABASE_PATH` says otherwise (git-ignored). */
export const DEFAULT_DATABASE_PATH = 'db/corpus.sqlite';

const SNOWFLAKE = /^\d{17,20}$/;
const optionalText = z.string().min(1).optional();
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const nonNegativeInt = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * Every environment variable the project reads, in one place (documented in
 * `.env.example`). Only this module reads `process.env`.
 */
export const EnvSchema = z.object({
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  // The answerer's model: any OpenAI-compatible server. With neither a key nor a
  // base URL the answerer is extractive (no model).
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: z.url({ message: 'must be a URL such as http://localhost:11434/v1' }).optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: positiveInt(60_000),
  /** No token this long after the question went to the model: answer extractively (Discord users give up long before 60 s). */
  OPENAI_FIRST_TOKEN_TIMEOUT_MS: positiveInt(15_000),
  OPENAI_MAX_RETRIES: nonNegativeInt(2),
  /** Tokens of sources the prompt may hold. */
  OPENAI_CONTEXT_TOKENS: positiveInt(3_000),

  // Discord. Without DISCORD_TOKEN, `npm start` opens a terminal session instead.
  DISCORD_TOKEN: optionalText,
  DISCORD_CLIENT_ID: z.string().regex(SNOWFLAKE, 'must be the application id, a number of 17-20 digits').optional(),
  DISCORD_GUILD_ID: z.string().regex(SNOWFLAKE, 'must be a server id, a number of 17-20 digits').optional(),
  DISCORD_API_BASE: z.url({ message: 'must be a URL such as http://127.0.0.1:8080/api' }).optional(),
  DISCORD_SHARDS: z.union([z.literal('auto'), z.coerce.number().int().positive()]).optional(),
  DISCORD_ALLOW_DMS: flag(true),

  // Cost and abuse control.
  ASK_COOLDOWN_SECONDS: nonNegativeInt(10),
  ASK_DAILY_QUESTIONS_PER_USER: positiveInt(50),
  MODEL_CONCURRENCY_GLOBAL: positiveInt(4),
  MODEL_CONCURRENCY_PER_GUILD: positiveInt(2),
  MODEL_QUEUE_LIMIT: positiveInt(50),

  // Fetching from the web (src/web). Private, loopback and link-local addresses are refused
  // unless listed here: hostnames (*.example.org for subdomains), IPs or CIDR ranges.
  WEB_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((list) => list.split(',').map((host) => host.trim()).filter(Boolean))
    // An entry the policy can't read would be a name nothing matches: the setting silently doing nothing.
    .pipe(
      z.array(
        z.string().refine(isAllowListEntry, {
          error: (issue) => `"${String(issue.input).slice(0, 100)}" is not a hostname (*.example.org for subdomains), IP address or CIDR range such as 10.20.0.0/16`,
        }),
      ),
    ),
  /** Who runs the bot (a URL or e-mail), shown in its User-Agent so site owners can reach them. */
  WEB_CONTACT: optionalText,
  /** Replaces the whole User-Agent (WEB_CONTACT is then ignored). */
  WEB_USER_AGENT: optionalText,
  WEB_TIMEOUT_MS: positiveInt(10_000),
  WEB_MAX_BYTES: positiveInt(20 * 1024 * 1024),

  // Growing the corpus from Discord (/corpus). Besides members with Manage Server, these users may use it (also in DMs).
  CORPUS_ADMIN_USER_IDS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(SNOWFLAKE, 'must be user ids (17-20 digits) separated by commas'))),
  /** Largest attachment /corpus add takes. */
  CORPUS_MAX_UPLOAD_MB: positiveInt(10),
  /** How often the running bot refreshes its sources file; 0 turns the background refresh off. */
  CORPUS_REFRESH_MINUTES: nonNegativeInt(360),
});

export type Config = z.infer<typeof EnvSchema>;

/** Empty values in `.env` (`OPENAI_API_KEY=`) mean "not set", not "set to nothing". */
function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''));
}

/**
 * Parse and validate the configuration. Every problem is reported at once, one
 * line per variable, and no value is echoed back (it may be a secret).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
    throw new UserFacingError('bad_config', `Configuration problem${lines.length > 1 ? 's' : ''}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Load `.env` from the working directory when there is one (development). Real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** True when the answerer should call a model (a key, or a local server by base URL alone). */
export function hasModel(config: Config): boolean {
  return config.OPENAI_API_KEY !== undefined || config.OPENAI_BASE_URL !== undefined;
}
