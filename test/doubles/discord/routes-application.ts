import type { APIApplicationCommand, APIGatewayBotInfo } from 'discord-api-types/v10';
import { commandListProblems, registerCommands } from './commands.js';
import { guildCreatePayload } from './fixtures.js';
import type { Route } from './server.js';
import { DISCORD_ERRORS, invalidFormBody } from './validate.js';
import type { World } from './world.js';

/** What `GET /gateway/bot` reports of the session start limit: plenty, and no identify throttling. */
const SESSION_START_LIMIT = { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 16 };

/** Routes for the gateway URL, users, guilds and application commands. */
export function applicationRoutes(world: World, onChange: () => void): Route[] {
  const commandsFor = (guildId?: string): APIApplicationCommand[] => (guildId ? (world.guildCommands.get(guildId) ?? []) : world.globalCommands);

  const putCommands = (body: unknown, app: string, guildId?: string) => {
    if (app !== world.applicationId) return { ...DISCORD_ERRORS.unauthorized, problem: `commands for application ${app}` };
    if (guildId && !world.guild(guildId)) return { ...DISCORD_ERRORS.unknownGuild, problem: `commands for unknown guild ${guildId}` };
    const problems = commandListProblems(body);
    if (problems.length > 0) return { ...invalidFormBody(problems), problem: `invalid command definitions: ${problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; ')}` };
    const stored = registerCommands(body as Record<string, unknown>[], commandsFor(guildId), world.ids, world.applicationId, guildId);
    if (guildId) world.guildCommands.set(guildId, stored);
    else world.globalCommands.splice(0, world.globalCommands.length, ...stored);
    onChange();
    return { status: 200, body: stored };
  };

  return [
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: true,
      handle: () => ({
        status: 200,
        body: { url: world.gateway.url, shards: world.options.recommendedShards, session_start_limit: SESSION_START_LIMIT } satisfies APIGatewayBotInfo,
      }),
    },
    { method: 'GET', pattern: '/gateway', auth: false, handle: () => ({ status: 200, body: { url: world.gateway.url } }) },
    { method: 'GET', pattern: '/users/@me', auth: true, handle: () => ({ status: 200, body: world.botUser }) },
    {
      method: 'GET',
      pattern: '/users/:user',
      auth: true,
      handle: (_request, { user }) => {
        const found = world.users.get(user!);
        return found ? { status: 200, body: found } : DISCORD_ERRORS.unknownUser;
      },
    },
    {
      method: 'POST',
      pattern: '/users/@me/channels',
      auth: true,
      handle: (request) => {
        const recipient = world.users.get(String((request.body as { recipient_id?: string } | undefined)?.recipient_id));
        if (!recipient) return { ...DISCORD_ERRORS.unknownUser, problem: 'DM with an unknown user' };
        return { status: 200, body: world.dmChannelFor(recipient) };
      },
    },
    {
      method: 'GET',
      pattern: '/applications/@me',
      auth: true,
      handle: () => ({
        status: 200,
        body: { id: world.applicationId, name: world.botUser.username, icon: null, description: '', bot_public: true, bot_require_code_grant: false, verify_key: '0'.repeat(64), flags: 0, bot: world.botUser, team: null },
      }),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guild',
      auth: true,
      handle: (_request, { guild }) => {
        const found = world.guild(guild!);
        if (!found) return DISCORD_ERRORS.unknownGuild;
        const { members: _m, channels: _c, threads: _t, presences: _p, voice_states: _v, ...rest } = guildCreatePayload(found, []);
        return { status: 200, body: rest };
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guild/channels',
      auth: true,
      handle: (_request, { guild }) => {
        const found = world.guild(guild!);
        return found ? { status: 200, body: found.channels } : DISCORD_ERRORS.unknownGuild;
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guild/members/:user',
      auth: true,
      handle: (_request, { guild, user }) => {
        const member = world.guild(guild!)?.members.find((m) => m.user.id === user);
        return member ? { status: 200, body: member } : DISCORD_ERRORS.unknownMember;
      },
    },
    { method: 'GET', pattern: '/applications/:app/commands', auth: true, handle: () => ({ status: 200, body: world.globalCommands }) },
    { method: 'PUT', pattern: '/applications/:app/commands', auth: true, handle: (request, { app }) => putCommands(request.body, app!) },
    { method: 'GET', pattern: '/applications/:app/guilds/:guild/commands', auth: true, handle: (_request, { guild }) => ({ status: 200, body: commandsFor(guild) }) },
    { method: 'PUT', pattern: '/applications/:app/guilds/:guild/commands', auth: true, handle: (request, { app, guild }) => putCommands(request.body, app!, guild) },
  ];
}
