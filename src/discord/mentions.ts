import { ChannelType, type Message, type SendableChannels } from 'discord.js';
import { DMS_OFF_MESSAGE, runAsk, type AnswerSurface } from './ask-flow.js';
import type { BotContext } from './context.js';
import { conversationHistory, questionText } from './history.js';
import { SHUTTING_DOWN } from './router.js';
import { NO_MENTIONS, textPayload, type MessagePayload } from './payload.js';
import { editOptions, messageOptions } from './respond.js';
import { threadName } from './thread-name.js';

/** Discord shows "typing…" for 10 s per call; renew a little sooner. */
const TYPING_RENEW_MS = 8_000;
/** Threads the bot starts archive after a day without messages. */
const THREAD_AUTO_ARCHIVE_MINUTES = 1_440;

export const EMPTY_MENTION_REPLY = 'Ask me a question about the statements, e.g. "@me What do the statements say about the Taliban?" — or use /ask. /help shows more.';

/**
 * A message is a question when it mentions the bot (or its role), when it is
 * in a thread the bot started (a follow-up: no mention needed), or in a DM
 * (if DISCORD_ALLOW_DMS). Bots, webhooks and system messages are ignored.
 * Never throws: one catch for this surface.
 */
export async function handleMessage(message: Message, context: BotContext): Promise<void> {
  try {
    const me = message.client.user;
    if (message.author.bot || message.webhookId !== null || message.system || message.author.id === me.id) return;
    const inDm = message.channel.type === ChannelType.DM;
    const botRoles = message.guild?.roles.cache.filter((role) => role.tags?.botId === me.id).map((role) => role.id) ?? [];
    const mentioned = message.mentions.users.has(me.id) || botRoles.some((id) => message.mentions.roles.has(id));
    const inBotThread = message.channel.isThread() && (message.channel.ownerId === me.id || (await context.state.isBotThread(message.channelId)));
    if (!mentioned && !inBotThread && !inDm) return;

    if (context.isClosing()) {
      await message.reply({ content: SHUTTING_DOWN, allowedMentions: NO_MENTIONS });
      return;
    }
    if (inDm && !context.config.DISCORD_ALLOW_DMS) {
      await message.reply({ content: DMS_OFF_MESSAGE, allowedMentions: NO_MENTIONS });
      return;
    }
    const question = questionText(message.content, me.id, botRoles);
    if (question === '') {
      await message.reply({ content: EMPTY_MENTION_REPLY, allowedMentions: NO_MENTIONS });
      return;
    }
    const history = inBotThread || inDm ? await conversationHistory(message.channel, message, me.id) : [];
    await runAsk(context, { question }, messageSurface(message, question, context), { history });
  } catch (error) {
    context.log.error({ err: error, messageId: message.id, channelId: message.channelId }, 'handling a message failed');
    await message.reply({ content: 'Something went wrong while answering. It has been logged; please try again in a moment.', allowedMentions: NO_MENTIONS }).catch(() => undefined);
  }
}

/**
 * Answers to a message go in a thread started from it — or in place when it
 * is already in a thread or a DM, or the channel can't have threads. A typing
 * indicator runs until the first part of the answer shows.
 */
function messageSurface(message: Message, question: string, context: BotContext): AnswerSurface {
  let target: SendableChannels | undefined;
  let answer: Message | undefined;
  let typing: NodeJS.Timeout | undefined;
  const stopTyping = () => clearInterval(typing);

  // In place (thread, DM) the answer replies to the question, and still posts if the question was deleted.
  const send = async (payload: MessagePayload): Promise<Message> => {
    const channel = target ?? (message.channel as SendableChannels);
    const reply = channel.id === message.channelId ? { reply: { messageReference: message.id, failIfNotExists: false } } : {};
    return channel.send({ ...messageOptions(payload), ...reply });
  };
  const show = async (payload: MessagePayload): Promise<void> => {
    stopTyping();
    if (answer === undefined) answer = await send(payload);
    else await answer.edit(editOptions(payload));
  };

  return {
    userId: message.author.id,
    guildId: message.guildId,
    refuse: async (text) => void (await message.reply({ content: text, allowedMentions: NO_MENTIONS })),
    async acknowledge() {
      target = await answerChannel(message, question, context);
      const type = () => void target?.sendTyping().catch((err: unknown) => context.log.debug({ err }, 'typing indicator failed'));
      type();
      typing = setInterval(type, TYPING_RENEW_MS);
      typing.unref();
    },
    show,
    async more(payload) {
      await send(payload);
    },
    problem: (text) => show(textPayload(text)),
    async deliverLate(messages) {
      for (const payload of messages) await send(payload);
    },
    done: stopTyping,
  };
}

/** Where the answer goes: a new thread from the message, or the channel it is in. */
async function answerChannel(message: Message, question: string, context: BotContext): Promise<SendableChannels> {
  const channel = message.channel;
  if (channel.isThread() || channel.isDMBased() || !('threads' in channel)) return channel as SendableChannels;
  try {
    const thread = await message.startThread({ name: threadName(question, channel), autoArchiveDuration: THREAD_AUTO_ARCHIVE_MINUTES });
    await context.state.recordThread(thread.id, message.guildId, message.author.id);
    return thread;
  } catch (error) {
    context.log.warn({ err: error, channelId: message.channelId }, 'could not start a thread; answering in the channel');
    return channel as SendableChannels;
  }
}
