import { ChannelType, GatewayDispatchEvents, MessageFlags, type APIChannel } from 'discord-api-types/v10';
import type { MessageBody } from './messages.js';
import { stripDoubleFields } from './routes-interactions.js';
import type { Route } from './server.js';
import { DISCORD_ERRORS, invalidFormBody, isEmptyMessage, messageBodyProblems } from './validate.js';
import type { World } from './world.js';

type Json = Record<string, unknown>;

/** Thread names are 1–100 characters. */
const THREAD_NAME_MAX_CHARS = 100;

/** One `typing` request: which channel, when. */
export interface TypingRecord {
  channelId: string;
  at: number;
}

function isThread(channel: APIChannel): boolean {
  return channel.type === ChannelType.PublicThread || channel.type === ChannelType.PrivateThread || channel.type === ChannelType.AnnouncementThread;
}

function threadNameProblem(name: unknown) {
  if (typeof name !== 'string' || name.length === 0 || name.length > THREAD_NAME_MAX_CHARS) {
    return invalidFormBody([{ path: ['name'], code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and ${THREAD_NAME_MAX_CHARS} in length.` }]);
  }
  return undefined;
}

/** Routes for channels, their messages, typing and threads (bot token needed). */
export function channelRoutes(world: World, typing: TypingRecord[], onChange: () => void): Route[] {
  const channelOr404 = (id: string) => world.channels.get(id);
  return [
    {
      method: 'GET',
      pattern: '/channels/:channel',
      auth: true,
      handle: (_request, { channel }) => {
        const found = channelOr404(channel!);
        return found ? { status: 200, body: found } : DISCORD_ERRORS.unknownChannel;
      },
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channel',
      auth: true,
      handle: (request, { channel }) => {
        const thread = channelOr404(channel!);
        if (!thread) return { ...DISCORD_ERRORS.unknownChannel, problem: `edit of unknown channel ${channel}` };
        if (!isThread(thread)) return { status: 403, body: { code: 50013, message: 'Missing Permissions' }, problem: 'the bot may only edit threads' };
        const body = (request.body ?? {}) as Json;
        if (body.name !== undefined) {
          const nameProblem = threadNameProblem(body.name);
          if (nameProblem) return { ...nameProblem, problem: 'thread name must be 1-100 characters' };
        }
        world.updateThread(thread.id, body);
        onChange();
        return { status: 200, body: world.channels.get(thread.id) };
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channel/messages',
      auth: true,
      handle: (request, { channel }) => {
        if (!channelOr404(channel!)) return DISCORD_ERRORS.unknownChannel;
        const { limit, before, after, around } = request.query;
        const page = world.messages.history(channel!, {
          ...(limit ? { limit: Number(limit) } : {}),
          ...(before ? { before } : {}),
          ...(after ? { after } : {}),
          ...(around ? { around } : {}),
        });
        return { status: 200, body: page.map(stripDoubleFields) };
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channel/messages/:message',
      auth: true,
      handle: (_request, { channel, message }) => {
        const found = world.messages.get(message!);
        return found && found.channel_id === channel && ((found.flags ?? 0) & MessageFlags.Ephemeral) === 0
          ? { status: 200, body: stripDoubleFields(found) }
          : DISCORD_ERRORS.unknownMessage;
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channel/messages',
      auth: true,
      handle: (request, { channel }) => {
        if (!channelOr404(channel!)) return { ...DISCORD_ERRORS.unknownChannel, problem: `send to unknown channel ${channel}` };
        const body = (request.body ?? {}) as Json;
        const problems = messageBodyProblems(body);
        if (problems.length > 0) return { ...invalidFormBody(problems), problem: `invalid message body: ${problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; ')}` };
        if (isEmptyMessage(body, undefined, request.files.length)) return { ...DISCORD_ERRORS.emptyMessage, problem: 'empty message' };
        // A bot cannot send ephemeral messages to a channel; Discord ignores the flag.
        const flags = Number(body.flags ?? 0) & ~MessageFlags.Ephemeral;
        const message = world.createMessage(channel!, world.botUser, world.withAttachments({ ...(body as MessageBody), flags }, request.files));
        onChange();
        return { status: 200, body: stripDoubleFields(message) };
      },
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channel/messages/:message',
      auth: true,
      handle: (request, { channel, message }) => {
        const existing = world.messages.get(message!);
        if (!existing || existing.channel_id !== channel) return { ...DISCORD_ERRORS.unknownMessage, problem: `edit of unknown message ${message}` };
        if (existing.author.id !== world.botUser.id) return { ...DISCORD_ERRORS.cannotEditOthersMessage, problem: 'edit of a message the bot did not write' };
        const body = (request.body ?? {}) as Json;
        const problems = messageBodyProblems(body, existing as unknown as Json);
        if (problems.length > 0) return { ...invalidFormBody(problems), problem: `invalid message body: ${problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; ')}` };
        if (isEmptyMessage(body, existing as unknown as Json, request.files.length)) return { ...DISCORD_ERRORS.emptyMessage, problem: 'edit would leave the message empty' };
        const edited = world.editMessage(message!, world.withAttachments(body as MessageBody, request.files, existing))!;
        onChange();
        return { status: 200, body: stripDoubleFields(edited) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channel/messages/:message',
      auth: true,
      handle: (_request, { channel, message }) => {
        const existing = world.messages.get(message!);
        if (!existing || existing.channel_id !== channel) return DISCORD_ERRORS.unknownMessage;
        world.messages.delete(message!);
        world.gateway.dispatch(GatewayDispatchEvents.MessageDelete, { id: message, channel_id: channel, ...(existing.guild_id ? { guild_id: existing.guild_id } : {}) }, existing.guild_id);
        onChange();
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channel/typing',
      auth: true,
      handle: (_request, { channel }) => {
        if (!channelOr404(channel!)) return { ...DISCORD_ERRORS.unknownChannel, problem: `typing in unknown channel ${channel}` };
        typing.push({ channelId: channel!, at: Date.now() });
        onChange();
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channel/messages/:message/threads',
      auth: true,
      handle: (request, { channel, message }) => {
        const parent = channelOr404(channel!);
        if (!parent) return { ...DISCORD_ERRORS.unknownChannel, problem: `thread in unknown channel ${channel}` };
        if (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement) {
          return { status: 400, body: { code: 50024, message: 'Cannot execute action on this channel type' }, problem: `thread started in a channel of type ${parent.type}` };
        }
        const starter = world.messages.get(message!);
        if (!starter || starter.channel_id !== channel) return { ...DISCORD_ERRORS.unknownMessage, problem: `thread from unknown message ${message}` };
        if (starter.thread || world.channels.has(starter.id)) return { ...DISCORD_ERRORS.threadAlreadyCreated, problem: 'second thread from one message' };
        const body = (request.body ?? {}) as Json;
        const nameProblem = threadNameProblem(body.name);
        if (nameProblem) return { ...nameProblem, problem: 'thread name must be 1-100 characters' };
        const thread = world.createThread(parent, body.name as string, {
          fromMessage: starter,
          ...(typeof body.auto_archive_duration === 'number' ? { autoArchiveMinutes: body.auto_archive_duration } : {}),
        });
        onChange();
        return { status: 201, body: thread };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channel/threads',
      auth: true,
      handle: (request, { channel }) => {
        const parent = channelOr404(channel!);
        if (!parent) return { ...DISCORD_ERRORS.unknownChannel, problem: `thread in unknown channel ${channel}` };
        if (parent.type !== ChannelType.GuildText) return { status: 400, body: { code: 50024, message: 'Cannot execute action on this channel type' }, problem: 'thread in a non-text channel' };
        const body = (request.body ?? {}) as Json;
        const nameProblem = threadNameProblem(body.name);
        if (nameProblem) return { ...nameProblem, problem: 'thread name must be 1-100 characters' };
        const type = body.type === ChannelType.PublicThread ? ChannelType.PublicThread : ChannelType.PrivateThread;
        const thread = world.createThread(parent, body.name as string, {
          type,
          ...(typeof body.auto_archive_duration === 'number' ? { autoArchiveMinutes: body.auto_archive_duration } : {}),
        });
        onChange();
        return { status: 201, body: thread };
      },
    },
    {
      method: 'PUT',
      pattern: '/channels/:channel/thread-members/@me',
      auth: true,
      handle: (_request, { channel }) => {
        const thread = channelOr404(channel!);
        return thread && isThread(thread) ? { status: 204 } : { ...DISCORD_ERRORS.unknownChannel, problem: `join of unknown thread ${channel}` };
      },
    },
  ];
}
