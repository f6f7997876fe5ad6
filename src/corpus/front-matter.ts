import { parse as parseYaml } from 'yaml';
import { InputError } from './document.js';

/** `---` on the first line, YAML, `---` on its own line; the body follows. */
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Split a Markdown/text file into its optional YAML front matter and body.
 * Malformed YAML is an error for the file: its metadata was meant to win, so
 * ingesting it without would misdescribe the statement.
 */
export function splitFrontMatter(text: string, source: string): { data: Record<string, unknown>; body: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { data: {}, body: text };
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(source, `front matter is not valid YAML: ${reason}`);
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new InputError(source, 'front matter must be a YAML mapping (key: value lines)');
  }
  return { data: (data ?? {}) as Record<string, unknown>, body: text.slice(match[0].length) };
}
