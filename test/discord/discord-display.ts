/**
 * A model of how a Discord client shows Markdown, for asserting on what users
 * see: the text displayed, and every construct that would be live (formatted,
 * linked, a mention or emoji). It follows the rule sets of simple-markdown as
 * Discord and discohook's preview use them — an escape rule for `\` before any
 * ASCII punctuation, block rules only at a line start — and errs towards
 * seeing too much: a shortcode is live whatever its name, a URL wherever it
 * starts. It is a test oracle, not a renderer.
 */

/** Where the text is shown: descriptions/field values/content ('full') or titles/field names ('header'). */
export type DisplayContext = 'full' | 'header';

export interface Displayed {
  /** What a reader sees, delimiters of live constructs removed. */
  text: string;
  /** Live constructs found, in order: 'bold', 'italic', 'masked-link', 'url', 'user-mention', … */
  live: string[];
}

/** Delimited inline formatting: [kind, pattern with the content as group 1]. Escapes inside content are skipped, as Discord does. */
const DELIMITED: [string, RegExp][] = [
  ['code-block', /```((?:[^`]|`(?!``))+?)```/y],
  ['code', /`((?:\\[\s\S]|[^`])+?)`/y],
  ['spoiler', /\|\|((?:\\[\s\S]|[^\\])+?)\|\|/y],
  ['bold', /\*\*((?:\\[\s\S]|[^\\])+?)\*\*(?!\*)/y],
  ['underline', /__((?:\\[\s\S]|[^\\])+?)__(?!_)/y],
  ['italic', /\*(?=\S)((?:\*\*|\\[\s\S]|[^\\*])+?)\*(?!\*)/y],
  ['italic', /_((?:__|\\[\s\S]|[^\\_])+?)_(?!_)/y],
  ['strikethrough', /~~((?:\\[\s\S]|[^\\])+?)~~/y],
];

/** Constructs shown as something else than their text; [kind, pattern, contexts where live]. */
const ATOMS: [string, RegExp, DisplayContext[]][] = [
  ['masked-link', /\[((?:\[[^\]]*\]|[^[\]]|\](?=[^[]*\]))*)\]\(\s*<?(?:\([^)]*\)|[^\s\\])*?>?(?:\s+['"][\s\S]*?['"])?\s*\)/y, ['full']],
  ['autolink', /<[^: >]+:\/[^ >]+>/y, ['full', 'header']],
  ['url', /(?:https?|steam):\/\/[^\s<]+[^<.,:;"')\]\s]/y, ['full', 'header']],
  ['user-mention', /<@!?\d+>/y, ['full']],
  ['role-mention', /<@&\d+>/y, ['full']],
  ['channel-mention', /<#\d+>/y, ['full']],
  ['command-mention', /<\/[^:>]+:\d+>/y, ['full']],
  ['timestamp', /<t:-?\d+(?::[tTdDfFR])?>/y, ['full']],
  ['custom-emoji', /<a?:\w+:\d+>/y, ['full', 'header']],
  ['guild-navigation', /<id:\w+>/y, ['full']],
  ['everyone', /@(?:everyone|here)/y, ['full']],
  ['emoji-shortcode', /:[\w+-]+:/y, ['full', 'header']],
];

/** Block constructs, only at a line start: [kind, pattern matching the marker]. */
const BLOCKS: [string, RegExp, DisplayContext[]][] = [
  ['block-quote-rest', /[ \t]*>>> +/y, ['full']],
  ['block-quote', /[ \t]*>(?!>>) +/y, ['full', 'header']],
  ['heading', /[ \t]*#{1,3} +/y, ['full']],
  ['subtext', /[ \t]*-# +/y, ['full']],
  ['list', /[ \t]*(?:[*+-]|\d+\.) +/y, ['full']],
];

/** How `markdown` shows in `context`. */
export function discordDisplay(markdown: string, context: DisplayContext = 'full'): Displayed {
  const live: string[] = [];
  const text = show(markdown, context, live, true);
  return { text, live };
}

function show(source: string, context: DisplayContext, live: string[], lineStart: boolean): string {
  let out = '';
  let i = 0;
  let atLineStart = lineStart;
  let inQuote = false;
  while (i < source.length) {
    if (atLineStart) {
      atLineStart = false;
      const block = BLOCKS.find(([kind, pattern, contexts]) => contexts.includes(context) && !(inQuote && kind.startsWith('block-quote')) && matchAt(pattern, source, i));
      if (block) {
        const [kind, pattern] = block;
        live.push(kind);
        if (kind === 'block-quote') inQuote = true;
        i += matchAt(pattern, source, i)![0].length;
        continue;
      }
    }
    const char = source[i]!;
    // simple-markdown's escape: a backslash before anything but a letter, digit or space.
    if (char === '\\' && /[^0-9A-Za-z\s]/.test(source[i + 1] ?? '')) {
      out += source[i + 1];
      i += 2;
      continue;
    }
    if (char === '\n') {
      out += char;
      i += 1;
      atLineStart = true;
      inQuote = false;
      continue;
    }
    const delimited = DELIMITED.map(([kind, pattern]) => [kind, matchAt(pattern, source, i)] as const).find(([, match]) => match);
    if (delimited) {
      const [kind, match] = delimited;
      live.push(kind);
      out += kind.startsWith('code') ? match![1] : show(match![1]!, context, live, false);
      i += match![0].length;
      continue;
    }
    const atom = ATOMS.find(([, pattern, contexts]) => contexts.includes(context) && matchAt(pattern, source, i));
    if (atom) {
      const match = matchAt(atom[1], source, i)!;
      live.push(atom[0]);
      out += match[0];
      i += match[0].length;
      continue;
    }
    out += char;
    i += 1;
  }
  return out;
}

function matchAt(pattern: RegExp, source: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(source);
}
