import { eld } from 'eld/small';

/**
 * The language of a question or a statement, once for the whole project:
 * ingest stores a statement's language from its text when none is given, and
 * the answerer answers in the question's language.
 *
 * The detector is ELD (Nito-ELD, the `eld` package): byte n-grams of 60
 * languages, pure JavaScript, no native build or download. Chosen over franc,
 * tinyld, CLD3 (cld3-asm) and CLD2 (cld) on hand-written questions and
 * paragraphs in 16 languages (test/language/samples.ts; figures in
 * docs/benchmarks.md#language-detection): right on every question and
 * paragraph in the languages it knows, where CLD3 — the only rival as good on
 * short text — took "Was sagt die ICOR über die Taliban?" for Afrikaans, and
 * franc a third of the Turkish questions for Swahili. The small database: as
 * accurate as the large one here (once acronyms are left out), and it loads
 * in 0.4 s and 50 MB instead of 1.1 s and 150 MB.
 *
 * What it does, read from its source: it looks at the first 1,000 characters;
 * it always names its best guess, and `isReliable()` says whether the guess
 * leads the runner-up clearly and scores like text of that language usually
 * does. It knows neither Pashto (it says Persian or Urdu) nor Kurmanji
 * Kurdish (it is unsure, so we are). Pashto is added here by its letters
 * (PASHTO_LETTERS): no language ELD knows writes them. Dari is Persian ('fa').
 */

/** Fewer words than this (acronyms not counted) say too little: "NATO?", "Why?", "Taliban, Kabul". */
const MIN_WORDS = 3;
/** ELD reads no further than 1,000 characters; the extra is room for the acronyms taken out. */
const SAMPLE_CHARS = 1_500;

/**
 * Words in capitals say nothing about the language around them — "ICOR",
 * "NATO", "НАТО", "KKE" — and short ones mislead an n-gram model. Two or more
 * capitals, nothing lower-case; left in when the text is a sentence typed in
 * capitals (SHOUTED_MIN_WORDS such words and no lower case).
 */
const ACRONYM = /(?<![\p{L}\p{M}])\p{Lu}[\p{Lu}\p{M}\d]+(?![\p{L}\p{M}])/gu;
const SHOUTED_MIN_WORDS = 4;
const WORD = /\p{L}[\p{L}\p{M}]*/gu;

/**
 * Letters of the Pashto alphabet that Persian, Arabic, Urdu and Kurdish don't
 * use: ټ ځ څ ډ ړ ږ ښ ګ ڼ ۍ ې (Urdu's retroflex letters ٹ ڈ ڑ are other
 * code points). In hand-written Pashto they are 6–15% of the letters, and at
 * least two different ones appear in a question of five words; in the
 * Persian, Dari, Arabic, Urdu and Sorani samples, none. A Pashto name in a
 * Persian statement ("پښتونخوا") stays well under the share.
 */
const PASHTO_LETTERS = /[\u067C\u0681\u0685\u0689\u0693\u0696\u069A\u06AB\u06BC\u06CD\u06D0]/gu;
const ARABIC_SCRIPT = /\p{Script=Arabic}/gu;
const MIN_PASHTO_SHARE = 0.02;
const MIN_PASHTO_DISTINCT = 2;

export interface DetectOptions {
  /**
   * What to say when the text doesn't tell: a language tag from the
   * surroundings, such as Discord's locale ("pt-BR") — its base language.
   */
  hint?: string;
}

/**
 * ISO 639-1 code of the language `text` is written in ('en', 'ru', 'fa', 'ps'),
 * or, when the text is too short or too mixed to tell, the hint's base
 * language, else undefined. "What does ICOR say?" is English whatever the
 * hint; "Taliban" is the hint's.
 */
export function detectLanguage(text: string, options: DetectOptions = {}): string | undefined {
  return detectFromText(text) ?? baseLanguage(options.hint);
}

function detectFromText(text: string): string | undefined {
  const start = text.slice(0, SAMPLE_CHARS);
  const shouted = !/\p{Ll}/u.test(start) && (start.match(ACRONYM)?.length ?? 0) >= SHOUTED_MIN_WORDS;
  const sample = shouted ? start : start.replace(ACRONYM, ' ');
  const words = sample.match(WORD) ?? [];
  if (words.length < MIN_WORDS) return undefined;
  if (isPashto(sample)) return 'ps';
  const result = eld.detect(sample);
  return result.language !== '' && result.isReliable() ? result.language : undefined;
}

function isPashto(sample: string): boolean {
  const pashto = sample.match(PASHTO_LETTERS);
  if (!pashto || new Set(pashto).size < MIN_PASHTO_DISTINCT) return false;
  const arabicScript = sample.match(ARABIC_SCRIPT)?.length ?? 0;
  return pashto.length >= arabicScript * MIN_PASHTO_SHARE;
}

/** 'pt-BR' → 'pt', 'EN_us' → 'en'; undefined for anything that isn't a language tag. */
export function baseLanguage(tag: string | undefined): string | undefined {
  const match = tag?.trim().toLowerCase().match(/^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/);
  return match?.[1];
}
