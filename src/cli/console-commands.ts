/**
 * The terminal session's command line: the bot's slash commands typed as text,
 * options written the way Discord shows them (`name:value`, quoted when the
 * value has spaces). A line that doesn't start with "/" is a question.
 *
 *   /ask What does ICOR say about NATO? organisation:ICOR from:2021
 *   /search imperialist intervention to:"2022-03"
 *   /statement icor-resolution-no-to-imperialist-intervention page:2
 *   /signatories icor page:2
 *   /signed MLPD page:2
 *   /kwic refugee org:Iran sort:organisation page:2
 *   /timeline apartheid org:"South Africa" from:1960
 *   /compare the Taliban org:ICOR org:JAKNA from:2021
 *   /corpus add https://example.org/statement organisation:ICOR   (also: /corpus remove <id|slug>, /corpus status)
 */
export type ConsoleCommand =
  | { name: 'ask'; question: string; organisation?: string; from?: string; to?: string }
  | { name: 'search'; query: string; organisation?: string; from?: string; to?: string; page: number }
  | { name: 'statement'; statement: string; page: number }
  | { name: 'signatories'; statement: string; page: number }
  | { name: 'signed'; organisation: string; page: number }
  | { name: 'kwic'; phrase: string; organisation?: string; from?: string; to?: string; sort?: string; page: number }
  | { name: 'timeline'; topic: string; organisation?: string; from?: string; to?: string }
  | { name: 'compare'; topic: string; organisations: string[]; from?: string; to?: string }
  | { name: 'sources' }
  | { name: 'corpus'; action: string; target: string; organisation?: string; title?: string; date?: string }
  | { name: 'help' }
  | { name: 'quit' }
  | { name: 'empty' }
  | { name: 'unknown'; typed: string };

const OPTION = /(?:^|\s)(organisation[1-5]?|org|from|to|page|sort):(?:"([^"]*)"|(\S+))/g;
/** /corpus add's overrides; only /corpus reads them (in a search, "title:" is words). */
const CORPUS_OPTION = /(?:^|\s)(title|date):(?:"([^"]*)"|(\S+))/g;

/** Parse one line typed in the session. */
export function parseConsoleLine(line: string): ConsoleCommand {
  const trimmed = line.trim();
  if (trimmed === '') return { name: 'empty' };
  if (!trimmed.startsWith('/')) return { name: 'ask', question: trimmed };
  const [, command = '', rest = ''] = /^\/(\S*)\s*([\s\S]*)$/.exec(trimmed) ?? [];
  const options: Record<string, string> = {};
  // /compare takes several: every organisation option, in order (organisation1:… as in Discord, or org: repeated).
  const organisations: string[] = [];
  const text = rest
    .replace(OPTION, (_whole, key: string, quoted: string | undefined, bare: string | undefined) => {
      const value = quoted ?? bare ?? '';
      if (key.startsWith('org')) organisations.push(value);
      options[key.startsWith('org') ? 'organisation' : key] = value;
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  const page = Math.max(1, Number.parseInt(options.page ?? '1', 10) || 1);
  const filters = { ...(options.organisation ? { organisation: options.organisation } : {}), ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) };
  switch (command.toLowerCase()) {
    case 'ask':
      return { name: 'ask', question: text, ...filters };
    case 'search':
      return { name: 'search', query: text, ...filters, page };
    case 'timeline':
      return { name: 'timeline', topic: text, ...filters };
    case 'statement':
      return { name: 'statement', statement: text, page };
    case 'signatories':
      return { name: 'signatories', statement: text, page };
    case 'signed':
      // A name with spaces may be quoted, as the session's own "next:" hint writes it.
      return { name: 'signed', organisation: [text.replace(/^"([^"]*)"$/, '$1'), options.organisation].filter(Boolean).join(' '), page };
    case 'kwic':
      return { name: 'kwic', phrase: text, ...filters, ...(options.sort ? { sort: options.sort } : {}), page };
    case 'compare':
      return { name: 'compare', topic: text, organisations, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) };
    case 'sources':
      return { name: 'sources' };
    case 'corpus': {
      // "/corpus add https://… organisation:X", "/corpus remove <id|slug>", "/corpus status"
      const overrides: Record<string, string> = {};
      const [action = '', ...target] = text
        .replace(CORPUS_OPTION, (_whole, key: string, quoted: string | undefined, bare: string | undefined) => ((overrides[key] = quoted ?? bare ?? ''), ' '))
        .trim()
        .split(/\s+/);
      const given = { ...(options.organisation ? { organisation: options.organisation } : {}), ...(overrides.title ? { title: overrides.title } : {}), ...(overrides.date ? { date: overrides.date } : {}) };
      return { name: 'corpus', action: action.toLowerCase(), target: target.join(' '), ...given };
    }
    case 'help':
      return { name: 'help' };
    case 'quit':
    case 'exit':
      return { name: 'quit' };
    default:
      return { name: 'unknown', typed: `/${command}` };
  }
}
