/**
 * Assertions on what a Discord client would make of a message the bot sent:
 * each part read in the context it renders in (discord-display.ts), so a test
 * can say "nothing here is live but the bot's own bold" and read the text a
 * user sees.
 */
import assert from 'node:assert/strict';
import { discordDisplay, type DisplayContext } from './discord-display.js';

interface MessageLike {
  content?: string;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string }; author?: { name: string } }[];
  components?: unknown[];
}

interface Part {
  where: string;
  markdown: string;
  /** 'plain': footers, author names and button labels render nothing. */
  context: DisplayContext | 'plain';
}

function partsOf(message: MessageLike): Part[] {
  const parts: Part[] = [];
  if (message.content) parts.push({ where: 'content', markdown: message.content, context: 'full' });
  (message.embeds ?? []).forEach((embed, i) => {
    if (embed.title) parts.push({ where: `embed ${i} title`, markdown: embed.title, context: 'header' });
    if (embed.description) parts.push({ where: `embed ${i} description`, markdown: embed.description, context: 'full' });
    for (const field of embed.fields ?? []) parts.push({ where: `embed ${i} field name`, markdown: field.name, context: 'header' }, { where: `embed ${i} field ${field.name}`, markdown: field.value, context: 'full' });
    if (embed.footer?.text) parts.push({ where: `embed ${i} footer`, markdown: embed.footer.text, context: 'plain' });
    if (embed.author?.name) parts.push({ where: `embed ${i} author`, markdown: embed.author.name, context: 'plain' });
  });
  const labels = ((message.components ?? []) as { components?: { label?: string }[] }[]).flatMap((row) => (row.components ?? []).map((c) => c.label ?? ''));
  for (const label of labels.filter(Boolean)) parts.push({ where: 'button label', markdown: label, context: 'plain' });
  return parts;
}

/** The text a reader sees: every part as displayed, one per line. */
export function shownText(message: MessageLike | undefined): string {
  return partsOf(message ?? {})
    .map((part) => (part.context === 'plain' ? part.markdown : discordDisplay(part.markdown, part.context).text))
    .join('\n');
}

/**
 * Nothing in `message` is live but the kinds `allowed` (the bot's own bold,
 * quotes, its `<url>` links…). Returns the live kinds found, so a test can
 * check the allowed ones are really there.
 */
export function assertNothingLiveBut(message: MessageLike | undefined, allowed: readonly string[]): string[] {
  assert.ok(message, 'a message');
  const found: string[] = [];
  for (const part of partsOf(message)) {
    if (part.context === 'plain') continue;
    const { live } = discordDisplay(part.markdown, part.context);
    const unexpected = live.filter((kind) => !allowed.includes(kind));
    assert.deepEqual(unexpected, [], `${part.where} has live ${unexpected.join(', ')}: ${part.markdown}`);
    found.push(...live);
  }
  return found;
}

/** Every `<https://…>` link the message shows (unescaped), raw. */
export function linksIn(message: MessageLike | undefined): string[] {
  return partsOf(message ?? {})
    .filter((part) => part.context !== 'plain')
    .flatMap((part) => [...part.markdown.matchAll(/(?<!\\)<https?:[^>\s]*>/g)].map((m) => m[0]));
}
