import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliDecompress, createUnzip } from 'node:zlib';
import { FetchError } from './fetch-error.js';

export interface BodyLimits {
  /** Bytes over the wire (compressed). */
  maxBytes: number;
  /** Bytes once decompressed: what a gzip bomb inflates to. */
  maxDecompressedBytes: number;
  /** Keep the first bytes up to the limit instead of failing (robots.txt: parse its first 500 KiB). */
  truncate?: boolean;
}

/** Stops reading (no error): the truncate mode's way out of the pipeline. */
class LimitReached extends Error {}

/**
 * Read a response body, decompressing it, and stop the moment either limit is
 * passed: the stream is destroyed (closing the connection), so neither a 50 MB
 * body nor a gzip bomb is ever held beyond its limit.
 */
export async function readBody(body: Readable, contentEncoding: string | undefined, limits: BodyLimits, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let wireBytes = 0;
  let bytes = 0;
  const tooLarge = (limit: number, what: string) =>
    new FetchError('too-large', `${url} is larger than the ${formatBytes(limit)} the bot fetches${what}`, { url });

  const countWire = async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      wireBytes += chunk.length;
      if (wireBytes > limits.maxBytes) {
        if (limits.truncate) throw new LimitReached();
        throw tooLarge(limits.maxBytes, '');
      }
      yield chunk;
    }
  };
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      const room = limits.maxDecompressedBytes - bytes;
      if (chunk.length > room) {
        if (limits.truncate) {
          chunks.push(chunk.subarray(0, room));
          bytes += room;
          throw new LimitReached();
        }
        throw tooLarge(limits.maxDecompressedBytes, ' once decompressed');
      }
      chunks.push(chunk);
      bytes += chunk.length;
    }
  };

  try {
    // The typed overloads can't take a variable number of decompressors; the stages are right by construction.
    const run = pipeline as unknown as (...stages: unknown[]) => Promise<void>;
    await run(body, countWire, ...decoders(contentEncoding, url), collect);
  } catch (error) {
    if (!(error instanceof LimitReached)) throw error;
    body.destroy();
  }
  return Buffer.concat(chunks, bytes);
}

/**
 * Decompressors for a Content-Encoding, outermost last as the header lists
 * them. "deflate" goes through Unzip, which takes zlib-wrapped data and also
 * gzip sent under the wrong name. Sync flush, as browsers do, so a body cut
 * short at the end still yields what arrived.
 */
function decoders(contentEncoding: string | undefined, url: string): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  const flush = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip' || coding === 'deflate') return createUnzip(flush);
    if (coding === 'br') return createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH });
    throw new FetchError('content-type', `${url} was sent compressed as "${coding}", which the bot can't read`, { url });
  });
}

const KIB = 1024;
const MIB = 1024 * KIB;

/** "20 MB", "500 KB": a limit as people read it (binary units, as the limits are set). */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${Math.round((bytes / MIB) * 10) / 10} MB`;
  if (bytes >= KIB) return `${Math.round((bytes / KIB) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
