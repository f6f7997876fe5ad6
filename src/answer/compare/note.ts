import type { ComparisonResult } from './types.js';

/** What a comparison's sections are made of, in one plain sentence or two: each surface shows it under the sections. */
export function comparisonNote(result: Pick<ComparisonResult, 'mode' | 'fallbackReason' | 'dropped' | 'sources'>): string {
  if (result.sources.length === 0) return 'No statement of theirs in the corpus covers this; each section says what was searched.';
  const dropped = result.dropped > 0 ? ` ${result.dropped} sentence${result.dropped === 1 ? '' : 's'} without a verifiable source ${result.dropped === 1 ? 'was' : 'were'} left out.` : '';
  switch (result.mode) {
    case 'llm':
      return `Each [n] cites a statement by the organisation it is about; quotations are checked against it.${dropped}`;
    case 'extractive':
      return 'No model is configured: these are verbatim sentences from each organisation’s statements.';
    case 'fallback':
      return `The model's comparison could not be used (${result.fallbackReason ?? 'error'}): these are verbatim sentences from each organisation’s statements.`;
  }
}
