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
import { answerTextForTerminal, sourceLines } from './console-render.js';

export function renderComparisonText(result: ComparisonResult, terminal: boolean = process.stdout.isTTY === true): string {
  const understood = understoodLine(result.understood);
  const lines: string[] = understood ? [printable(understood), ''] : [];
  lines.push(printable(`Compared on: ${result.topic}`));
  for (const section of result.sections) {
    lines.push('', `== ${printable(section.organisation)} ==`, answerTextForTerminal(section.text, terminal));
  }
  if (result.closing) lines.push('', `== In comparison ==`, answerTextForTerminal(result.closing, terminal));
  lines.push('', `(${comparisonNote(result)})`);
  lines.push(...sourceLines(result.sources));
  return lines.join('\n');
}
