/**
 * A light language guess from function words: enough to tell an English
 * statement from a French, Spanish, German, Italian, Portuguese, Dutch,
 * Russian or Ukrainian one; scripts with one main language (Greek, Arabic,
 * Persian, Hebrew, Chinese, Japanese, Korean) by script. Null when unsure —
 * mixed texts, too few words, or two languages close together.
 */

const STOP_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'as', 'are', 'this', 'by', 'we', 'be', 'on', 'not', 'have', 'which'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'dans', 'que', 'qui', 'pour', 'pas', 'sur', 'nous', 'du', 'au', 'aux', 'sont', 'cette', 'avec'],
  es: ['el', 'los', 'las', 'del', 'y', 'que', 'en', 'por', 'una', 'con', 'para', 'es', 'se', 'su', 'al', 'como', 'más', 'pero', 'sus', 'lo'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'mit', 'den', 'dem', 'zu', 'von', 'auf', 'für', 'sich', 'auch', 'wir', 'sind', 'werden'],
  it: ['il', 'della', 'che', 'di', 'e', 'per', 'non', 'una', 'sono', 'del', 'gli', 'le', 'nel', 'alla', 'anche', 'dei', 'delle', 'questo', 'con', 'è'],
  pt: ['o', 'os', 'as', 'do', 'da', 'dos', 'das', 'e', 'que', 'não', 'uma', 'em', 'para', 'com', 'por', 'mais', 'ao', 'se', 'é', 'no'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'te', 'zijn', 'voor', 'met', 'wij', 'ook', 'aan', 'worden', 'door', 'deze', 'naar'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'как', 'это', 'по', 'но', 'из', 'за', 'от', 'мы', 'все', 'для', 'его', 'так', 'же', 'или'],
  uk: ['і', 'та', 'що', 'не', 'на', 'в', 'у', 'з', 'як', 'це', 'до', 'за', 'від', 'ми', 'але', 'для', 'його', 'які', 'є', 'щоб'],
};
const LOOKUP = new Map<string, string[]>();
for (const [language, words] of Object.entries(STOP_WORDS)) for (const word of words) LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), language]);

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Georgian}/u, 'ka'],
];
/** Persian letters Arabic doesn't use (پ چ ژ گ ک ی). */
const PERSIAN = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/u;

/** Enough words to decide (~800); reading the whole text would only cost time. */
const SAMPLE_CHARS = 5_000;
const MIN_WORDS = 20;
/** The winner's stop-word share of all words, and its lead over the runner-up. */
const MIN_SHARE = 0.12;
const MIN_LEAD = 1.5;
/** Any letter outside Latin and Cyrillic: only then are the script counts worth making. */
const OTHER_SCRIPT = /[\u0370-\u03FF\u0530-\u06FF\u0750-\u077F\u0E00-\u0E7F\u10A0-\u10FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uFB50-\uFEFC]/u;

function count(text: string, pattern: RegExp): number {
  return text.match(new RegExp(pattern.source, 'gu'))?.length ?? 0;
}

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (OTHER_SCRIPT.test(sample)) {
    // A script most of the letters are in decides at once.
    const letters = count(sample, /\p{L}/u);
    for (const [pattern, language] of SCRIPTS) if (count(sample, pattern) / letters > 0.5) return language;
    if (count(sample, /\p{Script=Arabic}/u) / letters > 0.5) return PERSIAN.test(sample) ? 'fa' : 'ar';
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return null;
  const counts = new Map<string, number>();
  for (const word of words) for (const language of LOOKUP.get(word) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] / words.length < MIN_SHARE) return null;
  if (second && best[1] < second[1] * MIN_LEAD) return null;
  return best[0];
}
