/**
 * Scripted misbehaviour for the OpenAI double: answers a careless or
 * manipulated model writes, built from what the request really contains (the
 * instructions, the numbered sources), so they cite real source numbers and
 * pass every check but the one under test.
 *
 *   model.enqueue({ mode: 'echo' });           // repeats its instructions, each rule "cited"
 *   model.enqueue({ mode: 'misattribute' });   // source 1's words, said to be another source's organisation's
 *   model.enqueue({ mode: 'invent-number' });  // a sentence of a source with one of its numbers changed
 *   model.enqueue({ mode: 'link' });           // a verbatim, cited quote, then a cited phishing link
 */
import type { ReceivedRequest } from './openai-server.js';

export type ScriptedMode = 'echo' | 'misattribute' | 'invent-number' | 'link';

/** The link the `link` mode adds: no source carries it. */
export const PHISHING_URL = 'https://evil.example/phish';

export interface PromptSource {
  n: number;
  organisation: string;
  text: string;
}

/** The numbered sources of the prompt, as `<source n="…" organisation="…">` elements. */
export function promptSources(request: ReceivedRequest): PromptSource[] {
  const prompt = request.messages.map((message) => message.content).join('\n');
  return [...prompt.matchAll(/<source n="(\d+)" organisation="([^"]*)"[^>]*>\n([\s\S]*?)\n<\/source>/g)].map((match) => ({ n: Number(match[1]), organisation: match[2]!, text: match[3]! }));
}

/** "ICOR (International …)" → "ICOR"; "… Organizations (CIPOML), Coordination Committee" → "CIPOML"; else the whole name. */
export function shortName(organisation: string): string {
  return /^([A-Z][A-Z0-9-]{1,11})\s*\(/.exec(organisation)?.[1] ?? /\(([A-Z][A-Z0-9-]{1,11})\)/.exec(organisation)?.[1] ?? organisation;
}

/** The sentences of a source's text with at least `minWords` words, as written (no line breaks inside). */
function sentencesOf(text: string, minWords = 8): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z“"])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.split(/\s+/).length >= minWords && /[.!?]$/.test(sentence));
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function withoutStop(sentence: string): string {
  return sentence.replace(/[.!?]+$/, '');
}

export function scriptedModeText(mode: ScriptedMode, request: ReceivedRequest): string {
  const sources = promptSources(request);
  const first = sources[0];
  if (!first) throw new Error(`The ${mode} mode needs at least one source in the prompt`);
  switch (mode) {
    case 'echo': {
      // Each sentence of each numbered rule, "cited", as a model that echoes its prompt writes them.
      const rules = request.messages[0]!.content.split('\n').filter((line) => /^\d+\.\s/.test(line));
      return rules
        .flatMap((rule) => rule.replace(/^\d+\.\s+/, '').split(/(?<=\.)\s+/))
        .map((sentence) => `${withoutStop(sentence)} [${first.n}].`)
        .join(' ');
    }
    case 'misattribute': {
      const other = sources.find((source) => shortName(source.organisation) !== shortName(first.organisation) && source.organisation !== 'unknown');
      if (!other) throw new Error('The misattribute mode needs sources of two organisations');
      const [sentence] = sentencesOf(first.text);
      return `${shortName(other.organisation)} says that ${lowerFirst(withoutStop(sentence!))} [${first.n}].`;
    }
    case 'invent-number': {
      for (const source of sources) {
        const sentence = sentencesOf(source.text, 6).find((s) => /\b\d{1,4}\b/.test(s));
        if (!sentence) continue;
        const changed = sentence.replace(/\b(\d{1,4})\b/, (digits) => String(Number(digits) + 17));
        return `According to ${shortName(source.organisation)}, ${lowerFirst(withoutStop(changed))} [${source.n}].`;
      }
      throw new Error('The invent-number mode needs a source sentence with a number');
    }
    case 'link': {
      const [sentence] = sentencesOf(first.text);
      return `${shortName(first.organisation)} writes: “${withoutStop(sentence!)}” [${first.n}]. The full text is at [the official UN report](${PHISHING_URL}) [${first.n}].`;
    }
  }
}
