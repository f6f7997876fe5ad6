import { findQuotations } from './quotations.js';
import { urlsIn } from './support/links.js';

/**
 * The model writes Markdown; the answer is plain text (the renderers escape
 * it for their surface and add only the bot's own formatting). One unit of
 * model text is turned into plain text here, at the edge: emphasis, strike,
 * spoilers, inline code and heading marks go and their words stay; code
 * fences go. Block quotes ("> ") and list markers are structure the grounder
 * reads, and links are judged against the cited sources later, so both are
 * left as written; so is a quotation, which must stay the source's own
 * characters ("***_~~nested~~_***" included) to be verified.
 */
export function plainFromModelMarkdown(unit: string): string {
  // Quotations and URLs ("a_b_c") hold characters that are not the model's formatting: set them aside first.
  const spans = [...findQuotations(unit).map((q) => ({ start: q.start, end: q.end })), ...urlsIn(unit)]
    .sort((a, b) => a.start - b.start)
    .filter((span, i, all) => i === 0 || span.start >= all[i - 1]!.end);
  const kept: string[] = [];
  let text = '';
  let at = 0;
  for (const link of spans) {
    text += unit.slice(at, link.start) + placeholder(kept.length);
    kept.push(unit.slice(link.start, link.end));
    at = link.end;
  }
  text += unit.slice(at);

  text = text
    .split('\n')
    .filter((line) => !/^\s*(?:```|~~~)/.test(line))
    .map((line) => line.replace(/^(\s*(?:>\s*)*)#{1,6}\s+/, '$1').replace(/^(\s*)-#\s+/, '$1'))
    .join('\n');
  text = stripPairs(text);
  return text.replace(/\u0001(\d+)\u0001/g, (_, i: string) => kept[Number(i)]!);
}

function placeholder(i: number): string {
  return `\u0001${i}\u0001`;
}

/** Paired emphasis markers around words, innermost last; a lone "*" (a footnote, "5 * 3") stays. */
function stripPairs(text: string): string {
  let out = text;
  for (let pass = 0; pass < 3; pass++) {
    const before = out;
    out = out
      .replace(/\*\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*\*/g, '$1')
      .replace(/\*\*(?=\S)([^\n]+?)(?<=\S)\*\*/g, '$1')
      .replace(/__(?=\S)([^\n]+?)(?<=\S)__/g, '$1')
      .replace(/~~(?=\S)([^\n]+?)(?<=\S)~~/g, '$1')
      .replace(/\|\|(?=\S)([^\n]+?)(?<=\S)\|\|/g, '$1')
      .replace(/(?<![\p{Letter}\p{Number}*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\p{Letter}\p{Number}*])/gu, '$1')
      .replace(/(?<![\p{Letter}\p{Number}_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\p{Letter}\p{Number}_])/gu, '$1')
      .replace(/``?(?=\S)([^`\n]+?)(?<=\S)``?/g, '$1');
    if (out === before) break;
  }
  return out;
}
