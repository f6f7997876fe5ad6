import type { Understood } from '../search/retriever.js';

/**
 * The answerer's public types (the contract in notes/contracts.md). They live
 * here so the answerer's parts can share them without importing the entry
 * point; `answerer.ts` re-exports them.
 */

/** One earlier turn of a conversation (a Discord thread), oldest first. */
export interface ConversationTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface AnswerRequest {
  question: string;
  /** What a person typed for the organisation: statements by organisations whose names start with it (case-insensitive). */
  organisation?: string;
  /** Exact organisation names (e.g. recognised in the question): statements by any of them, each given its share of the passages. */
  organisations?: string[];
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive. */
  from?: string;
  to?: string;
  /** Earlier turns, oldest first; the question is a follow-up when present. */
  history?: ConversationTurn[];
  /** BCP-47 or ISO 639-1, e.g. 'de' or Discord's locale 'pt-BR'. */
  language?: string;
  /** Aborting rejects `answer()` with an `AbortError` and stops any model call. */
  signal?: AbortSignal;
}

/** A statement the answer cites, numbered as in the answer text. */
export interface CitedSource {
  /** The number used by the [n] markers in `AnswerResult.text`: 1, 2, … in order of first citation. */
  n: number;
  statementId: number;
  slug: string;
  title: string;
  organisation: string;
  date: string | null;
  url: string | null;
  /** The passages that support the answer, each with the quotations verified in it (exact text of the passage). */
  passages: { passageId: number; text: string; quotes: string[] }[];
}

/**
 * - `llm`: the model's answer, grounded (citations and quotes verified in code).
 * - `extractive`: no model configured; verbatim sentences from the best passages.
 * - `not-found`: nothing in the corpus answers it; says what was searched.
 * - `fallback`: the model failed (see `fallbackReason`); the extractive answer instead.
 * - `signatories`: "Who signed …?", answered from the statement's list of signatories as read at ingest (signatory-answer.ts).
 */
export type AnswerMode = 'llm' | 'extractive' | 'not-found' | 'fallback' | 'signatories';

export interface AnswerResult {
  mode: AnswerMode;
  /** Why the model's answer was not used (mode 'fallback'), e.g. 'timeout', 'no sentence supported by its sources'. */
  fallbackReason?: string;
  /**
   * Plain text, never Markdown: every character is to be shown as it is,
   * escaped by each surface for itself. The only structure is the bot's own:
   * [n] markers numbered in citation order (matching `sources[].n`), lines
   * starting "> " (block quotes, verified verbatim), and bold spans between
   * HIGHLIGHT_OPEN and HIGHLIGHT_CLOSE (src/search/highlight.ts).
   */
  text: string;
  sources: CitedSource[];
  /**
   * Modes 'extractive' and 'fallback': no sentence of the statements found
   * matched the question closely, so the quotes are their closest passages,
   * and they may not answer it (the text says so; surfaces note it too).
   */
  mayNotAnswer?: boolean;
  /** `rewritten`: the query of the question's keywords reworded (and translated) by the model, when they were searched too. */
  searched: { query: string; rewritten?: string; filters: { organisation?: string; organisations?: string[]; from?: string; to?: string }; hits: number };
  /**
   * The question is in a language none of the statements' main languages is,
   * and was searched in it only (no model to translate its keywords, or their
   * translation didn't come in time): the languages, and the line each surface
   * shows above the answer, in the answer's language.
   */
  onlyQuestionLanguage?: { question: string; statements: string[]; line: string };
  /** Who spoke and when, as read from the question, and whether the answer kept to them (shown above the answer). */
  understood?: Understood;
  /** Milliseconds since `answer()` was called: retrieval done, first model token (mode 'llm'), answer complete. */
  timings: { retrievalMs: number; firstTokenMs?: number; totalMs: number };
  usage?: { promptTokens: number; completionTokens: number };
  cached: boolean;
}

export interface AnswerHandlers {
  /**
   * Called while the model streams, with the whole verified answer so far (not
   * a delta). Only text that already passed the grounding checks is passed, and
   * only once it holds a valid citation; markers use the final numbering. The
   * result's `text` is authoritative: it extends the last partial in mode 'llm',
   * and replaces it when the answer falls back.
   */
  onPartial?: (verifiedTextSoFar: string) => void;
}

export interface Answerer {
  answer(request: AnswerRequest, handlers?: AnswerHandlers): Promise<AnswerResult>;
  /** Resolves once work an answer left running is done (a query rewrite that came after its answer): for shutdown and tests. */
  settled?(): Promise<void>;
}
