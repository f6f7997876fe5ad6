import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtmlText } from '../html.js';
import { readPageMetadata, type PageDocument, type PageMetadata } from './page-metadata.js';

/**
 * A web page's main text and what it says about itself. The main text is
 * Mozilla's Readability (Firefox Reader View: scores blocks by text and link
 * density, drops navigation, share bars, comments, sidebars and footers by
 * their markup and class names) run over a linkedom DOM; its article HTML
 * becomes paragraphs through the same block rules as `.html` files
 * (../html.ts). Metadata is read first: Readability rewrites the document.
 */
export function readableText(html: string, url: string): { text: string; unlinkedLetters: number; title: string | undefined; metadata: PageMetadata } {
  const { document } = parseHTML(html);
  const metadata = readPageMetadata(document as PageDocument, url);
  setDocumentUrl(document, url);
  const article = new Readability<ArticleNode>(document, { charThreshold: MIN_ARTICLE_CHARS, serializer: (node) => node as ArticleNode }).parse();
  const content = article?.content;
  if (!content) return { text: '', unlinkedLetters: 0, title: undefined, metadata };
  return {
    text: extractHtmlText(`<article>${content.innerHTML}</article>`).text,
    unlinkedLetters: letters(content.textContent) - [...content.querySelectorAll('a')].reduce((sum, link) => sum + letters(link.textContent), 0),
    title: article.title?.trim() || undefined,
    metadata,
  };
}

/** Readability's article element (in linkedom's DOM). */
interface ArticleNode {
  innerHTML: string;
  textContent: string | null;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
}

/** Letters in a text: what is left when spacing, digits and punctuation are not counted. */
export function letters(text: string | null): number {
  return text?.match(/\p{L}/gu)?.length ?? 0;
}

/** Readability's own bar for an article (its default is 500); shorter pages get its looser second passes. */
const MIN_ARTICLE_CHARS = 500;

/** Readability resolves links against the document's URL; a parsed string has none. */
function setDocumentUrl(document: object, url: string): void {
  for (const property of ['documentURI', 'baseURI', 'URL']) {
    try {
      Object.defineProperty(document, property, { value: url, configurable: true });
    } catch {
      // read-only in some DOMs: links then stay relative, which the text doesn't use
    }
  }
}
