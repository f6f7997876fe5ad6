/**
 * "Who signed the ICOR resolution on Afghanistan?", "Which organisations signed
 * the appeal against war?", "List the signatories of …": a question asking for
 * a statement's signatories. The words left once the asking is taken out name
 * the statement.
 */
const ASKING_WHO_SIGNED: RegExp[] = [
  /\b(?:who|which\s+(?:organi[sz]ations?|parties|party|groups?|people|persons|individuals|movements?|countries))\s+(?:(?:have|has|had|did)\s+)?(?:co-?)?sign(?:ed)?\b(?:\s+(?:on\s+to|onto|up\s+to))?/iu,
  /\b(?:who|what|which)\s+(?:are|were|is|was)\s+the\s+(?:co-?)?signator(?:y|ies)\b(?:\s+(?:of|to|for|on|under))?/iu,
  /\b(?:list|name|show|give)(?:\s+me)?\s+(?:all\s+)?(?:of\s+)?the\s+(?:co-?)?signator(?:y|ies)\b(?:\s+(?:of|to|for|on|under))?/iu,
  /^\s*(?:the\s+)?(?:co-?)?signator(?:y|ies)\s+(?:of|to|for|on|under)\b/iu,
];

/** The statement's words when `question` asks who signed it; undefined for any other question. */
export function whoSignedQuestion(question: string): { statementWords: string } | undefined {
  for (const pattern of ASKING_WHO_SIGNED) {
    const match = pattern.exec(question);
    if (!match) continue;
    const statementWords = `${question.slice(0, match.index)} ${question.slice(match.index + match[0].length)}`
      .replace(/[?!.]+\s*$/u, '')
      .replace(/\s+/gu, ' ')
      .trim();
    return { statementWords };
  }
  return undefined;
}
