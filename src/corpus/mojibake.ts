/**
 * UTF-8 text that was once decoded as Windows-1252 or Latin-1 and saved again:
 * "â€œzero victimâ€" for “zero victim”, "El NiÃ±o" for "El Niño". Seen in the
 * UN corpus. Each run of such characters is turned back into bytes and decoded
 * as UTF-8; a run that isn't valid UTF-8 is left alone, so real text such as
 * "São Tomé" or "débâcle" never changes.
 */

/** Windows-1252's characters for bytes 0x80–0x9F (the rest of 0x80–0xFF are Latin-1). */
const CP1252_BYTES = new Map<string, number>(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'].map((char, index) => [char, 0x80 + index]),
);
const CONTINUATION = '[\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]';
/** A lead byte of a 2–4 byte UTF-8 sequence, then its continuation bytes, as mis-decoded characters. */
const MOJIBAKE_RUN = new RegExp(`[\\u00C2-\\u00DF]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}|[\\u00F0-\\u00F4]${CONTINUATION}{3}`, 'g');
const utf8 = new TextDecoder('utf-8', { fatal: true });

function byteOf(char: string): number {
  return CP1252_BYTES.get(char) ?? char.charCodeAt(0);
}

export function repairMojibake(text: string): string {
  if (!/[\u00C2-\u00F4]/.test(text)) return text;
  const repaired = text.replace(MOJIBAKE_RUN, (run) => {
        try {
          return utf8.decode(Uint8Array.from([...run].map(byteOf)));
        } catch {
          return run;
        }
      });
  if (!repaired.includes('â')) return repaired;
  return (
    repaired
      // A closing quote (E2 80 9D) loses its last byte, undefined in Windows-1252: "â€" is all that's left.
      .replace(/â€(?![\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ])/g, '”')
      // An apostrophe reduced to its first byte: "Japanâs", "donât".
      .replace(/(?<=\p{Ll})â(?=(s|t|re|ll|ve|d|m)\b)/gu, '’')
      .replace(/(?<=\b[dlDL])â(?=\p{Lu})/gu, '’')
  );
}
