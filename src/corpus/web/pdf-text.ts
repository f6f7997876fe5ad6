import { getDocumentProxy, getMeta } from 'unpdf';

/**
 * A PDF's text, line by line with a blank line where the vertical gap says a
 * paragraph ended, and the title its document information gives. Read with
 * unpdf: PDF.js (Mozilla's, the renderer in Firefox) packaged for servers, with
 * no dependencies, no canvas and no install step.
 */
export async function pdfText(body: Uint8Array): Promise<{ text: string; title: string | undefined }> {
  // PDF.js takes ownership of the buffer it is given (so a copy), and would warn on the console about repairs.
  const pdf = await getDocumentProxy(new Uint8Array(body), { verbosity: 0 });
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(layOut(content.items.filter((item): item is Extract<typeof item, TextItem> => 'str' in item)));
    }
    const { info } = await getMeta(pdf);
    const title = typeof info?.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : undefined;
    return { text: pages.filter((page) => page.trim() !== '').join('\n'), title };
  } finally {
    await pdf.destroy();
  }
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

