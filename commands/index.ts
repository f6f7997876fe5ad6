import type { Command } from '../src/discord/command.js';
import ask from './ask.js';
import askTheCorpus from './ask-the-corpus.js';
import compare from './compare.js';
import corpus from './corpus.js';
import help from './help.js';
import kwic from './kwic.js';
import search from './search.js';
import signatories from './signatories.js';
import signed from './signed.js';
import sources from './sources.js';
import statement from './statement.js';
import timeline from './timeline.js';

export type { Command } from '../src/discord/command.js';

/** Every command the bot has. Add a module to commands/ and list it here; `npm run deploy-commands` tells Discord. */
export const commands: readonly Command[] = [ask, search, statement, compare, kwic, timeline, signatories, signed, corpus, sources, help, askTheCorpus];

/** The registry by name, as the router looks commands up. */
export const commandsByName: ReadonlyMap<string, Command> = new Map(commands.map((command) => [command.data.name, command]));
