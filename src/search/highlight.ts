/**
 * Snippets carry two private control characters around matched words, so each
 * surface renders them its own way (ANSI bold in a terminal, `**` in Discord,
 * «…» in a pipe) without parsing HTML or Markdown back out. Answers use the same
 * two characters for the bot's own bold (organisation names in extractive
 * answers). The corpus cleaner strips both from statement text, so they only
 * ever come from us.
 */
export const HIGHLIGHT_OPEN = '\u0002';
export const HIGHLIGHT_CLOSE = '\u0003';

/**
 * Replace the highlight markers with `open`/`close`, passing the text between
 * them through `escape`. Markers that don't pair up (a snippet cut in the
 * middle of a match) are dropped, never shown.
 *
 * `escape` sees the text piece by piece, so it must work character by
 * character (like dropping control characters). Markdown escaping must not go
 * here: a construct around a highlight ("[see **war**](url)") would survive in
 * pieces. Escape the whole snippet with its markers in place instead, then
 * render the markers (src/discord/safe-markdown.ts).
 */
export function renderHighlights(snippet: string, open: string, close: string, escape: (text: string) => string = (text) => text): string {
  let out = '';
  let inside = false;
  let piece = '';
  const flush = (): void => {
    if (piece === '') return;
    out += inside ? `${open}${escape(piece)}${close}` : escape(piece);
    piece = '';
  };
  for (const char of snippet) {
    if (char === HIGHLIGHT_OPEN && !inside) {
      flush();
      inside = true;
    } else if (char === HIGHLIGHT_CLOSE && inside) {
      flush();
      inside = false;
    } else if (char !== HIGHLIGHT_OPEN && char !== HIGHLIGHT_CLOSE) {
      piece += char;
    }
  }
  flush();
  return out;
}

/** The snippet with its markers removed: the plain words a user would read. */
export function stripHighlights(snippet: string): string {
  return snippet.replaceAll(HIGHLIGHT_OPEN, '').replaceAll(HIGHLIGHT_CLOSE, '');
}
