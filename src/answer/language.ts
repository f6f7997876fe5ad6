/**
 * Which language to answer in. People write in the language they want the
 * answer in, so a question whose language is clearly recognisable wins over the
 * request's locale (a Discord client set to en-US asking in German gets German);
 * otherwise the request's language, otherwise English.
 */

/** Common short words that mark a language; a question needs a clear lead of these to count. */
const MARKER_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'what', 'did', 'does', 'do', 'is', 'are', 'was', 'were', 'about', 'how', 'why', 'which', 'who', 'of', 'and', 'to', 'in', 'on', 'say', 'said', 'they', 'their', 'with', 'for', 'this', 'that'],
  de: ['der', 'die', 'das', 'und', 'was', 'wie', 'warum', 'welche', 'welcher', 'wer', 'ist', 'sind', 'hat', 'haben', 'über', 'zu', 'zur', 'zum', 'den', 'dem', 'des', 'sagt', 'sagen', 'sagte', 'sie', 'nicht', 'mit', 'für', 'auf', 'ein', 'eine', 'im', 'vom'],
  fr: ['le', 'la', 'les', 'des', 'du', 'de', 'et', 'que', 'qui', 'quoi', 'quel', 'quelle', 'comment', 'pourquoi', 'est', 'sont', 'dit', 'disent', 'sur', 'ils', 'elles', 'pour', 'dans', 'une', 'un', 'au', 'aux', 'ce', 'cette', 'pas'],
  es: ['el', 'la', 'los', 'las', 'del', 'de', 'y', 'que', 'qué', 'quién', 'cómo', 'por', 'porqué', 'es', 'son', 'dice', 'dicen', 'dijo', 'sobre', 'ellos', 'para', 'en', 'una', 'un', 'al', 'con', 'su', 'sus', 'cuál'],
  it: ['il', 'lo', 'gli', 'della', 'delle', 'che', 'cosa', 'come', 'perché', 'è', 'sono', 'dice', 'dicono', 'sulla', 'sul', 'loro', 'per', 'una', 'non', 'con', 'degli'],
  pt: ['o', 'os', 'as', 'do', 'da', 'dos', 'das', 'que', 'como', 'porque', 'é', 'são', 'diz', 'dizem', 'disse', 'sobre', 'eles', 'para', 'em', 'uma', 'um', 'não', 'com', 'sua', 'seu'],
  nl: ['de', 'het', 'een', 'en', 'wat', 'hoe', 'waarom', 'welke', 'wie', 'is', 'zijn', 'zegt', 'zeggen', 'over', 'zij', 'voor', 'met', 'niet', 'van', 'op'],
};

/** Scripts that identify a language family on their own. */
const SCRIPT_LANGUAGES: { pattern: RegExp; language: string }[] = [
  { pattern: /\p{Script=Cyrillic}/u, language: 'ru' },
  { pattern: /\p{Script=Arabic}/u, language: 'ar' },
  { pattern: /\p{Script=Hebrew}/u, language: 'he' },
  { pattern: /\p{Script=Greek}/u, language: 'el' },
  { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, language: 'ja' },
  { pattern: /\p{Script=Hangul}/u, language: 'ko' },
  { pattern: /\p{Script=Han}/u, language: 'zh' },
  { pattern: /\p{Script=Devanagari}/u, language: 'hi' },
];

/** Share of a question's words a script must cover before it decides the language. */
const MIN_SCRIPT_SHARE = 0.3;
/** How many more marker words the leading language needs than the runner-up. */
const MIN_MARKER_LEAD = 2;

/** ISO 639-1 code of a question when it is clearly recognisable, else undefined. */
export function detectLanguage(text: string): string | undefined {
  const words = text.toLowerCase().match(/[\p{Letter}\p{Mark}]+/gu) ?? [];
  if (words.length === 0) return undefined;
  for (const { pattern, language } of SCRIPT_LANGUAGES) {
    const inScript = words.filter((word) => pattern.test(word)).length;
    if (inScript / words.length >= MIN_SCRIPT_SHARE) return language;
  }
  const scores = Object.entries(MARKER_WORDS)
    .map(([language, markers]) => ({ language, score: words.filter((word) => markers.includes(word)).length }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (!best || best.score < MIN_MARKER_LEAD) return undefined;
  if (second && best.score - second.score < MIN_MARKER_LEAD && best.score < 2 * second.score) return undefined;
  return best.language;
}

/** 'pt-BR' → 'pt', 'EN_us' → 'en'; undefined for anything that isn't a language tag. */
export function baseLanguage(tag: string | undefined): string | undefined {
  const match = tag?.trim().toLowerCase().match(/^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/);
  return match?.[1];
}

/** The language to answer in: the question's own when clear, else the request's, else English. */
export function answerLanguage(question: string, requested: string | undefined): string {
  return detectLanguage(question) ?? baseLanguage(requested) ?? 'en';
}

/** 'de' → 'German' (for the prompt; the model understands English names best). */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
