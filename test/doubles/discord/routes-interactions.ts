import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  type APIApplicationCommandOptionChoice,
  type APIMessageInteractionMetadata,
  type APIModalInteractionResponseCallbackData,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord-api-types/v10';
import type { DoubleMessage, MessageBody } from './messages.js';
import type { RecordedRequest } from './requests.js';
import type { Reply, Route } from './server.js';
import { autocompleteProblems, DISCORD_ERRORS, invalidFormBody, isEmptyMessage, messageBodyProblems, modalProblems } from './validate.js';
import type { InteractionCallbackRecord, InteractionRecord, World } from './world.js';

type Json = Record<string, unknown>;

/** Which callback types each interaction type accepts, as Discord enforces. */
const ALLOWED_CALLBACKS: Record<number, InteractionResponseType[]> = {
  [InteractionType.ApplicationCommand]: [InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource, InteractionResponseType.Modal],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

function metadataOf(record: InteractionRecord): APIMessageInteractionMetadata {
  const payload = record.payload as { user?: DoubleMessage['author']; member?: { user: DoubleMessage['author'] }; authorizing_integration_owners: Json };
  const user = payload.member?.user ?? payload.user!;
  const base = { id: record.id, user, authorizing_integration_owners: payload.authorizing_integration_owners };
  if (record.type === InteractionType.MessageComponent) {
    return { ...base, type: InteractionType.MessageComponent, interacted_message_id: record.sourceMessageId ?? '0' } as APIMessageInteractionMetadata;
  }
  return { ...base, type: record.type } as APIMessageInteractionMetadata;
}

/** The message type of an interaction's response: 20 for slash commands, 23 for context menus, 0 otherwise. */
function responseMessageType(record: InteractionRecord): MessageType {
  if (record.type !== InteractionType.ApplicationCommand) return MessageType.Default;
  const commandType = (record.payload.data as { type?: number } | undefined)?.type;
  return commandType === 1 ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand;
}

function channelIdOf(record: InteractionRecord): string {
  return (record.payload as { channel_id?: string }).channel_id ?? (record.payload as { channel?: { id: string } }).channel!.id;
}

function bodyProblems(body: Json, existing?: DoubleMessage, uploadedFiles = 0): Reply | undefined {
  const problems = messageBodyProblems(body, existing as unknown as Json);
  if (problems.length > 0) return { ...invalidFormBody(problems), problem: `invalid message body: ${problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; ')}` };
  if (isEmptyMessage(body, existing as unknown as Json, uploadedFiles)) return { ...DISCORD_ERRORS.emptyMessage, problem: 'empty message' };
  return undefined;
}

/** A message made by the app for an interaction (response or follow-up). */
function createAppMessage(world: World, record: InteractionRecord, body: MessageBody, type: MessageType): DoubleMessage {
  return world.createMessage(channelIdOf(record), world.botUser, body, {
    webhook_id: world.applicationId,
    application_id: world.applicationId,
    type,
    interaction_metadata: metadataOf(record),
  });
}

function callbackResult(record: InteractionRecord, type: InteractionResponseType, world: World): RESTPostAPIInteractionCallbackWithResponseResult {
  const message = record.originalMessageId ? world.messages.get(record.originalMessageId) : undefined;
  const showsMessage = type !== InteractionResponseType.ApplicationCommandAutocompleteResult && type !== InteractionResponseType.Modal;
  return {
    interaction: {
      id: record.id,
      type: record.type,
      ...(message && showsMessage
        ? {
            response_message_id: message.id,
            response_message_loading: ((message.flags ?? 0) & MessageFlags.Loading) !== 0,
            response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
          }
        : {}),
    },
    resource: { type, ...(message && showsMessage ? { message: stripDoubleFields(message) } : {}) },
  };
}

/** A message as Discord sends it back: without the double's own bookkeeping field. */
export function stripDoubleFields(message: DoubleMessage): DoubleMessage {
  const { allowed_mentions: _kept, ...wire } = message;
  return JSON.parse(JSON.stringify(wire));
}

function handleCallback(world: World, request: RecordedRequest, params: Record<string, string>, onChange: () => void): Reply {
  const record = world.interactions.get(params.interaction!);
  const now = Date.now();
  const body = (request.body ?? {}) as { type?: InteractionResponseType; data?: Json };
  const attempt: InteractionCallbackRecord = { type: body.type as InteractionResponseType, ...(body.data ? { data: body.data } : {}), at: now, afterMs: record ? now - record.createdAt : 0 };
  if (!record || record.token !== params.token) {
    return { ...DISCORD_ERRORS.unknownInteraction, problem: 'callback for an interaction the double never sent' };
  }
  const refuse = (reply: Reply, reason: string): Reply => {
    record.refusedCallbacks.push({ ...attempt, reason });
    onChange();
    return { ...reply, problem: `interaction ${record.id}: ${reason}` };
  };
  if (record.callback) return refuse(DISCORD_ERRORS.alreadyAcknowledged, 'acknowledged twice');
  if (attempt.afterMs > world.options.interactionDeadlineMs || record.expired) {
    return refuse(DISCORD_ERRORS.unknownInteraction, `callback ${attempt.afterMs} ms after INTERACTION_CREATE (deadline ${world.options.interactionDeadlineMs} ms): the user saw "This interaction failed"`);
  }
  if (!ALLOWED_CALLBACKS[record.type]?.includes(attempt.type)) {
    return refuse(invalidFormBody([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Callback type ${attempt.type} is not valid for interaction type ${record.type}` }]), `callback type ${attempt.type} is not valid here`);
  }
  const data = (body.data ?? {}) as Json;
  switch (attempt.type) {
    case InteractionResponseType.ChannelMessageWithSource: {
      const invalid = bodyProblems(data, undefined, request.files.length);
      if (invalid) return refuse(invalid, invalid.problem!);
      record.originalMessageId = createAppMessage(world, record, world.withAttachments(data as MessageBody, request.files), responseMessageType(record)).id;
      break;
    }
    case InteractionResponseType.DeferredChannelMessageWithSource: {
      const flags = (Number(data.flags ?? 0) & MessageFlags.Ephemeral) | MessageFlags.Loading;
      record.originalMessageId = createAppMessage(world, record, { flags }, responseMessageType(record)).id;
      break;
    }
    case InteractionResponseType.DeferredMessageUpdate:
    case InteractionResponseType.UpdateMessage: {
      if (!record.sourceMessageId) return refuse(invalidFormBody([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'No message to update' }]), 'update without a source message');
      if (attempt.type === InteractionResponseType.UpdateMessage) {
        const existing = world.messages.get(record.sourceMessageId);
        const invalid = bodyProblems(data, existing, request.files.length);
        if (invalid) return refuse(invalid, invalid.problem!);
        world.editMessage(record.sourceMessageId, world.withAttachments(data as MessageBody, request.files, existing));
      }
      record.originalMessageId = record.sourceMessageId;
      break;
    }
    case InteractionResponseType.ApplicationCommandAutocompleteResult: {
      const problems = autocompleteProblems(data);
      if (problems.length > 0) return refuse(invalidFormBody(problems), `invalid autocomplete result: ${problems.map((p) => p.message).join('; ')}`);
      record.autocompleteChoices = (data.choices ?? []) as APIApplicationCommandOptionChoice[];
      break;
    }
    case InteractionResponseType.Modal: {
      const problems = modalProblems(data);
      if (problems.length > 0) return refuse(invalidFormBody(problems), `invalid modal: ${problems.map((p) => p.message).join('; ')}`);
      record.modal = data as unknown as APIModalInteractionResponseCallbackData;
      break;
    }
    default:
      return refuse(invalidFormBody([{ path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Unsupported callback type ${attempt.type}` }]), `unsupported callback type ${attempt.type}`);
  }
  record.callback = attempt;
  onChange();
  if (request.query.with_response === 'true') return { status: 200, body: callbackResult(record, attempt.type, world) };
  return { status: 204 };
}

/** The interaction behind a webhook token, or the reply refusing it. */
function webhookRecord(world: World, params: Record<string, string>): InteractionRecord | Reply {
  const record = world.interactionsByToken.get(params.token!);
  if (!record) return { ...DISCORD_ERRORS.invalidWebhookToken, problem: 'webhook call with a token the double never issued' };
  if (params.app !== world.applicationId) return { ...DISCORD_ERRORS.unknownWebhook, problem: `webhook call for application ${params.app}` };
  // An expired token is a scripted condition the bot must handle, not a bot mistake.
  if (world.tokenExpired(record)) return DISCORD_ERRORS.invalidWebhookToken;
  return record;
}

function isReply(value: InteractionRecord | Reply): value is Reply {
  return 'status' in value;
}

/** The message a webhook path names: `@original` or one of the interaction's follow-ups. */
function webhookMessageId(record: InteractionRecord, messageParam: string): string | undefined {
  if (messageParam === '@original') return record.originalMessageId;
  if (messageParam === record.originalMessageId || record.followUpIds.includes(messageParam)) return messageParam;
  return undefined;
}

/** Routes for interaction callbacks and the interaction webhook (no bot token needed). */
export function interactionRoutes(world: World, onChange: () => void): Route[] {
  return [
    { method: 'POST', pattern: '/interactions/:interaction/:token/callback', auth: false, handle: (request, params) => handleCallback(world, request, params, onChange) },
    {
      method: 'GET',
      pattern: '/webhooks/:app/:token/messages/:message',
      auth: false,
      handle: (_request, params) => {
        const record = webhookRecord(world, params);
        if (isReply(record)) return record;
        const id = webhookMessageId(record, params.message!);
        const message = id ? world.messages.get(id) : undefined;
        return message ? { status: 200, body: stripDoubleFields(message) } : DISCORD_ERRORS.unknownMessage;
      },
    },
    {
      method: 'PATCH',
      pattern: '/webhooks/:app/:token/messages/:message',
      auth: false,
      handle: (request, params) => {
        const record = webhookRecord(world, params);
        if (isReply(record)) return record;
        const id = webhookMessageId(record, params.message!);
        const existing = id ? world.messages.get(id) : undefined;
        if (!id || !existing) return { ...DISCORD_ERRORS.unknownMessage, problem: `edit of ${params.message} before there is one` };
        const body = (request.body ?? {}) as Json;
        const invalid = bodyProblems(body, existing, request.files.length);
        if (invalid) return invalid;
        const edited = world.editMessage(id, world.withAttachments(body as MessageBody, request.files, existing), { clearLoading: true })!;
        onChange();
        return { status: 200, body: stripDoubleFields(edited) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/webhooks/:app/:token/messages/:message',
      auth: false,
      handle: (_request, params) => {
        const record = webhookRecord(world, params);
        if (isReply(record)) return record;
        const id = webhookMessageId(record, params.message!);
        if (!id || !world.messages.delete(id)) return DISCORD_ERRORS.unknownMessage;
        if (id === record.originalMessageId) delete record.originalMessageId;
        onChange();
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/webhooks/:app/:token',
      auth: false,
      handle: (request, params) => {
        const record = webhookRecord(world, params);
        if (isReply(record)) return record;
        if (!record.callback) return { ...DISCORD_ERRORS.unknownWebhook, problem: 'follow-up before the interaction was acknowledged' };
        const body = (request.body ?? {}) as Json;
        const invalid = bodyProblems(body, undefined, request.files.length);
        if (invalid) return invalid;
        const original = record.originalMessageId ? world.messages.get(record.originalMessageId) : undefined;
        let message: DoubleMessage;
        if (original && ((original.flags ?? 0) & MessageFlags.Loading) !== 0) {
          // After a defer, Discord turns the first follow-up into the "thinking" message (keeping its ephemerality).
          const { flags: _ignored, ...rest } = body as MessageBody;
          message = world.editMessage(original.id, world.withAttachments(rest, request.files, original), { clearLoading: true })!;
        } else {
          message = createAppMessage(world, record, world.withAttachments(body as MessageBody, request.files), MessageType.Default);
          record.followUpIds.push(message.id);
        }
        onChange();
        return request.query.wait === 'true' ? { status: 200, body: stripDoubleFields(message) } : { status: 204 };
      },
    },
  ];
}
