/**
 * windows-1252 decoded by hand, because Node's TextDecoder gets it wrong from
 * v20.18.3 / v22.13.0 (nodejs/node#60888, #56542): a Latin-1 fast path turns
 * bytes 0x80–0x9F into C1 controls, or drops them — so ’ “ ” – — € vanish from
 * exactly the legacy pages that use them. It is the encoding that `latin1`,
 * `iso-8859-1` and `ascii` labels mean on the web, and the fallback for
 * undeclared non-UTF-8 pages. It is Latin-1 except for those 32 bytes
 * (WHATWG Encoding Standard, index-windows-1252).
 */
const HIGH_CONTROLS = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009F]/g, (char) => HIGH_CONTROLS[char.charCodeAt(0) - 0x80]!);
}
