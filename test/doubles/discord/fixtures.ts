import {
  ChannelType,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildHubType,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  PermissionFlagsBits,
  type APIDMChannel,
  type APIGuildMember,
  type APIRole,
  type APITextChannel,
  type APIThreadChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';

/**
 * Fixed ids, so a test can name the guild, the channel or Alice without asking
 * the double. Guild ids are chosen so that with 2 shards the main guild lands on
 * shard 0 and the second guild on shard 1 (`(id >> 22) % shards`).
 */
export const FIXTURE_IDS = {
  application: '1010000000000000001',
  /** The bot user's id is the application's id, as for every Discord app made since 2021. */
  bot: '1010000000000000001',
  alice: '1010000000000000011',
  bob: '1010000000000000012',
  otherBot: '1010000000000000013',
  guild: '1010000000000000100',
  general: '1010000000000000200',
  moderatorsRole: '1010000000000000400',
  botRole: '1010000000000000401',
  aliceDm: '1010000000000000301',
  bobDm: '1010000000000000302',
  secondGuild: '1020000000000000100',
  secondGeneral: '1020000000000000200',
} as const;

/** The names a test uses to pick who acts: `user: 'bob'`. */
export type FixtureUserName = 'alice' | 'bob' | 'otherBot';

/** A moment before any test, so fixture objects look old and created ids look new. */
const JOINED_AT = '2024-01-01T00:00:00.000Z';

/** What people may do in the guild: read, write, thread, embed — not ping @everyone. */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;

/** The bot's managed role adds what a bot that threads its answers needs. */
export const BOT_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageThreads | PermissionFlagsBits.ManageMessages;

function user(id: string, username: string, globalName: string | null, bot = false): APIUser {
  return { id, username, discriminator: '0', global_name: globalName, avatar: null, ...(bot ? { bot: true } : {}) };
}

/** The people and bots of the fixture world. */
export const USERS = {
  bot: user(FIXTURE_IDS.bot, 'corpus-bot', null, true),
  alice: user(FIXTURE_IDS.alice, 'alice', 'Alice'),
  bob: user(FIXTURE_IDS.bob, 'bob', 'Bob'),
  otherBot: user(FIXTURE_IDS.otherBot, 'other-bot', null, true),
} satisfies Record<string, APIUser>;

function role(id: string, name: string, position: number, permissions: bigint, managed = false): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(managed ? { tags: { bot_id: FIXTURE_IDS.bot } } : {}),
  };
}

/** A guild member, as Discord sends it in GUILD_CREATE and interactions. */
export function member(of: APIUser, roles: string[] = []): APIGuildMember {
  return {
    user: of,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: JOINED_AT,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** A plain text channel (type 0) in a guild; threads can be started from its messages. */
export function textChannel(id: string, guildId: string, name: string, position = 0): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    default_auto_archive_duration: 1440,
    flags: 0 as ChannelFlags,
  };
}

/** The DM channel (type 1) between the bot and one person. */
export function dmChannel(id: string, recipient: APIUser): APIDMChannel {
  return { id, type: ChannelType.DM, recipients: [recipient], last_message_id: null, flags: 0 as ChannelFlags, name: null };
}

/** One guild of the fixture world: its identity, channels, roles and members. */
export interface GuildFixture {
  id: string;
  name: string;
  ownerId: string;
  channels: APITextChannel[];
  roles: APIRole[];
  members: APIGuildMember[];
}

/** The main guild: #general, @everyone, Moderators, the bot's role; Alice (owner, moderator), Bob, the bot and another bot. */
export function mainGuild(): GuildFixture {
  const id = FIXTURE_IDS.guild;
  return {
    id,
    name: 'Statement Readers',
    ownerId: FIXTURE_IDS.alice,
    channels: [textChannel(FIXTURE_IDS.general, id, 'general')],
    roles: [
      role(id, '@everyone', 0, MEMBER_PERMISSIONS),
      role(FIXTURE_IDS.moderatorsRole, 'Moderators', 1, MEMBER_PERMISSIONS | PermissionFlagsBits.ManageMessages),
      role(FIXTURE_IDS.botRole, 'corpus-bot', 2, BOT_PERMISSIONS, true),
    ],
    members: [
      member(USERS.alice, [FIXTURE_IDS.moderatorsRole]),
      member(USERS.bob),
      member(USERS.bot, [FIXTURE_IDS.botRole]),
      member(USERS.otherBot),
    ],
  };
}

/** A second guild (on shard 1 of 2) for sharding tests: one channel, Bob and the bot. */
export function secondGuild(): GuildFixture {
  const id = FIXTURE_IDS.secondGuild;
  return {
    id,
    name: 'Second Reading Room',
    ownerId: FIXTURE_IDS.bob,
    channels: [textChannel(FIXTURE_IDS.secondGeneral, id, 'general')],
    roles: [role(id, '@everyone', 0, MEMBER_PERMISSIONS), role('1020000000000000401', 'corpus-bot', 1, BOT_PERMISSIONS, true)],
    members: [member(USERS.bob), member(USERS.bot, ['1020000000000000401'])],
  };
}

/** The GUILD_CREATE payload for a guild, with its current channels and active threads. */
export function guildCreatePayload(guild: GuildFixture, threads: APIThreadChannel[]): GatewayGuildCreateDispatchData {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: guild.roles,
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    approximate_member_count: guild.members.length,
    approximate_presence_count: 0,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null as GuildHubType | null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: JOINED_AT,
    large: false,
    unavailable: false,
    member_count: guild.members.length,
    voice_states: [],
    members: guild.members,
    channels: guild.channels,
    threads,
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
