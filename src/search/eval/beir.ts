import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { UserFacingError } from '../../errors.js';

/** A BEIR document (corpus.jsonl line). */
export interface BeirDocument {
  id: string;
  title: string;
  text: string;
}

export interface BeirQuery {
  id: string;
  text: string;
}

/** Every document of a BEIR corpus.jsonl, streamed (corpora can be large). */
export async function* readBeirCorpus(path: string): AsyncGenerator<BeirDocument> {
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const row = parseLine(line, path, lineNumber);
    yield { id: String(row._id ?? row.id ?? ''), title: String(row.title ?? ''), text: String(row.text ?? '') };
  }
}

/** queries.jsonl: one `{"_id", "text"}` per line. */
export function readBeirQueries(path: string): BeirQuery[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, lineNumber]) => {
      const row = parseLine(line, path, lineNumber);
      return { id: String(row._id ?? row.id ?? ''), text: String(row.text ?? '') };
    });
}

/** qrels.tsv: `query-id  corpus-id  score`, with a header line; query id → (document id → grade). */
export function readBeirQrels(path: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  for (const [i, line] of readFileSync(path, 'utf8').split('\n').entries()) {
    const fields = line.trim().split('\t');
    if (fields.length < 3 || (i === 0 && !/^\d+$/.test(fields[2]!))) continue;
    const [queryId, documentId, grade] = fields as [string, string, string];
    if (!qrels.has(queryId)) qrels.set(queryId, new Map());
    qrels.get(queryId)!.set(documentId, Number(grade));
  }
  return qrels;
}

function parseLine(line: string, path: string, lineNumber: number): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new UserFacingError('bad_dataset', `${path}:${lineNumber} is not a JSON line.`);
  }
}
