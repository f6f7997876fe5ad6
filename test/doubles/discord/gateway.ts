import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type ApplicationFlags,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  type APIGuildMember,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { sessionId as newSessionId, shardOf } from './ids.js';
import { waitUntil } from './wait.js';

/** What the gateway needs to know of the double's world. */
export interface GatewayWorld {
  /** The bot token accepted now (read on each IDENTIFY/RESUME: a test may revoke it). */
  readonly token: string;
  botUser: APIUser;
  applicationId: string;
  guildIds(): string[];
  guildCreate(guildId: string): GatewayGuildCreateDispatchData;
  members(guildId: string): APIGuildMember[];
}

/** One dispatched event, as kept for replay on RESUME. */
export interface GatewayEvent {
  s: number;
  t: string;
  d: unknown;
}

/** A gateway session: one IDENTIFY, its events and (while connected) its socket. */
export interface GatewaySession {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  events: GatewayEvent[];
  socket?: WebSocket;
  /** READY or RESUMED has been sent on the current socket. */
  live: boolean;
  /** Ended by the client (close 1000/1001) or invalidated; never resumed again. */
  ended: boolean;
  resumes: number;
}

/** One WebSocket connection the client opened. */
export interface GatewayConnection {
  /** `/` for the gateway URL, `/resume` for the resume URL. */
  path: string;
  query: Record<string, string>;
  at: number;
  /** What the client did on it: identified, resumed, or neither yet. */
  outcome?: 'identified' | 'resumed' | 'invalid-session' | 'auth-failed';
  closeCode?: number;
  heartbeats: number;
}

/** How to drop the connection in `dropGateway`. */
export interface DropOptions {
  /** Send op 7 RECONNECT (the client closes and RESUMEs on `resume_gateway_url`). Default when nothing else is chosen. */
  reconnect?: boolean;
  /** Close the socket with this code instead (4000 = resumable unknown error; 1000 makes the client identify afresh). */
  closeCode?: number;
  /** Cut the TCP connection without a close frame (client sees 1006 and resumes). */
  terminate?: boolean;
  /** Send op 9 INVALID_SESSION (d: false): the session is gone, the client must IDENTIFY again. */
  invalidSession?: boolean;
}

/** The intent an event needs to reach a session, if any. */
function intentFor(t: string, guildId: string | undefined): number | undefined {
  switch (t) {
    case GatewayDispatchEvents.GuildCreate:
    case GatewayDispatchEvents.ThreadCreate:
    case GatewayDispatchEvents.ThreadUpdate:
    case GatewayDispatchEvents.ThreadDelete:
    case GatewayDispatchEvents.ChannelCreate:
    case GatewayDispatchEvents.ChannelUpdate:
      return GatewayIntentBits.Guilds;
    case GatewayDispatchEvents.MessageCreate:
    case GatewayDispatchEvents.MessageUpdate:
    case GatewayDispatchEvents.MessageDelete:
      return guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
    default:
      return undefined;
  }
}

/**
 * Without the Message Content intent, Discord blanks content, embeds,
 * attachments and components of messages — except the bot's own, DMs, and
 * messages that mention the bot.
 */
function withoutContent(d: Record<string, unknown>, botId: string): Record<string, unknown> {
  const author = d.author as APIUser | undefined;
  const mentions = (d.mentions as APIUser[] | undefined) ?? [];
  if (!d.guild_id || author?.id === botId || mentions.some((user) => user.id === botId)) return d;
  return { ...d, content: '', embeds: [], attachments: [], components: [] };
}

/**
 * The Gateway WebSocket: HELLO, IDENTIFY → READY + GUILD_CREATE per guild of
 * the shard, heartbeat ACKs, RESUME with replay, REQUEST_GUILD_MEMBERS, and
 * scripted drops. Emits `change` whenever something happens (for waiters).
 */
export class GatewayServer extends EventEmitter {
  readonly sessions: GatewaySession[] = [];
  readonly connections: GatewayConnection[] = [];
  /** Opcodes the double does not handle, as received (tests fail on them via assertClean). */
  readonly unknownPayloads: unknown[] = [];
  /** Errors inside the double's gateway (bugs of the double; assertClean reports them). */
  readonly errors: unknown[] = [];
  readonly #wss = new WebSocketServer({ noServer: true });
  #url = '';

  constructor(
    private readonly world: GatewayWorld,
    private readonly heartbeatIntervalMs: number,
  ) {
    super();
  }

  /** Sets the base URL (`ws://127.0.0.1:PORT`) once the server listens. */
  setUrl(url: string): void {
    this.#url = url;
  }

  get url(): string {
    return this.#url;
  }

  get resumeUrl(): string {
    return `${this.#url}/resume`;
  }

  /** Takes over an HTTP upgrade on `/` or `/resume`; answers false for any other path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://double');
    if (url.pathname !== '/' && url.pathname !== '/resume') return false;
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#onConnection(ws, url));
    return true;
  }

  #onConnection(ws: WebSocket, url: URL): void {
    const connection: GatewayConnection = { path: url.pathname, query: Object.fromEntries(url.searchParams), at: Date.now(), heartbeats: 0 };
    this.connections.push(connection);
    let session: GatewaySession | undefined;
    ws.on('close', (code) => {
      connection.closeCode = code;
      if (session && session.socket === ws) {
        session.socket = undefined;
        session.live = false;
        // A client closing with 1000/1001 ends its session, as on Discord.
        if (code === 1000 || code === 1001) session.ended = true;
      }
      this.emit('change');
    });
    ws.on('error', () => undefined);
    if (connection.query.v !== '10') return ws.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
    if (connection.query.encoding !== 'json') return ws.close(GatewayCloseCodes.DecodeError, 'Only json encoding');
    this.#send(ws, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null });

    ws.on('message', (raw) => {
      try {
        this.#onPayload(ws, connection, raw.toString(), session, (started) => (session = started));
      } catch (error) {
        // A bug in the double must fail the test through assertClean, not crash the process.
        this.errors.push(error);
      }
      this.emit('change');
    });
  }

  /** Handles one payload from the client on a connection whose session (if any) is `current`. */
  #onPayload(ws: WebSocket, connection: GatewayConnection, raw: string, current: GatewaySession | undefined, setSession: (session: GatewaySession) => void): void {
    let session = current;
    let payload: { op?: number; d?: any };
    try {
      payload = JSON.parse(raw);
    } catch {
      return ws.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
    }
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        connection.heartbeats += 1;
        this.#send(ws, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        break;
      case GatewayOpcodes.Identify: {
        if (session) return ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
        if (payload.d?.token !== this.world.token) {
          connection.outcome = 'auth-failed';
          return ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
        }
        session = this.#identify(ws, payload.d);
        setSession(session);
        connection.outcome = 'identified';
        break;
      }
      case GatewayOpcodes.Resume: {
        const found = this.sessions.find((s) => s.id === payload.d?.session_id && !s.ended);
        if (!found || payload.d?.token !== this.world.token) {
          connection.outcome = 'invalid-session';
          this.#send(ws, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
          break;
        }
        session = found;
        setSession(found);
        connection.outcome = 'resumed';
        this.#resume(found, ws, Number(payload.d.seq));
        break;
      }
      case GatewayOpcodes.RequestGuildMembers:
        if (session) this.#memberChunk(session, payload.d);
        break;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        break;
      default:
        this.unknownPayloads.push(payload);
    }
  }

  #send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  #identify(ws: WebSocket, d: { intents?: number; shard?: [number, number] }): GatewaySession {
    const shard: [number, number] = d.shard ?? [0, 1];
    const session: GatewaySession = { id: newSessionId(), shard, intents: Number(d.intents ?? 0), seq: 0, events: [], socket: ws, live: false, ended: false, resumes: 0 };
    this.sessions.push(session);
    const guildIds = this.world.guildIds().filter((id) => shardOf(id, shard[1]) === shard[0]);
    const ready = {
      v: 10,
      user: this.world.botUser,
      guilds: guildIds.map((id) => ({ id, unavailable: true as const })),
      session_id: session.id,
      resume_gateway_url: this.resumeUrl,
      shard,
      application: { id: this.world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    } satisfies GatewayReadyDispatchData;
    this.#append(session, GatewayDispatchEvents.Ready, ready);
    session.live = true;
    this.#flush(session, session.seq - 1);
    if (session.intents & GatewayIntentBits.Guilds) {
      for (const id of guildIds) this.#deliver(session, GatewayDispatchEvents.GuildCreate, this.world.guildCreate(id));
    }
    return session;
  }

  #resume(session: GatewaySession, ws: WebSocket, fromSeq: number): void {
    session.socket?.terminate();
    session.socket = ws;
    session.resumes += 1;
    // Replay what the client missed, then RESUMED.
    this.#append(session, GatewayDispatchEvents.Resumed, {});
    session.live = true;
    this.#flush(session, fromSeq);
  }

  #memberChunk(session: GatewaySession, d: { guild_id?: string; user_ids?: string | string[]; query?: string; limit?: number; nonce?: string }): void {
    if (!d.guild_id) return;
    let members = this.world.members(d.guild_id);
    if (d.user_ids !== undefined) {
      const ids = new Set(Array.isArray(d.user_ids) ? d.user_ids : [d.user_ids]);
      members = members.filter((member) => member.user && ids.has(member.user.id));
    } else if (d.query) {
      const query = d.query.toLowerCase();
      members = members.filter((member) => member.user?.username.toLowerCase().startsWith(query));
    }
    if (d.limit) members = members.slice(0, d.limit);
    this.#deliver(session, GatewayDispatchEvents.GuildMembersChunk, {
      guild_id: d.guild_id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      ...(d.nonce ? { nonce: d.nonce } : {}),
    });
  }

  #append(session: GatewaySession, t: string, d: unknown): GatewayEvent {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.events.push(event);
    return event;
  }

  /** Sends every kept event after `afterSeq` on the session's socket. */
  #flush(session: GatewaySession, afterSeq: number): void {
    if (!session.socket) return;
    for (const event of session.events) {
      if (event.s > afterSeq) this.#send(session.socket, { op: GatewayOpcodes.Dispatch, ...event });
    }
  }

  #deliver(session: GatewaySession, t: string, d: unknown): void {
    const event = this.#append(session, t, d);
    if (session.live && session.socket) this.#send(session.socket, { op: GatewayOpcodes.Dispatch, ...event });
  }

  /**
   * Dispatches an event to every session that should get it: the shard of its
   * guild (DMs go to shard 0) and the intent it needs. A session that is
   * disconnected keeps the event for replay on RESUME. Returns how many
   * sessions took it.
   */
  dispatch(t: string, d: unknown, guildId?: string): number {
    const intent = intentFor(t, guildId);
    let taken = 0;
    for (const session of this.sessions) {
      if (session.ended) continue;
      const shard = guildId ? shardOf(guildId, session.shard[1]) : 0;
      if (shard !== session.shard[0]) continue;
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      const isMessage = t === GatewayDispatchEvents.MessageCreate || t === GatewayDispatchEvents.MessageUpdate;
      const data = isMessage && (session.intents & GatewayIntentBits.MessageContent) === 0 ? withoutContent(d as Record<string, unknown>, this.world.botUser.id) : d;
      this.#deliver(session, t, data);
      taken += 1;
    }
    this.emit('change');
    return taken;
  }

  /** Sessions that can still receive events (connected or resumable). */
  activeSessions(): GatewaySession[] {
    return this.sessions.filter((session) => !session.ended);
  }

  /**
   * Drops every connected session the scripted way and resolves once the client
   * is back (RESUMED, or a new READY after an invalid session).
   */
  async drop(options: DropOptions = {}, timeoutMs = 10_000): Promise<void> {
    const targets = this.sessions.filter((session) => session.live && session.socket);
    if (targets.length === 0) throw new Error('dropGateway: no connected gateway session to drop');
    const before = new Map(targets.map((session) => [session, session.resumes]));
    const sessionCount = this.sessions.length;
    for (const session of targets) {
      const ws = session.socket!;
      if (options.invalidSession) {
        session.ended = true;
        this.#send(ws, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      } else if (options.terminate) {
        ws.terminate();
      } else if (options.closeCode !== undefined) {
        if (options.closeCode === 1000 || options.closeCode === 1001) session.ended = true;
        ws.close(options.closeCode, 'Dropped by the test');
      } else {
        this.#send(ws, { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
      }
    }
    const back = (): boolean => {
      if (options.invalidSession || options.closeCode === 1000 || options.closeCode === 1001) {
        return this.sessions.length >= sessionCount + targets.length && this.sessions.slice(sessionCount).every((s) => s.live);
      }
      return targets.every((session) => session.resumes > before.get(session)! && session.live);
    };
    await waitUntil(this, back, timeoutMs, 'dropGateway: the client did not come back');
  }

  /** Closes every connected session with `code` (e.g. 4004 after a token reset); none can be resumed. */
  endSessions(code: number, reason: string): void {
    for (const session of this.sessions) {
      if (!session.socket) continue;
      session.ended = true;
      session.socket.close(code, reason);
    }
    this.emit('change');
  }

  /** Closes every socket and the WebSocket server. */
  async close(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }
}
