import { getDocumentProxy, getMeta } from 'unpdf';
import { languageCode } from './page-metadata.js';

/** More pages than this is a book or a report, not a statement; refused rather than read for minutes. */
export const MAX_PDF_PAGES = 300;

/**
 * A PDF's text, line by line with a blank line where the vertical gap says a
 * paragraph ended, and the title and language its document information gives
 * (its dates are when the file was made or saved, not when the statement was
 * published, so they are not read). Read with unpdf: PDF.js (Mozilla's, the
 * renderer in Firefox) packaged for servers, with no dependencies, no canvas
 * and no install step.
 */
export async function pdfText(body: Uint8Array): Promise<{ text: string; title: string | undefined; language: string | undefined }> {
  // PDF.js takes ownership of the buffer it is given (so a copy), and would warn on the console about repairs.
  const pdf = await getDocumentProxy(new Uint8Array(body), { verbosity: 0 });
  try {
    if (pdf.numPages > MAX_PDF_PAGES) throw new PdfTooLongError(pdf.numPages);
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(layOut(content.items.filter((item): item is Extract<typeof item, TextItem> => 'str' in item)));
    }
    const { info } = await getMeta(pdf);
    return { text: pages.filter((page) => page.trim() !== '').join('\n'), title: usableTitle(info?.Title), language: languageCode(typeof info?.Language === 'string' ? info.Language : undefined) };
  } finally {
    await pdf.destroy();
  }
}

export class PdfTooLongError extends Error {
  constructor(readonly pages: number) {
    super(`the PDF has ${pages} pages; a statement has at most ${MAX_PDF_PAGES}`);
  }
}

/**
 * What word processors leave as a PDF's title is often not one: "Microsoft Word
 * - statement.docx", "untitled", a file name. Those are no title (the text's
 * first line may be).
 */
function usableTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = value.replace(/\s+/g, ' ').trim();
  if (title === '' || /^(microsoft (word|powerpoint) - |untitled\b|document\d*$)|\.(docx?|odt|rtf|pdf|indd|pages|txt)$/i.test(title)) return undefined;
  return title;
}

interface TextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL: boolean;
}

/** A gap between lines this many times the usual line spacing ends a paragraph. */
const PARAGRAPH_GAP_FACTOR = 1.4;

/** Text items → lines (by baseline), with a blank line at each paragraph gap. */
function layOut(items: TextItem[]): string {
  const lines: { text: string; y: number }[] = [];
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const last = lines.at(-1);
    if (last && Math.abs(last.y - y) < Math.max(1, item.height / 2)) last.text += item.str;
    else if (item.str.trim() !== '' || last) lines.push({ text: item.str, y });
  }
  const kept = lines.filter((line) => line.text.trim() !== '');
  const gaps = kept.slice(1).map((line, i) => kept[i]!.y - line.y).filter((gap) => gap > 0);
  const spacing = median(gaps);
  return kept
    .map((line, i) => {
      const gap = i > 0 ? kept[i - 1]!.y - line.y : 0;
      return (spacing && gap > spacing * PARAGRAPH_GAP_FACTOR ? '\n' : '') + line.text.replace(/\s+/g, ' ').trim();
    })
    .join('\n');
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

