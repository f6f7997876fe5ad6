import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtmlText } from '../html.js';
import { ExtractionError } from './extraction-error.js';
import { readPageMetadata, type PageDocument, type PageMetadata } from './page-metadata.js';

/**
 * A web page's main text and what it says about itself. The main text is
 * Mozilla's Readability (Firefox Reader View: scores blocks by text and link
 * density, drops navigation, share bars, comments, sidebars and footers by
 * their markup and class names) run over a linkedom DOM; its article HTML
 * becomes paragraphs through the same block rules as `.html` files
 * (../html.ts), less the link lists it keeps. Metadata is read first:
 * Readability rewrites the document.
 */
export function readableText(html: string, url: string): { text: string; unlinkedLetters: number; metadata: PageMetadata } {
  if (countTags(html) > MAX_ELEMENTS) throw new ExtractionError(url, `the page is too large to be a statement (over ${MAX_ELEMENTS.toLocaleString('en')} elements)`);
  const { document } = parseHTML(html);
  const metadata = readPageMetadata(document as PageDocument, url);
  setDocumentUrl(document, url);
  const article = new Readability<ArticleNode>(document, { charThreshold: MIN_ARTICLE_CHARS, serializer: (node) => node as ArticleNode }).parse();
  const content = article?.content;
  if (!content) return { text: '', unlinkedLetters: 0, metadata };
  dropLinkLists(content);
  return {
    text: extractHtmlText(`<article>${content.innerHTML}</article>`).text,
    unlinkedLetters: letters(content.textContent) - [...content.querySelectorAll('a')].reduce((sum, link) => sum + letters(link.textContent), 0),
    // Readability's title: <title> less the site's name ("Appeal | Site"), else the heading.
    metadata: { ...metadata, title: metadata.title ?? (article?.title?.trim() || undefined) },
  };
}

/** Readability's article element (in linkedom's DOM). */
interface ArticleNode {
  innerHTML: string;
  textContent: string | null;
  querySelectorAll(selector: string): Iterable<ArticleNode & { remove(): void }>;
}

/** A block with this many links or more, nearly all its letters theirs, is navigation. */
const MIN_NAVIGATION_LINKS = 3;
const MIN_NAVIGATION_LINK_SHARE = 0.8;

/**
 * Remove navigation Readability keeps: on table-layout sites the menu is a
 * table cell beside the text, and Readability drops link-dense tables, lists
 * and divs but not cells or paragraphs. A statement's own paragraph is never
 * mostly links.
 */
function dropLinkLists(content: ArticleNode): void {
  for (const block of [...content.querySelectorAll('td, th, p, div, ul, ol, section')]) {
    const links = [...block.querySelectorAll('a')];
    if (links.length < MIN_NAVIGATION_LINKS) continue;
    const total = letters(block.textContent);
    const linked = links.reduce((sum, link) => sum + letters(link.textContent), 0);
    if (total > 0 && linked / total >= MIN_NAVIGATION_LINK_SHARE) block.remove();
  }
}

/** Letters in a text: what is left when spacing, digits and punctuation are not counted. */
export function letters(text: string | null): number {
  return text?.match(/\p{L}/gu)?.length ?? 0;
}

/**
 * Pages have hundreds to a few thousand elements; Readability's scoring takes
 * about 0.1 ms an element here, so this bounds a page to seconds. Counted in
 * the markup, before parsing: Readability's own `maxElemsToParse` counts with
 * `getElementsByTagName('*')`, which linkedom answers with nothing.
 */
const MAX_ELEMENTS = 50_000;

function countTags(html: string): number {
  let count = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const next = html.charCodeAt(i + 1);
    if ((next >= 97 && next <= 122) || (next >= 65 && next <= 90)) count++; // "<" then a letter: a start tag
  }
  return count;
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
