/**
 * Content words for matching a question against sentences: lower-cased,
 * without diacritics, without the question's function words, lightly stemmed
 * so "imperialists" meets "imperialist" and "invaded" meets "invasion" halfway.
 */

/** Function words of the questions' languages, by language (and question words: "what", "say"). */
export const STOP_WORDS_BY_LANGUAGE: Record<string, ReadonlySet<string>> = {
  en: wordSet(`a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down
    during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only
    or other our out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours say says said tell told think thinks view views position stance statement statements corpus
    according regarding`),
  de: wordSet(`der die das und oder was wie warum welche welcher welches wer ist sind war hat haben über zu zur zum den dem des ein eine einer eines sie er es nicht mit für
    auf im vom von sagt sagen sagte bei aus nach auch als an wird werden dass gibt gab zu denken meint meinen hält halten`),
  fr: wordSet(`le la les des du de et ou que qui quoi quel quelle quels quelles comment pourquoi est sont dit disent sur ils elles pour dans une un au aux ce cette ces pas
    par avec leur leurs pense pensent à propos`),
  es: wordSet(`el los las del y o qué que quién cómo por porqué es son dice dicen dijo sobre ellos ellas para en una un al con su sus cuál este esta estos piensa piensan`),
};

const STOP_WORDS = new Set(Object.values(STOP_WORDS_BY_LANGUAGE).flatMap((set) => [...set]));

/** Stored folded, as `words()` returns them ("über" → "uber"). */
function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(fold));
}

function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{Mark}/gu, '').toLowerCase();
}

const SUFFIXES = ['ational', 'ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ists', 'ist', 'isms', 'ism', 'ities', 'ity', 'ies', 'ied', 'ed', 'es', 's'];
const MIN_STEM_CHARS = 4;

/** A crude stem: enough for overlap scoring, never used for search. */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM_CHARS) {
      const base = word.slice(0, -suffix.length);
      return suffix === 'ies' || suffix === 'ied' ? `${base}y` : base;
    }
  }
  return word;
}

/** The words of a text, lower-cased and without diacritics. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{Letter}\p{Number}]+/gu) ?? [];
}

/**
 * The distinct content-word stems of a text, in order of appearance. English
 * function words always go (the corpus and most questions are English), and
 * those of `language` when given, else those of every language listed.
 */
export function contentStems(text: string, language?: string): string[] {
  const own = language === undefined ? STOP_WORDS : STOP_WORDS_BY_LANGUAGE[language];
  const stems = new Set<string>();
  for (const word of words(text)) {
    if (word.length < 2 || STOP_WORDS_BY_LANGUAGE.en!.has(word) || own?.has(word)) continue;
    stems.add(stem(word));
  }
  return [...stems];
}

/** Two stems match when equal, or when one extends the other by a short ending ("invas" / "invad" do not). */
export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3;
}
