import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { UserFacingError } from '../../errors.js';
import { whyNotRead } from '../read-input.js';
import type { WebSourceKind } from '../../store/web-sources.js';
import { webUrlKey } from '../../web/web-url.js';

/** How often a source is looked at when the file doesn't say. */
export const DEFAULT_INTERVAL = '1d';
/** Shorter intervals would only hammer someone's server for news that comes daily. */
const MIN_INTERVAL_SECONDS = 5 * 60;
const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3600, d: 86_400, w: 604_800 };

/** "6h" → 21600; "90m", "1d", "2w". */
export function parseInterval(text: string): number | undefined {
  const match = /^(\d+)\s*([mhdw])$/.exec(text.trim());
  return match ? Number(match[1]) * UNIT_SECONDS[match[2]!]! : undefined;
}

const interval = z.string().refine((value) => (parseInterval(value) ?? 0) >= MIN_INTERVAL_SECONDS, {
  message: 'must be a number and a unit, m, h, d or w ("6h", "1d"), of at least 5 minutes',
});
const httpUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), { message: 'must be an http:// or https:// address' })
  // Said here, with its line, rather than at every refresh: the fetcher would refuse it each time.
  .refine((value) => !URL.canParse(value) || (new URL(value).username === '' && new URL(value).password === ''), { message: "must not hold a user name or password (the bot doesn't send them)" });
const language = z.string().regex(/^[a-z]{2,3}$/i, 'must be a language code such as "en" or "fr"');

/** What every source may set for its statements; given metadata wins over what the pages say. */
const metadata = { organisation: z.string().min(1).optional(), language: language.optional(), interval: interval.optional() };

const SourceSchema = z
  .strictObject({
    url: httpUrl,
    kind: z.enum(['page', 'feed', 'sitemap'], { message: 'must be page, feed or sitemap' }),
    title: z.string().min(1).optional(),
    ...metadata,
  }, { error: 'must be a source with its url: and kind: on lines of their own ("- url: https://…", then "  kind: feed")' })
  // A feed's or sitemap's pages each have their own title.
  .refine((source) => source.title === undefined || source.kind === 'page', { message: 'a title is only for a single page (kind: page)', path: ['title'] });

const SourcesFileSchema = z.strictObject(
  {
    defaults: z.strictObject(metadata).optional(),
    sources: z.array(SourceSchema, { error: 'must be a list, each source with its url: and kind: (see sources.example.yaml)' }).min(1, 'lists no sources'),
  },
  // An empty file, or a bare list: zod's own "expected object, received null" says nothing to a person editing YAML.
  { error: 'must have a sources: list (see sources.example.yaml)' },
);

/** One source to follow, with the file's defaults applied. */
export interface DeclaredSource {
  /** Its key ({@link webUrlKey}): two spellings of one address are one source. */
  url: string;
  kind: WebSourceKind;
  intervalSeconds: number;
  /** Metadata given to its statements (organisation, language; title for a page). */
  given: { organisation?: string; language?: string; title?: string };
}

/**
 * Read sources.yaml: `sources:` a list of { url, kind: page|feed|sitemap,
 * organisation?, language?, title? (pages), interval? ("6h", "1d") }, and
 * optional `defaults:` for all of them. Every problem is reported at once,
 * each with its line and field, as a UserFacingError.
 */
export async function readSourcesFile(path: string): Promise<DeclaredSource[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file (copy sources.example.yaml to start one)' : code === 'EISDIR' ? "it's a folder" : whyNotRead(error, 'file');
    throw new UserFacingError('sources_file', `Can't read the sources file ${path}: ${why}`);
  }
  return parseSourcesFile(text, path);
}

export function parseSourcesFile(text: string, path: string): DeclaredSource[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((error) => `- line ${lineCounter.linePos(error.pos[0]).line}: ${error.message.split('\n')[0]}`);
    throw new UserFacingError('sources_file', `${path} is not valid YAML:\n${lines.join('\n')}`);
  }
  const parsed = SourcesFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const at = [...issue.path, ...keys.slice(0, 1)] as (string | number)[];
      const node = doc.getIn(at, true) as { range?: [number, number, number] } | undefined;
      const nearest = node?.range ? node : (doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined);
      const line = nearest?.range ? `line ${lineCounter.linePos(nearest.range[0]).line}, ` : '';
      const message = keys.length > 0 ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((key) => JSON.stringify(key)).join(', ')}` : issue.message;
      return `- ${line}${fieldName(issue.path) || 'the file'}: ${message}`;
    });
    throw new UserFacingError('sources_file', `${path} has ${lines.length > 1 ? 'problems' : 'a problem'}:\n${lines.join('\n')}`);
  }
  const { defaults = {}, sources } = parsed.data;
  const seen = new Set<string>();
  const declared: DeclaredSource[] = [];
  for (const source of sources) {
    const url = webUrlKey(source.url);
    if (seen.has(url)) continue;
    seen.add(url);
    const organisation = source.organisation ?? defaults.organisation;
    const lang = source.language ?? defaults.language;
    declared.push({
      url,
      kind: source.kind,
      intervalSeconds: parseInterval(source.interval ?? defaults.interval ?? DEFAULT_INTERVAL)!,
      given: { ...(organisation ? { organisation } : {}), ...(lang ? { language: lang.toLowerCase() } : {}), ...(source.title ? { title: source.title } : {}) },
    });
  }
  return declared;
}

/** ["sources", 2, "kind"] → "sources[2].kind", as a person finds it in the file. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`)).join('');
}
