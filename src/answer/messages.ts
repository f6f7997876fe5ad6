/**
 * The answerer's own words (framing around quotes, "not covered" replies),
 * localised for the languages the bot is used in most; others get English.
 * Quotations are never translated: they stay verbatim in the source language.
 */

export interface SearchedDescription {
  query: string;
  /** The query of the question reworded by the model, when it was searched too. */
  rewritten?: string;
  filters: { organisation?: string; organisations?: string[]; from?: string; to?: string };
  hits: number;
}

interface Messages {
  notCovered: string;
  notAnswered: string;
  searched: (query: string, filters: string, hits: number) => string;
  nothingSearchable: string;
  filterOrganisation: (value: string) => string;
  filterFrom: (value: string) => string;
  filterTo: (value: string) => string;
  extractiveIntro: string;
  fallbackIntro: string;
  /** The closest passages of the statements found, when no sentence of theirs matches the question well enough to quote. */
  closestIntro: string;
  closestFallbackIntro: string;
  /** " and, reworded, for …" after the question's own query. */
  reworded: (query: string) => string;
  /** The search kept to the question's language, which none of the statements' is (names in this language). */
  questionLanguageOnly: (question: string, statements: string) => string;
  removed: (count: number) => string;
}

const en: Messages = {
  notCovered: "The corpus doesn't cover this: no statement in it matches the question.",
  notAnswered: "The corpus doesn't cover this: the statements found don't answer the question.",
  searched: (query, filters, hits) => `Searched for ${query}${filters}: ${hits} matching passage${hits === 1 ? '' : 's'}.`,
  nothingSearchable: '(no searchable words in the question)',
  filterOrganisation: (value) => `organisation ${value}`,
  filterFrom: (value) => `from ${value}`,
  filterTo: (value) => `to ${value}`,
  extractiveIntro: 'No language model is configured, so here are the passages of the corpus that best match the question, quoted verbatim:',
  fallbackIntro: "The language model couldn't answer just now, so here are the passages of the corpus that best match the question, quoted verbatim:",
  closestIntro: "No language model is configured, and no sentence of the statements found matches the question closely. These are their passages closest to it, quoted verbatim — they may not answer it:",
  closestFallbackIntro: "The language model couldn't answer just now, and no sentence of the statements found matches the question closely. These are their passages closest to it, quoted verbatim — they may not answer it:",
  reworded: (query) => ` and, reworded, for ${query}`,
  questionLanguageOnly: (question, statements) => `Searched in ${question} only; the statements are in ${statements}.`,
  removed: (count) => `(${count} sentence${count === 1 ? '' : 's'} without a verifiable source ${count === 1 ? 'was' : 'were'} left out.)`,
};

const de: Messages = {
  notCovered: 'Dazu enthält das Korpus nichts: keine Erklärung passt zur Frage.',
  notAnswered: 'Dazu enthält das Korpus nichts: die gefundenen Erklärungen beantworten die Frage nicht.',
  searched: (query, filters, hits) => `Gesucht wurde nach ${query}${filters}: ${hits} passende Passage${hits === 1 ? '' : 'n'}.`,
  nothingSearchable: '(keine suchbaren Wörter in der Frage)',
  filterOrganisation: (value) => `Organisation ${value}`,
  filterFrom: (value) => `ab ${value}`,
  filterTo: (value) => `bis ${value}`,
  extractiveIntro: 'Es ist kein Sprachmodell eingerichtet, deshalb hier die Passagen des Korpus, die am besten zur Frage passen, wörtlich zitiert:',
  fallbackIntro: 'Das Sprachmodell konnte gerade nicht antworten, deshalb hier die Passagen des Korpus, die am besten zur Frage passen, wörtlich zitiert:',
  closestIntro: 'Es ist kein Sprachmodell eingerichtet, und kein Satz der gefundenen Erklärungen passt genau zur Frage. Hier ihre Passagen, die ihr am nächsten kommen, wörtlich zitiert — sie beantworten sie vielleicht nicht:',
  closestFallbackIntro: 'Das Sprachmodell konnte gerade nicht antworten, und kein Satz der gefundenen Erklärungen passt genau zur Frage. Hier ihre Passagen, die ihr am nächsten kommen, wörtlich zitiert — sie beantworten sie vielleicht nicht:',
  reworded: (query) => ` und, umformuliert, nach ${query}`,
  questionLanguageOnly: (question, statements) => `Nur auf ${question} gesucht; die Erklärungen sind auf ${statements}.`,
  removed: (count) => `(${count} Satz${count === 1 ? '' : 'e'} ohne überprüfbare Quelle ${count === 1 ? 'wurde' : 'wurden'} weggelassen.)`,
};

const fr: Messages = {
  notCovered: 'Le corpus ne couvre pas ce sujet : aucune déclaration ne correspond à la question.',
  notAnswered: 'Le corpus ne couvre pas ce sujet : les déclarations trouvées ne répondent pas à la question.',
  searched: (query, filters, hits) => `Recherche : ${query}${filters} — ${hits} passage${hits === 1 ? '' : 's'} trouvé${hits === 1 ? '' : 's'}.`,
  nothingSearchable: '(aucun mot cherchable dans la question)',
  filterOrganisation: (value) => `organisation ${value}`,
  filterFrom: (value) => `depuis ${value}`,
  filterTo: (value) => `jusqu’à ${value}`,
  extractiveIntro: 'Aucun modèle de langue n’est configuré ; voici les passages du corpus qui correspondent le mieux à la question, cités mot pour mot :',
  fallbackIntro: 'Le modèle de langue n’a pas pu répondre pour l’instant ; voici les passages du corpus qui correspondent le mieux à la question, cités mot pour mot :',
  closestIntro: 'Aucun modèle de langue n’est configuré, et aucune phrase des déclarations trouvées ne correspond de près à la question. Voici leurs passages les plus proches, cités mot pour mot — ils n’y répondent peut-être pas :',
  closestFallbackIntro: 'Le modèle de langue n’a pas pu répondre pour l’instant, et aucune phrase des déclarations trouvées ne correspond de près à la question. Voici leurs passages les plus proches, cités mot pour mot — ils n’y répondent peut-être pas :',
  reworded: (query) => ` et, reformulée, ${query}`,
  questionLanguageOnly: (question, statements) => `Recherche en ${question} seulement ; les déclarations sont en ${statements}.`,
  removed: (count) => `(${count} phrase${count === 1 ? '' : 's'} sans source vérifiable ${count === 1 ? 'a été omise' : 'ont été omises'}.)`,
};

const es: Messages = {
  notCovered: 'El corpus no cubre esto: ninguna declaración coincide con la pregunta.',
  notAnswered: 'El corpus no cubre esto: las declaraciones encontradas no responden a la pregunta.',
  searched: (query, filters, hits) => `Búsqueda: ${query}${filters} — ${hits} pasaje${hits === 1 ? '' : 's'} encontrado${hits === 1 ? '' : 's'}.`,
  nothingSearchable: '(la pregunta no tiene palabras que buscar)',
  filterOrganisation: (value) => `organización ${value}`,
  filterFrom: (value) => `desde ${value}`,
  filterTo: (value) => `hasta ${value}`,
  extractiveIntro: 'No hay ningún modelo de lenguaje configurado; estos son los pasajes del corpus que mejor responden a la pregunta, citados textualmente:',
  fallbackIntro: 'El modelo de lenguaje no pudo responder ahora; estos son los pasajes del corpus que mejor responden a la pregunta, citados textualmente:',
  closestIntro: 'No hay ningún modelo de lenguaje configurado, y ninguna frase de las declaraciones encontradas se ajusta bien a la pregunta. Estos son sus pasajes más cercanos, citados textualmente; puede que no la respondan:',
  closestFallbackIntro: 'El modelo de lenguaje no pudo responder ahora, y ninguna frase de las declaraciones encontradas se ajusta bien a la pregunta. Estos son sus pasajes más cercanos, citados textualmente; puede que no la respondan:',
  reworded: (query) => ` y, reformulada, ${query}`,
  questionLanguageOnly: (question, statements) => `Búsqueda solo en ${question}; las declaraciones están en ${statements}.`,
  removed: (count) => `(Se ${count === 1 ? 'omitió' : 'omitieron'} ${count} frase${count === 1 ? '' : 's'} sin fuente verificable.)`,
};

const MESSAGES: Record<string, Messages> = { en, de, fr, es };

/** The messages for a language (ISO 639-1), English when it isn't translated. */
export function messagesFor(language: string): Messages {
  return MESSAGES[language] ?? en;
}

/** 'Searched for "iraq" OR "war" (organisation ICOR, from 2021): 0 matching passages.' Plain text, like every answer. */
export function describeSearch(searched: SearchedDescription, language: string): string {
  const m = messagesFor(language);
  const query = (searched.query || m.nothingSearchable) + (searched.rewritten ? m.reworded(searched.rewritten) : '');
  const { organisation, organisations, from, to } = searched.filters;
  const filters = [organisation && m.filterOrganisation(organisation), organisations?.length && m.filterOrganisation(organisations.join(' / ')), from && m.filterFrom(from), to && m.filterTo(to)].filter(Boolean);
  return m.searched(query, filters.length > 0 ? ` (${filters.join(', ')})` : '', searched.hits);
}

/** The whole "not covered" reply: plain, and shows what was searched. */
export function notCoveredText(searched: SearchedDescription, language: string, reason: 'no-match' | 'not-answered'): string {
  const m = messagesFor(language);
  return `${reason === 'no-match' ? m.notCovered : m.notAnswered}\n${describeSearch(searched, language)}`;
}

/** "Searched in German only; the statements are in English." — language names in the answer's language. */
export function questionLanguageOnlyLine(questionLanguage: string, statementLanguages: readonly string[], language: string): string {
  const m = messagesFor(language);
  const named = (code: string) => displayName(code, MESSAGES[language] ? language : 'en');
  const statements = new Intl.ListFormat(MESSAGES[language] ? language : 'en', { type: 'conjunction' }).format(statementLanguages.map(named));
  return m.questionLanguageOnly(named(questionLanguage), statements);
}

function displayName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
