import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  Partials,
  Routes,
  TextInputBuilder,
  TextInputStyle,
  type Interaction,
  type Message,
} from 'discord.js';
import { FIXTURE_IDS, ImpossibleInteractionError, failOnUnhandledRejections, match, startDiscordDouble, type DiscordDouble, type DiscordDoubleOptions } from './discord/index.js';

failOnUnhandledRejections();

const NO_PINGS = { parse: [] as never[] };

/** Starts a double and a real discord.js client logged in to it; always cleans both up. */
async function withBot(
  options: DiscordDoubleOptions & { intents?: GatewayIntentBits[] },
  run: (double: DiscordDouble, client: Client) => Promise<void>,
): Promise<void> {
  const double = await startDiscordDouble(options);
  const client = new Client({
    intents: options.intents ?? [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: double.apiBase },
  });
  try {
    const ready = once(client, Events.ClientReady);
    await client.login(double.token);
    await ready;
    await run(double, client);
  } finally {
    await client.destroy();
    await double.close();
  }
}

/** Resolves with the next interaction the client emits that passes `filter`. */
function nextInteraction<T extends Interaction>(client: Client, filter: (interaction: Interaction) => interaction is T): Promise<T> {
  return new Promise((resolve) => {
    const listener = (interaction: Interaction): void => {
      if (!filter(interaction)) return;
      client.off(Events.InteractionCreate, listener);
      resolve(interaction);
    };
    client.on(Events.InteractionCreate, listener);
  });
}

test('GIVEN the real discord.js client WHEN it logs in THEN clientReady comes with the guild, its channel and members cached', async () => {
  await withBot({}, async (double, client) => {
    const guild = client.guilds.cache.get(FIXTURE_IDS.guild);
    assert.ok(guild, 'main guild cached');
    assert.equal(client.user?.id, FIXTURE_IDS.bot);
    assert.equal(client.application?.id, FIXTURE_IDS.application);
    assert.equal(guild.channels.cache.get(FIXTURE_IDS.general)?.name, 'general');
    assert.ok(guild.members.cache.has(FIXTURE_IDS.alice));
    assert.ok(guild.roles.everyone);
    assert.equal(double.gateway.sessions[0]?.intents !== undefined, true);
    assert.deepEqual(double.requests.map((r) => `${r.method} ${r.path}`), ['GET /gateway/bot']);
    double.assertClean();
  });
});

test('GIVEN a wrong bot token THEN REST answers 401 and login fails', async () => {
  const double = await startDiscordDouble();
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: double.apiBase } });
  try {
    await assert.rejects(client.login('not-the-token'), /token/i);
    assert.equal(double.requests[0]?.status, 401);
  } finally {
    await client.destroy();
    await double.close();
  }
});

test('GIVEN a slash command WHEN the bot defers then edits THEN the double records callback 5 and the edited @original', async () => {
  await withBot({}, async (double, client) => {
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const question = interaction.options.getString('question', true);
      const private_ = interaction.options.getBoolean('private');
      const limit = interaction.options.getInteger('limit');
      await interaction.editReply({ content: `Q: ${question} (${private_}, ${limit})`, allowedMentions: NO_PINGS });
      await interaction.followUp({ content: 'and one more thing', allowedMentions: NO_PINGS });
    });
    const sent = double.sendSlashCommand({ name: 'ask', options: { question: 'What about <@1010000000000000012>?', private: true, limit: 3 } });
    const callback = await double.waitForInteractionResponse(sent.id);
    assert.equal(callback.type, 5);
    assert.ok(callback.afterMs < 3000);
    await double.waitForRequest(match.followUp(sent.token));
    const original = double.originalResponse(sent.token);
    assert.equal(original?.content, 'Q: What about <@1010000000000000012>? (true, 3)');
    assert.equal((original?.flags ?? 0) & MessageFlags.Ephemeral, MessageFlags.Ephemeral, 'still ephemeral');
    assert.equal((original?.flags ?? 0) & MessageFlags.Loading, 0, 'no longer thinking');
    assert.deepEqual(original?.allowed_mentions, NO_PINGS);
    assert.deepEqual(original?.mentions, [], 'nobody pinged');
    const [followUp] = double.followUps(sent.token);
    assert.equal(followUp?.content, 'and one more thing');
    assert.equal(double.sentMessageBodies().length, 2);
    double.assertClean();
  });
});

test('GIVEN a reply with buttons WHEN a user clicks one THEN the custom id round-trips and update() edits that message', async () => {
  await withBot({}, async (double, client) => {
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('page:abc:2').setLabel('Next').setStyle(ButtonStyle.Primary),
          new ButtonBuilder().setCustomId('page:abc:0').setLabel('Previous').setStyle(ButtonStyle.Secondary).setDisabled(true),
        );
        await interaction.reply({ content: 'Page 1', components: [row], allowedMentions: NO_PINGS });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `Page for ${interaction.customId}`, components: [], allowedMentions: NO_PINGS });
      }
    });
    const command = double.sendSlashCommand({ name: 'search', options: { query: 'war' } });
    await double.waitForInteractionResponse(command.id);
    const posted = double.originalResponse(command.token)!;
    assert.throws(() => double.clickButton({ message: posted, customId: 'page:abc:0' }), ImpossibleInteractionError, 'disabled buttons cannot be clicked');
    assert.throws(() => double.clickButton({ message: posted, customId: 'nope' }), /has: page:abc:2, page:abc:0/);

    const click = double.clickButton({ message: posted, customId: 'page:abc:2', user: 'bob' });
    const callback = await double.waitForInteractionResponse(click.id);
    assert.equal(callback.type, 7);
    assert.equal(double.message(posted.id)?.content, 'Page for page:abc:2');
    assert.deepEqual(double.message(posted.id)?.components, []);
    assert.equal(double.originalResponse(click.token)?.id, posted.id, "a component's @original is its message");
    assert.equal(double.messageVersions(posted.id).length, 2);
    double.assertClean();
  });
});

test('GIVEN an autocomplete request THEN respond() choices are recorded', async () => {
  await withBot({}, async (double, client) => {
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const focused = interaction.options.getFocused(true);
      await interaction.respond([{ name: `Statement about ${focused.value}`, value: `${focused.name}:1` }]);
    });
    const sent = double.sendAutocomplete({ name: 'statement', options: { statement: 'clim' }, focused: 'statement' });
    const callback = await double.waitForInteractionResponse(sent.id);
    assert.equal(callback.type, 8);
    assert.deepEqual(double.interaction(sent.id).autocompleteChoices, [{ name: 'Statement about clim', value: 'statement:1' }]);
    double.assertClean();
  });
});

test('GIVEN too many autocomplete choices THEN the double refuses them like Discord and assertClean lists it', async () => {
  await withBot({}, async (double, client) => {
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const choices = Array.from({ length: 26 }, (_, i) => ({ name: `choice ${i}`, value: String(i) }));
      // discord.js validates choices itself; go around it to reach the API as a raw client would.
      await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 8, data: { choices } }, auth: false }).catch((error: unknown) => errors.push(error));
    });
    const sent = double.sendAutocomplete({ name: 'statement', options: { statement: 'x' }, focused: 'statement' });
    await double.waitFor(() => errors.length > 0);
    assert.equal((errors[0] as DiscordAPIError).code, 50035);
    assert.equal(double.interaction(sent.id).refusedCallbacks.length, 1);
    assert.throws(() => double.assertClean(), /choices Must be 25 or fewer|25 or fewer/);
  });
});

test('GIVEN a message mentioning the bot THEN the client sees it, starts a thread from it and posts in the thread', async () => {
  await withBot({}, async (double, client) => {
    client.on(Events.MessageCreate, async (message: Message) => {
      if (message.author.bot || !message.mentions.users.has(client.user!.id)) return;
      if ('sendTyping' in message.channel) await message.channel.sendTyping();
      const thread = await message.startThread({ name: 'Answer' });
      await thread.send({ content: 'An answer, in the thread', allowedMentions: NO_PINGS });
    });
    const question = double.postUserMessage({ content: 'what did they say about peace?', mentionBot: true, user: 'bob' });
    assert.equal(question.mentions[0]?.id, FIXTURE_IDS.bot);
    const [thread] = await double.waitFor(() => {
      const threads = double.threadsIn(FIXTURE_IDS.general);
      return threads.length > 0 && double.messagesIn(threads[0]!.id).length > 1 && threads;
    });
    assert.equal(thread!.id, question.id, 'a thread from a message takes its id');
    assert.equal(thread!.type, ChannelType.PublicThread);
    const [opener, answer] = double.messagesIn(thread!.id);
    assert.equal(opener?.type, 21, 'a thread from a message opens with THREAD_STARTER_MESSAGE');
    assert.equal(opener?.referenced_message?.content, 'what did they say about peace?'.replace(/^/, `<@${FIXTURE_IDS.bot}> `));
    assert.equal(answer?.content, 'An answer, in the thread');
    assert.equal(double.typingIn(FIXTURE_IDS.general).length, 1);
    assert.equal(client.channels.cache.get(thread!.id)?.isThread(), true, 'THREAD_CREATE reached the cache');

    // A follow-up in the thread reaches the bot with the thread as its channel.
    const seen = new Promise<Message>((resolve) => client.on(Events.MessageCreate, (message) => message.author.id === FIXTURE_IDS.bob && message.content === 'and later?' && resolve(message)));
    double.postUserMessage({ content: 'and later?', channelId: thread!.id, user: 'bob' });
    const followUp = await seen;
    assert.equal(followUp.channelId, thread!.id);
    assert.equal(followUp.content, 'and later?');
    double.assertClean();
  });
});

test('GIVEN no MessageContent intent THEN content only reaches the bot when it is mentioned', async () => {
  await withBot({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] }, async (double, client) => {
    const contents: string[] = [];
    client.on(Events.MessageCreate, (message) => void contents.push(message.content));
    double.postUserMessage({ content: 'just chatting' });
    double.postUserMessage({ content: 'hello bot', mentionBot: true });
    await double.waitFor(() => contents.length === 2);
    assert.deepEqual(contents, ['', `<@${FIXTURE_IDS.bot}> hello bot`]);
  });
});

test('GIVEN a DM THEN the message reaches the bot in the DM channel and its reply lands there', async () => {
  await withBot({}, async (double, client) => {
    client.on(Events.MessageCreate, async (message) => {
      if (message.author.bot) return;
      await message.reply({ content: 'hi in DM', allowedMentions: { repliedUser: false, parse: [] } });
    });
    double.postUserMessage({ content: 'hello', dm: true, user: 'alice' });
    const replies = await double.waitFor(() => {
      const list = double.messagesIn(FIXTURE_IDS.aliceDm).filter((m) => m.author.id === FIXTURE_IDS.bot);
      return list.length > 0 && list;
    });
    assert.equal(replies[0]?.content, 'hi in DM');
    assert.equal(replies[0]?.referenced_message?.content, 'hello');
    assert.deepEqual(replies[0]?.mentions, [], 'repliedUser: false pings nobody');
    double.assertClean();
  });
});

test('GIVEN a RECONNECT (op 7) THEN the client RESUMEs on the resume URL, gets missed events, and a later interaction still works', async () => {
  await withBot({}, async (double, client) => {
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'pong', allowedMentions: NO_PINGS });
    });
    const drop = double.dropGateway({ reconnect: true });
    // Sent while the client is reconnecting: replayed after RESUME.
    const during = double.sendSlashCommand({ name: 'ping' });
    await drop;
    await double.waitForInteractionResponse(during.id);
    const resumedOn = double.gateway.connections.at(-1);
    assert.equal(resumedOn?.path, '/resume');
    assert.equal(resumedOn?.outcome, 'resumed');
    assert.equal(double.gateway.sessions.length, 1, 'no second IDENTIFY');
    assert.ok(client.isReady());

    const after = double.sendSlashCommand({ name: 'ping' });
    assert.equal((await double.waitForInteractionResponse(after.id)).type, 4);
    assert.equal(double.originalResponse(after.token)?.content, 'pong');

    // A dropped socket (no close frame) also resumes.
    await double.dropGateway({ terminate: true });
    assert.equal(double.gateway.sessions[0]?.resumes, 2);
    double.assertClean();
  });
});

test('GIVEN a 429 on an edit THEN discord.js waits retry_after, retries, and the edit lands', async () => {
  await withBot({}, async (double, client) => {
    const done = new Promise<void>((resolve, reject) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        try {
          await interaction.deferReply();
          await interaction.editReply({ content: 'final answer', allowedMentions: NO_PINGS });
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
    const sent = double.sendSlashCommand({ name: 'ask', options: { question: 'q' } });
    double.rateLimitNext(match.editOriginal(sent.token), 0.2);
    await done;
    const edits = double.requests.filter((r) => toMatch(r, `PATCH /webhooks/${FIXTURE_IDS.application}/${sent.token}/messages/@original`));
    assert.deepEqual(edits.map((r) => r.status), [429, 200]);
    assert.ok(edits[1]!.at - edits[0]!.at >= 200, 'waited for retry_after');
    assert.equal(double.originalResponse(sent.token)?.content, 'final answer');
    double.assertClean();
  });
});

function toMatch(request: { method: string; path: string }, line: string): boolean {
  return `${request.method} ${request.path}` === line;
}

test('GIVEN 500s THEN one is retried by discord.js and four reach the bot as an error', async () => {
  await withBot({}, async (double, client) => {
    const channel = client.channels.cache.get(FIXTURE_IDS.general);
    assert.ok(channel?.isSendable());
    double.failNext(match.sendMessage(FIXTURE_IDS.general), 500);
    const sent = await channel.send({ content: 'survives one 500', allowedMentions: NO_PINGS });
    assert.equal(double.message(sent.id)?.content, 'survives one 500');

    double.failNext(match.sendMessage(FIXTURE_IDS.general), 500, { times: 4 });
    await assert.rejects(channel.send({ content: 'lost', allowedMentions: NO_PINGS }), (error: Error & { status?: number }) => error.status === 500);
    assert.equal(double.messagesIn(FIXTURE_IDS.general).length, 1);
    double.assertClean();
  });
});

test('GIVEN a message with a file THEN the multipart payload_json is parsed and the file becomes an attachment', async () => {
  await withBot({}, async (double, client) => {
    const channel = client.channels.cache.get(FIXTURE_IDS.general);
    assert.ok(channel?.isSendable());
    const sent = await channel.send({ content: 'the full text', files: [{ attachment: Buffer.from('statement text'), name: 'statement.txt' }], allowedMentions: NO_PINGS });
    const request = double.requests.at(-1)!;
    assert.match(request.headers['content-type'] ?? '', /^multipart\/form-data/);
    assert.equal((request.body as { content?: string }).content, 'the full text');
    assert.deepEqual(request.files.map((f) => [f.filename, f.size]), [['statement.txt', 14]]);
    assert.deepEqual(double.message(sent.id)?.attachments.map((a) => a.filename), ['statement.txt']);
    assert.equal(sent.attachments.first()?.name, 'statement.txt');
    double.assertClean();
  });
});

test('GIVEN latency on a route THEN its answers are delayed and others are not', async () => {
  await withBot({}, async (double, client) => {
    const channel = client.channels.cache.get(FIXTURE_IDS.general);
    assert.ok(channel?.isSendable());
    const remove = double.setLatency(match.typing(), 150);
    const started = Date.now();
    await channel.sendTyping();
    assert.ok(Date.now() - started >= 150, 'a loaded machine can only make it slower');
    remove();
    await channel.sendTyping();
    // Not "the second came back in < 150 ms": a loaded machine can take that long anyway. The double says what it added.
    const typing = double.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/typing'));
    assert.deepEqual(typing.map((r) => r.latencyMs), [150, undefined]);
    assert.ok(typing[0]!.answeredAt! - typing[0]!.at >= 150);
    double.assertClean();
  });
});

test('GIVEN an endpoint the double does not know THEN it answers 404 and assertClean throws naming it', async () => {
  await withBot({}, async (double, client) => {
    await assert.rejects(client.rest.get(Routes.guildBans(FIXTURE_IDS.guild)), DiscordAPIError);
    assert.equal(double.unknownRequests.length, 1);
    assert.throws(() => double.assertClean(), /GET \/guilds\/1010000000000000100\/bans/);
  });
});

test('GIVEN the bot registers commands THEN they are stored with ids and interactions use their option types and limits', async () => {
  await withBot({}, async (double, client) => {
    await client.application!.commands.set(
      [
        {
          name: 'ask',
          description: 'Ask the corpus',
          options: [
            { name: 'question', description: 'Your question', type: ApplicationCommandOptionType.String, required: true, maxLength: 500 },
            { name: 'organisation', description: 'Only this organisation', type: ApplicationCommandOptionType.String, autocomplete: true },
          ],
        },
        { name: 'Ask the corpus', type: ApplicationCommandType.Message },
      ],
      FIXTURE_IDS.guild,
    );
    const [ask, context] = double.registeredCommands(FIXTURE_IDS.guild);
    assert.equal(ask?.name, 'ask');
    assert.match(ask?.id ?? '', /^\d{17,20}$/);
    assert.equal(context?.type, ApplicationCommandType.Message);

    assert.throws(() => double.sendSlashCommand({ name: 'ask', options: {} }), /required option "question"/);
    assert.throws(() => double.sendSlashCommand({ name: 'ask', options: { question: 'x'.repeat(501) } }), /max_length 500/);
    assert.throws(() => double.sendSlashCommand({ name: 'help' }), /registered no command "help"/);
    assert.throws(() => double.sendSlashCommand({ name: 'ask', options: { question: 'q' }, dm: true }), /usable in DMs/, 'guild commands are not offered in DMs');
    assert.throws(() => double.sendAutocomplete({ name: 'ask', options: { question: 'q' }, focused: 'question' }), /has no autocomplete/);
    double.sendAutocomplete({ name: 'ask', options: { organisation: 'IC' }, focused: 'organisation' });

    const received = nextInteraction(client, (i): i is Interaction & { commandId: string } => i.isChatInputCommand());
    double.sendSlashCommand({ name: 'ask', options: { question: 'peace?' } });
    assert.equal((await received).commandId, ask?.id);

    // A bad definition is refused the way Discord refuses it.
    await assert.rejects(client.application!.commands.set([{ name: 'Bad Name', description: 'x' }], FIXTURE_IDS.guild), DiscordAPIError);
    assert.throws(() => double.assertClean(), /invalid command definitions/);
  });
});

test('GIVEN a message context-menu command THEN the target message is resolved for the bot', async () => {
  await withBot({}, async (double, client) => {
    const target = double.postUserMessage({ content: 'What is imperialism?', user: 'bob' });
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isMessageContextMenuCommand()) return;
      await interaction.reply({ content: `You asked: ${interaction.targetMessage.content}`, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    });
    const sent = double.sendMessageCommand({ name: 'Ask the corpus', target });
    await double.waitForInteractionResponse(sent.id);
    assert.equal(double.originalResponse(sent.token)?.content, 'You asked: What is imperialism?');
    double.assertClean();
  });
});

test('GIVEN a modal THEN its submission mirrors the fields the bot asked for', async () => {
  await withBot({}, async (double, client) => {
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const modal = new ModalBuilder().setCustomId('feedback').setTitle('Feedback');
        modal.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(new TextInputBuilder().setCustomId('why').setLabel('Why?').setStyle(TextInputStyle.Paragraph)));
        await interaction.showModal(modal);
      } else if (interaction.isModalSubmit()) {
        await interaction.reply({ content: `Thanks: ${interaction.fields.getTextInputValue('why')}`, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      }
    });
    const command = double.sendSlashCommand({ name: 'feedback' });
    assert.equal((await double.waitForInteractionResponse(command.id)).type, 9);
    const submit = double.submitModal({ interactionId: command.id, values: { why: 'missing source' } });
    await double.waitForInteractionResponse(submit.id);
    assert.equal(double.originalResponse(submit.token)?.content, 'Thanks: missing source');
    double.assertClean();
  });
});

test('GIVEN a callback after the deadline THEN Discord answers 10062 and the interaction counts as failed', async () => {
  await withBot({ interactionDeadlineMs: 100 }, async (double, client) => {
    const errors: DiscordAPIError[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
      await interaction.deferReply().catch((error: DiscordAPIError) => errors.push(error));
    });
    const slow = double.sendSlashCommand({ name: 'slow' });
    await double.waitFor(() => errors.length === 1);
    assert.equal(errors[0]?.code, 10062);
    assert.deepEqual(double.failedInteractions().map((r) => r.id), [slow.id]);
    assert.throws(() => double.assertClean(), /This interaction failed/);
  });
});

test('GIVEN an expired interaction token THEN editReply gets 401 Invalid Webhook Token (50027)', async () => {
  await withBot({}, async (double, client) => {
    const errors: DiscordAPIError[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      double.expireInteractionToken(interaction.token);
      await interaction.editReply({ content: 'too late', allowedMentions: NO_PINGS }).catch((error: DiscordAPIError) => errors.push(error));
    });
    double.sendSlashCommand({ name: 'ask', options: { question: 'q' } });
    await double.waitFor(() => errors.length === 1);
    assert.deepEqual([errors[0]?.status, errors[0]?.code], [401, 50027]);
    assert.ok(client.token, 'a webhook 401 does not cost the bot its token');
    double.assertClean();
  });
});

test('GIVEN a revoked bot token THEN REST calls with it get 401 and discord.js drops it, while interaction webhooks still work', async () => {
  await withBot({}, async (double, client) => {
    const revoked = double.token;
    double.revokeToken();
    assert.notEqual(double.token, revoked, 'a new token is the valid one');
    const sent = await client.rest.post(Routes.channelMessages(FIXTURE_IDS.general), { body: { content: 'hello', allowed_mentions: NO_PINGS } }).catch((error: unknown) => error);
    assert.ok(sent instanceof DiscordAPIError && sent.status === 401);
    await assert.rejects(client.rest.get(Routes.gatewayBot()), /Expected token to be set/, 'discord.js forgot the token');
    const command = double.sendSlashCommand({ name: 'help' });
    const interaction = await nextInteraction(client, (i): i is ChatInputCommandInteraction => i.isChatInputCommand());
    await interaction.reply({ content: 'still here', allowedMentions: NO_PINGS });
    assert.equal((await double.waitForInteractionResponse(command.id)).type, 4);
    assert.ok(double.problemRequests.some((r) => r.status === 401), 'the 401 is listed as a bot mistake');
  });
});

test('GIVEN a revoked bot token with closeGateway THEN the session is closed with 4004 and discord.js does not reconnect', async () => {
  await withBot({}, async (double, client) => {
    const disconnected = once(client, Events.ShardDisconnect);
    double.revokeToken({ closeGateway: true });
    const [event] = (await disconnected) as [{ code: number }];
    assert.equal(event.code, 4004);
    assert.ok(double.gateway.sessions.every((session) => session.ended));
  });
});

test('GIVEN two shards THEN each IDENTIFYs, gets its own guild, and interactions reach the shard of their guild', async () => {
  const double = await startDiscordDouble({ secondGuild: true });
  const client = new Client({ intents: [GatewayIntentBits.Guilds], shards: [0, 1], shardCount: 2, rest: { api: double.apiBase } });
  try {
    const ready = once(client, Events.ClientReady);
    await client.login(double.token);
    await ready;
    assert.deepEqual(double.gateway.sessions.map((s) => s.shard), [[0, 2], [1, 2]]);
    assert.equal(client.guilds.cache.get(FIXTURE_IDS.guild)?.shardId, 0);
    assert.equal(client.guilds.cache.get(FIXTURE_IDS.secondGuild)?.shardId, 1);
    const received = nextInteraction(client, (i): i is Interaction => i.isChatInputCommand());
    double.sendSlashCommand({ name: 'help', user: 'bob', channelId: FIXTURE_IDS.secondGeneral });
    assert.equal((await received).guildId, FIXTURE_IDS.secondGuild);
    assert.equal(double.gateway.sessions[1]?.events.at(-1)?.t, 'INTERACTION_CREATE');
  } finally {
    await client.destroy();
    await double.close();
  }
});

test('GIVEN a member fetch THEN REQUEST_GUILD_MEMBERS is answered with a chunk', async () => {
  await withBot({}, async (double, client) => {
    const guild = client.guilds.cache.get(FIXTURE_IDS.guild)!;
    const members = await guild.members.fetch({ user: [FIXTURE_IDS.alice, FIXTURE_IDS.bob] });
    assert.deepEqual([...members.keys()].sort(), [FIXTURE_IDS.alice, FIXTURE_IDS.bob]);
    double.assertClean();
  });
});

test('GIVEN a thread someone else started from a message THEN the bot sees it, its history opens with the starter (type 21), and archiving works', async () => {
  await withBot({}, async (double, client) => {
    const question = double.postUserMessage({ content: 'Shall we discuss NATO?', user: 'bob' });
    const thread = double.startThread({ name: 'NATO', fromMessage: question.id, user: 'bob' });
    await double.waitFor(() => client.channels.cache.has(thread.id));
    double.postUserMessage({ content: 'What did they say?', channelId: thread.id, user: 'alice' });
    const channel = client.channels.cache.get(thread.id);
    assert.ok(channel?.isThread());
    const fetched = await channel.messages.fetch({ limit: 10 });
    const oldest = [...fetched.values()].at(-1)!;
    assert.equal(oldest.type, 21);
    assert.equal(oldest.content, '');
    assert.equal((await channel.fetchStarterMessage())?.content, 'Shall we discuss NATO?');
    await channel.setArchived(true);
    assert.equal((double.channel(thread.id) as { thread_metadata?: { archived: boolean } }).thread_metadata?.archived, true);
    double.assertClean();
  });
});

test('GIVEN a deferReply with withResponse THEN the callback response carries the loading message', async () => {
  await withBot({}, async (double, client) => {
    const responses: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.deferReply({ withResponse: true });
      responses.push(response.resource?.message?.id);
      await interaction.editReply({ content: 'done', allowedMentions: NO_PINGS });
    });
    const sent = double.sendSlashCommand({ name: 'ask', options: { question: 'q' } });
    await double.waitForRequest(match.editOriginal(sent.token));
    assert.equal(responses[0], double.originalResponse(sent.token)?.id);
    double.assertClean();
  });
});

test('GIVEN message bodies over Discord limits THEN the double answers 50035 with the path, as Discord does', async () => {
  await withBot({}, async (double, client) => {
    const channel = client.channels.cache.get(FIXTURE_IDS.general);
    assert.ok(channel?.isSendable());
    await assert.rejects(channel.send({ content: 'x'.repeat(2001), allowedMentions: NO_PINGS }), (error: DiscordAPIError) => error.code === 50035 && /content/.test(error.message));
    await assert.rejects(channel.send({ embeds: [{ description: 'd'.repeat(4097) }], allowedMentions: NO_PINGS }), (error: DiscordAPIError) => error.code === 50035);
    assert.equal(double.problemRequests.length, 2);
  });
});
