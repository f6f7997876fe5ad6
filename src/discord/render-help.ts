import { COLOUR, type MessagePayload } from './payload.js';

/** `/help`: what the bot does and how to ask, with examples that work on the bundled corpus. */
export function renderHelp(): MessagePayload {
  const description = [
    'I answer questions about a corpus of political statements. Every claim in an answer cites the statement it comes from — press a source button to read the passage in context.',
    '',
    '**Ask**',
    '`/ask question: What do the statements say about the Taliban?`',
    '`/ask question: How do they view NATO? organisation: ICOR from: 2020-01-01`',
    '`/ask … private: True` — only you see the answer.',
    'Or mention me in a message; I answer in a thread, and you can keep asking there without mentioning me again.',
    'Or right-click a message → Apps → **Ask the corpus**.',
    '',
    '**Compare**',
    '`/compare topic: the Taliban organisation1: ICOR organisation2: CIPOML` — two to five organisations side by side, a section each, every sentence cited (or name them in the topic: `Iran and Iraq on the war`).',
    '',
    '**Look things up**',
    '`/search query: imperialist intervention` — statements ranked, with the matching words in bold.',
    '`/statement statement:` — start typing a title or organisation and pick one to read it.',
    '`/signatories statement:` — who signed a statement: the list it ends with. Or ask "Who signed the ICOR resolution?"',
    '`/signed organisation: MLPD` — the statements an organisation signed, and who co-signs with it most.',
    '`/kwic phrase: refugee` — every occurrence in context, with counts per organisation; `"right of return"` in quotes for the exact words.',
    '`/timeline topic: Taliban` — how often a topic comes up, per year (or month), as a chart, with a quoted sentence where it first appears and peaks.',
    '`/sources` — what the corpus holds.',
    '',
    '**Grow the corpus** (server managers)',
    '`/corpus add url:` or `file:` (txt, md, html, pdf, jsonl) — shows what was understood, with a button to correct it; `/corpus remove`, `/corpus status`.',
    '',
    'Dates are YYYY-MM-DD (or YYYY-MM, YYYY). When nothing in the corpus answers a question, I say so rather than guess.',
  ].join('\n');
  return { content: '', embeds: [{ title: 'How to use this bot', description, color: COLOUR.answer }], components: [] };
}
