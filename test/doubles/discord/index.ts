/**
 * # The Discord double
 *
 * A small fake Discord on 127.0.0.1 — REST (`/api/v10/...`) and a Gateway
 * WebSocket on the same port — that the REAL discord.js v14 client talks to.
 * It keeps what users would see (messages per channel, each interaction's
 * original response and follow-ups, threads, registered commands), enforces
 * Discord's rules (bot token, 3 s to acknowledge, 15 min tokens, message and
 * command limits, callback types), and scripts faults (429, 5xx, latency,
 * gateway drops).
 *
 * ## Start, connect, finish
 * ```ts
 * import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
 * import { startDiscordDouble, failOnUnhandledRejections } from '../doubles/discord/index.js';
 *
 * failOnUnhandledRejections();                       // once per test file
 * const double = await startDiscordDouble();          // options: see DiscordDoubleOptions
 * const client = new Client({
 *   intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
 *   partials: [Partials.Channel],                      // DMs arrive in uncached channels, as on Discord
 *   rest: { api: double.apiBase },                     // http://127.0.0.1:PORT/api
 * });
 * const ready = once(client, Events.ClientReady);      // wait for clientReady, not login()
 * await client.login(double.token);
 * await ready;                                         // the main guild is cached by now
 * // ... test ...
 * double.assertClean();                                // throws listing anything that went wrong
 * await client.destroy();
 * await double.close();
 * ```
 * `double.env` gives DISCORD_TOKEN / DISCORD_CLIENT_ID / DISCORD_GUILD_ID / DISCORD_API_BASE for the bot's config.
 *
 * ## The fixture world (`double.ids`, `double.users`; also exported as FIXTURE_IDS, USERS)
 * - application = bot user `1010000000000000001` ("corpus-bot")
 * - guild `1010000000000000100` "Statement Readers": text channel #general `1010000000000000200`;
 *   roles @everyone (= guild id), Moderators `…400`, the bot's managed role `…401`
 * - users: alice `1010000000000000011` (owner, moderator), bob `…012`, otherBot `…013` (bot: true);
 *   all members of the guild with the bot
 * - DM channels (type 1): Alice `1010000000000000301`, Bob `1010000000000000302`
 * - `secondGuild: true` adds guild `1020000000000000100` (#general `1020000000000000200`) on shard 1 of 2
 *
 * ## Sending things to the bot (each returns at once; the client handles them asynchronously)
 * - `sendSlashCommand({ name, options?, subcommand?, user?, channelId?, dm? })` → `{ id, token, payload }`.
 *   Once the bot has PUT its commands, options are typed and checked against the definitions
 *   (unknown/required/choices/lengths/ranges throw `ImpossibleInteractionError`; `unchecked: true` skips).
 *   Without definitions, JS types decide: string, boolean, integer, number; `{ type, value }` forces one.
 *   A registered command is only offered where Discord's client would offer it: guild commands in their guild,
 *   `contexts`/`dm_permission` for DMs, `default_member_permissions`, autocomplete only on `autocomplete` options.
 *   Sending before any gateway session is up throws (wait for clientReady).
 *   A file for an attachment option: `options: { file: { attachment: { filename, content, contentType?, size? } } }` — it
 *   arrives in `resolved.attachments`, and its `url` (`http://127.0.0.1:PORT/cdn/attachments/…`, like Discord's CDN) serves
 *   the bytes with the declared content type; `size` may claim more than the bytes, to test size limits.
 *   `GET /robots.txt` answers 404 (nothing disallowed), for fetchers that ask before downloading.
 * - `sendAutocomplete({ name, options, focused })` (type 4; the focused value is sent as typed text)
 * - `clickButton({ message, customId, user? })` (type 3; the button must exist on that stored message and be enabled,
 *   so custom ids round-trip from what the bot posted) · `selectOption({ message, customId, values })`
 * - `sendMessageCommand({ name, target })` (type 2, command type 3, `target_id` + `resolved.messages`)
 * - `submitModal({ interactionId, values })` (type 5, mirrors the modal the bot showed for that interaction)
 * - `postUserMessage({ content, user?, channelId?, dm?, mentionBot?, replyTo? })` → the message; dispatches MESSAGE_CREATE
 *   (content blanked without the MessageContent intent unless it mentions the bot or is a DM, as on Discord)
 * - `startThread({ name, channelId?, user?, fromMessage?, private? })` (a thread the bot did not start; THREAD_CREATE)
 *   · `archiveThread(id, { locked? })` (THREAD_UPDATE; a later message unarchives it unless locked)
 * The bot's own messages come back to it as MESSAGE_CREATE/UPDATE too (it must ignore itself), and
 * MESSAGE_CREATE carries `channel_type` (discord.js needs it, with Partials.Channel, to see DMs).
 *
 * ## Threads, as on Discord
 * `message.startThread()` makes a thread (type 11) whose id IS the starter message's id; THREAD_CREATE is
 * dispatched; the thread's history opens with a THREAD_STARTER_MESSAGE (type 21, empty content, the starter
 * in `referenced_message`, authored by whoever started the thread) that is never dispatched. A thread
 * without a message posts a THREAD_CREATED notice (type 18) in the parent. Starting a thread from a
 * message in a thread, or twice from one message, is refused (50024, 160004).
 * `GET /channels/{id}/messages` pages newest first (limit/before/after/around) and never returns ephemerals.
 *
 * ## Reading what the user sees
 * - `waitForInteractionResponse(interactionId)` → the accepted callback `{ type, data, at, afterMs }`
 * - `interaction(id)` → record: `callback`, `refusedCallbacks`, `originalMessageId`, `followUpIds`,
 *   `autocompleteChoices`, `modal`, `sourceMessageId`
 * - `originalResponse(token)` (content, embeds, components, flags — 64 ephemeral, 128 loading while deferred — and
 *   `allowed_mentions`, a double-only field with what the bot sent) · `followUps(token)`
 * - `messagesIn(channelId)` (oldest first, ephemeral included) · `message(id)` · `messageVersions(id)` (every edit, timed)
 * - `threadsIn(channelId)` · `channel(id)` · `typingIn(channelId?)` · `registeredCommands(guildId?)`
 * - `sentMessageBodies()` (every create/edit body: for "allowed_mentions on every message"); stored messages carry
 *   Discord's `mentions`/`mention_roles`/`mention_everyone` as resolved under each body's allowed_mentions (a reply
 *   pings its target unless `replied_user` is false) · `failedInteractions()` ("This interaction failed")
 * - after a defer, the first follow-up replaces the "thinking" message (as on Discord) instead of adding one
 * - uploads: multipart `files[n]` become `attachments` on the stored message (filename, size); `request.files` lists them
 * - `requests` (method, decoded path, query, body incl. multipart `payload_json`, files, headers without
 *   Authorization, `at`, `route`, `status`, `response`), `unknownRequests`, `problemRequests`, `gateway.sessions/connections`
 * - `waitForRequest(matcher, timeoutMs?, { since? })`, `waitFor(() => value, timeoutMs?)`, `on('request', fn)`
 * - matchers: `match.editOriginal(token?)`, `match.callback(id?)`, `match.followUp()`, `match.sendMessage(channel?)`,
 *   `match.typing()`, `match.startThread()`, `match.putCommands()`; or `'PATCH /webhooks/*\/*\/messages/@original'`,
 *   a RegExp on `"METHOD /path"`, or a predicate
 *
 * ## Scripted faults
 * - `rateLimitNext(matcher, retryAfterSeconds = 0.25, { global? })` → 429 + Retry-After/X-RateLimit-*; discord.js waits and retries
 * - `failNext(matcher, status = 500, { times?, body? })` — discord.js retries 5xx 3 times itself: `times: 4` to reach the bot
 * - `setLatency(matcher, ms)` → remover (each delayed request records `latencyMs`) · `pendingFaults` (scripted, not yet fired)
 * - `expireInteractionToken(token)` → webhooks 401 `{code: 50027}`; callbacks after `interactionDeadlineMs` (3000) → 404 `{code: 10062}`
 * - `revokeToken({ closeGateway? })` → the bot token is reset: REST 401 for calls that need it, IDENTIFY/RESUME fail; `closeGateway` closes sessions with 4004
 * - `dropGateway({ reconnect: true } | { closeCode } | { terminate: true } | { invalidSession: true })` resolves when the client is back
 *
 * ## Strictness
 * Requests outside the known routes get 404 and are listed by `assertClean()`, along with invalid bodies
 * (Discord's limits: 2,000 content, 4,096 embed description, 25 fields, 6,000 per message, 80-char button labels,
 * 100-char custom ids, 25 autocomplete choices…), acknowledging twice or late, edits before a reply, interactions
 * never acknowledged within the deadline, and faults scripted but never triggered (`allow` tolerates categories).
 */
export { DiscordDouble, startDiscordDouble } from './double.js';
export type { CleanlinessCheck, SentMessageBody } from './double.js';
export type {
  Actor,
  AutocompleteInput,
  ButtonInput,
  MessageCommandInput,
  ModalSubmitInput,
  SelectInput,
  SentInteraction,
  SlashCommandInput,
  ThreadInput,
  UserMessageInput,
} from './senders.js';
export { FIXTURE_IDS, USERS, type FixtureUserName } from './fixtures.js';
export type { DropOptions, GatewayConnection, GatewaySession } from './gateway.js';
export { ImpossibleInteractionError, type OptionInput } from './interactions.js';
export type { DoubleMessage, MessageVersion } from './messages.js';
export { match, type RecordedRequest, type RequestMatcher } from './requests.js';
export { failOnUnhandledRejections } from './unhandled.js';
export { LIMITS } from './validate.js';
export type { DiscordDoubleOptions, InteractionCallbackRecord, InteractionRecord } from './world.js';
