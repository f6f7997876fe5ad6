import type { Tiktoken } from 'js-tiktoken/lite';

/**
 * Counting tokens with a real tokenizer (js-tiktoken), so the sources fit the
 * model's budget. The encoding follows the model family; models outside
 * OpenAI's (Llama, Qwen, Mistral behind Ollama) get o200k_base, whose counts
 * are close enough for a budget that is itself a soft limit. If the encoding
 * can't be loaded, a conservative estimate stands in.
 */

export type EncodingName = 'o200k_base' | 'cl100k_base';

export interface TokenCounter {
  /** The encoding used, or 'estimate' when no tokenizer could be loaded. */
  readonly encoding: EncodingName | 'estimate';
  count(text: string): number;
  /** The longest prefix of `text` within `maxTokens`. */
  truncate(text: string, maxTokens: number): string;
}

/** Fallback when no tokenizer loads: English averages ~4 characters a token; 3 over-counts, which is the safe side. */
const ESTIMATE_CHARS_PER_TOKEN = 3;

/** gpt-4o, gpt-4.1, gpt-5, o1/o3/o4 … use o200k_base; gpt-4 and gpt-3.5 cl100k_base; anything else the default. */
export function encodingForModel(model: string): EncodingName {
  const name = model.toLowerCase().replace(/^.*\//, ''); // "openai/gpt-4" as some proxies write it
  if (/^(?:gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o1|o3|o4)/.test(name)) return 'o200k_base';
  if (/^(?:gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada)/.test(name)) return 'cl100k_base';
  return 'o200k_base';
}

/** Word pieces whose token counts are remembered, per encoding; the cache is emptied when full. */
const MAX_CACHED_PIECES = 100_000;

interface LoadedEncoding {
  tiktoken: Tiktoken;
  /** The encoding's pre-tokenizer: text is split into pieces, each encoded on its own. */
  pieces: RegExp;
  pieceCounts: Map<string, number>;
}

const loaded = new Map<EncodingName, Promise<LoadedEncoding>>();

/** The encoding's ranks are megabytes of data: load once per process, and only when a model is used. */
function loadEncoding(name: EncodingName): Promise<LoadedEncoding> {
  let encoding = loaded.get(name);
  if (!encoding) {
    encoding = (async () => {
      const { Tiktoken } = await import('js-tiktoken/lite');
      const ranks = name === 'o200k_base' ? (await import('js-tiktoken/ranks/o200k_base')).default : (await import('js-tiktoken/ranks/cl100k_base')).default;
      return { tiktoken: new Tiktoken(ranks), pieces: new RegExp(ranks.pat_str, 'gu'), pieceCounts: new Map() };
    })();
    loaded.set(name, encoding);
    encoding.catch(() => loaded.delete(name));
  }
  return encoding;
}

/** A counter for the model's encoding, or the estimate when it can't be loaded (logged by the caller). */
export async function tokenCounterFor(model: string, onFallback?: (error: unknown) => void): Promise<TokenCounter> {
  const name = encodingForModel(model);
  try {
    const { tiktoken, pieces, pieceCounts } = await loadEncoding(name);
    // Special tokens ("<|endoftext|>") in corpus text are plain text here, never an error.
    const encode = (text: string) => tiktoken.encode(text, [], []);
    return {
      encoding: name,
      // The same count as encode(text).length, piece by piece: js-tiktoken's encode costs ~1.3 ms a
      // kilobyte, while the pieces (words with their leading space) repeat and their counts cache well.
      count: (text) => {
        let total = 0;
        for (const match of text.matchAll(pieces)) {
          let count = pieceCounts.get(match[0]);
          if (count === undefined) {
            if (pieceCounts.size >= MAX_CACHED_PIECES) pieceCounts.clear();
            count = encode(match[0]).length;
            pieceCounts.set(match[0], count);
          }
          total += count;
        }
        return total;
      },
      truncate: (text, maxTokens) => {
        const tokens = encode(text);
        if (tokens.length <= maxTokens) return text;
        // A cut may split a character's bytes: keep what is a true prefix of the text.
        const decoded = tiktoken.decode(tokens.slice(0, Math.max(0, maxTokens))).replace(/\ufffd+$/, '');
        return text.startsWith(decoded) ? decoded : text.slice(0, Math.max(0, maxTokens) * ESTIMATE_CHARS_PER_TOKEN);
      },
    };
  } catch (error) {
    onFallback?.(error);
    return estimatingCounter();
  }
}

export function estimatingCounter(): TokenCounter {
  return {
    encoding: 'estimate',
    count: (text) => Math.ceil(text.length / ESTIMATE_CHARS_PER_TOKEN),
    truncate: (text, maxTokens) => text.slice(0, Math.max(0, maxTokens) * ESTIMATE_CHARS_PER_TOKEN),
  };
}
