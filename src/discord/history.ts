import type { Message, TextBasedChannel } from 'discord.js';
import type { ConversationTurn } from '../answer/types.js';
import { SOURCES_TITLE } from './render-answer.js';
import { plainTextOf } from './safe-markdown.js';

/** Messages fetched to rebuild a conversation: one page of history. */
export const HISTORY_FETCH_LIMIT = 20;
/** Earlier turns passed to the answerer: enough for "and what about them?", bounded for the prompt. */
export const MAX_HISTORY_TURNS = 8;
const MAX_TURN_CHARS = 1_500;

/** The question a message asks: its text without mentions of the bot (user or its managed role). */
export function questionText(content: string, botId: string, botRoleIds: readonly string[] = []): string {
  const ids = [botId, ...botRoleIds].join('|');
  return content.replace(new RegExp(`<@[!&]?(?:${ids})>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * What a message contributes to the conversation, or undefined (notices, other
 * bots, partial answers). The bot's answers are read back as the plain text the
 * answerer wrote — escapes undone, bold dropped — so the model never sees Discord Markdown.
 */
export function turnOf(message: Pick<Message, 'author' | 'system' | 'content' | 'embeds'>, botId: string): ConversationTurn | undefined {
  if (message.author.id === botId) {
    const answer = message.embeds
      .filter((embed) => embed.title !== SOURCES_TITLE && !embed.footer?.text.startsWith('Answering'))
      .map((embed) => plainTextOf(embed.description ?? ''))
      .join('\n')
      .trim();
    return answer ? { role: 'assistant', content: answer.slice(0, MAX_TURN_CHARS) } : undefined;
  }
  if (message.author.bot || message.system) return undefined;
  const question = questionText(message.content, botId);
  return question ? { role: 'user', content: question.slice(0, MAX_TURN_CHARS) } : undefined;
}

/**
 * The conversation before `current` in a thread (or DM), oldest first: the
 * thread's starter message (the first question, which lives in the parent
 * channel), then what was said since — the bot's answers as assistant turns,
 * people's messages as user turns.
 */
export async function conversationHistory(channel: TextBasedChannel, current: Message, botId: string): Promise<ConversationTurn[]> {
  const earlier = await channel.messages.fetch({ limit: HISTORY_FETCH_LIMIT, before: current.id });
  const messages = [...earlier.values()].sort((a, b) => a.createdTimestamp - b.createdTimestamp);
  if (channel.isThread()) {
    const starter = await channel.fetchStarterMessage().catch(() => null);
    if (starter && !messages.some((m) => m.id === starter.id)) messages.unshift(starter);
  }
  const turns = messages.map((message) => turnOf(message, botId)).filter((turn): turn is ConversationTurn => turn !== undefined);
  return turns.slice(-MAX_HISTORY_TURNS);
}
