import { parse, type HTMLElement, type Node, NodeType } from 'node-html-parser';

/** Never statement text: code, styling, navigation and page furniture. */
const DROPPED = 'script, style, noscript, template, svg, nav, header, footer, aside, form, button, iframe, select, figure > figcaption';
/** Elements after which the text breaks into a new paragraph. */
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'blockquote', 'pre', 'ul', 'ol', 'li', 'table', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'figure', 'address', 'hr']);

/**
 * The readable text of an HTML page: the `<main>` or `<article>` when there is
 * one, without scripts, styles, navigation, headers, footers, asides and forms;
 * block elements become paragraphs (blank lines), `<br>` a line break.
 */
export function extractHtmlText(html: string): { title: string | undefined; text: string } {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const title = root.querySelector('title')?.text.replace(/\s+/g, ' ').trim() || undefined;
  for (const element of root.querySelectorAll(DROPPED)) element.remove();
  const main = root.querySelector('main') ?? root.querySelector('article') ?? root.querySelector('[role=main]') ?? root.querySelector('body') ?? root;
  const heading = main.querySelector('h1')?.text.replace(/\s+/g, ' ').trim() || undefined;
  const parts: string[] = [];
  collectText(main, parts);
  const text = parts
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { title: heading ?? title, text };
}

function collectText(node: Node, out: string[]): void {
  if (node.nodeType === NodeType.TEXT_NODE) {
    // Source line breaks inside a paragraph are just spaces in HTML.
    out.push(node.text.replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return;
  const element = node as HTMLElement;
  const tag = element.tagName?.toLowerCase() ?? '';
  if (tag === 'br') {
    out.push('\n');
    return;
  }
  if (tag === 'pre') {
    out.push('\n\n', element.text, '\n\n');
    return;
  }
  const block = BLOCKS.has(tag);
  // A list item is one line of its list, not a paragraph of its own.
  if (block) out.push(tag === 'li' ? '\n• ' : '\n\n');
  for (const child of element.childNodes) collectText(child, out);
  if (block && tag !== 'li') out.push('\n\n');
}
