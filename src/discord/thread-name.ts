import { cleanContent, type TextBasedChannel } from 'discord.js';
import { MAX_THREAD_NAME_CHARS, truncate } from './limits.js';

/**
 * The name of the thread an answer goes in: the question that started it.
 * Channel names render no Markdown and no mentions, so nothing is escaped (a
 * backslash would show as one); mention syntax becomes the name it stands for
 * ("@bob", "#general", "/ask"), as people read it, instead of "<@1010…>".
 */
export function threadName(question: string, channel: TextBasedChannel): string {
  const name = cleanContent(question, channel).replace(/\s+/g, ' ').trim();
  return truncate(name || 'Question', MAX_THREAD_NAME_CHARS);
}
