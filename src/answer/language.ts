import { detectLanguage } from '../language/detect.js';

/**
 * Which language to answer in. People write in the language they want the
 * answer in, so a question whose language is clear wins over the request's
 * locale (a Discord client set to en-US asking in German gets German); a
 * question too short to tell ("Taliban?") is answered in the locale's
 * language, and without one in English.
 */
export function answerLanguage(question: string, requested: string | undefined): string {
  return detectLanguage(question, { hint: requested }) ?? 'en';
}

/** 'de' → 'German' (for the prompt; the model understands English names best). */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
