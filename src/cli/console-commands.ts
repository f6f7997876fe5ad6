/**
 * The terminal session's command line: the bot's slash commands typed as text,
 * options written the way Discord shows them (`name:value`, quoted when the
 * value has spaces). A line that doesn't start with "/" is a question.
 *
 *   /ask What does ICOR say about NATO? organisation:ICOR from:2021
 *   /search imperialist intervention to:"2022-03"
 *   /statement icor-resolution-no-to-imperialist-intervention page:2
 *   /corpus add https://example.org/statement organisation:ICOR   (also: /corpus remove <id|slug>, /corpus status)
 */
export type ConsoleCommand =
  | { name: 'ask'; question: string; organisation?: string; from?: string; to?: string }
  | { name: 'search'; query: string; organisation?: string; from?: string; to?: string; page: number }
  | { name: 'statement'; statement: string; page: number }
  | { name: 'sources' }
  | { name: 'corpus'; action: string; target: string; organisation?: string; title?: string; date?: string }
  | { name: 'help' }
  | { name: 'quit' }
  | { name: 'empty' }
  | { name: 'unknown'; typed: string };

const OPTION = /(?:^|\s)(organisation|org|from|to|page):(?:"([^"]*)"|(\S+))/g;
/** /corpus add's overrides; only /corpus reads them (in a search, "title:" is words). */
const CORPUS_OPTION = /(?:^|\s)(title|date):(?:"([^"]*)"|(\S+))/g;

/** Parse one line typed in the session. */
export function parseConsoleLine(line: string): ConsoleCommand {
  const trimmed = line.trim();
  if (trimmed === '') return { name: 'empty' };
  if (!trimmed.startsWith('/')) return { name: 'ask', question: trimmed };
  const [, command = '', rest = ''] = /^\/(\S*)\s*([\s\S]*)$/.exec(trimmed) ?? [];
  const options: Record<string, string> = {};
  const text = rest
    .replace(OPTION, (_whole, key: string, quoted: string | undefined, bare: string | undefined) => {
      options[key === 'org' ? 'organisation' : key] = quoted ?? bare ?? '';
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
    case 'statement':
      return { name: 'statement', statement: text, page };
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
