/**
 * A comparison (`/compare`) as plain text for the terminal session and
 * `npm run compare`: the understood line, then one block per organisation
 * under its name, the closing sentence, what the mode means, and the numbered
 * sources. Corpus and model text pass through `printable`.
 */
import { comparisonNote } from '../answer/compare/note.js';
import type { ComparisonResult } from '../answer/compare/types.js';
import { understoodLine } from '../search/understood-line.js';
import { printable } from './cli-run.js';
import { answerTextForTerminal } from './console-render.js';

export function renderComparisonText(result: ComparisonResult, terminal: boolean = process.stdout.isTTY === true): string {
  const understood = understoodLine(result.understood);
  const lines: string[] = understood ? [printable(understood), ''] : [];
  lines.push(printable(`Compared on: ${result.topic}`));
  for (const section of result.sections) {
    lines.push('', `== ${printable(section.organisation)} ==`, answerTextForTerminal(section.text, terminal));
  }
  if (result.closing) lines.push('', `== In comparison ==`, answerTextForTerminal(result.closing, terminal));
  lines.push('', `(${comparisonNote(result)})`);
  if (result.sources.length > 0) {
    lines.push('', 'Sources:');
    for (const source of result.sources) {
      const details = [source.organisation || 'organisation unknown', source.date ?? 'undated', source.url].filter(Boolean).join(', ');
      lines.push(printable(`[${source.n}] ${source.title || source.slug} — ${details}  (/statement ${source.slug})`));
    }
  }
  return lines.join('\n');
}
