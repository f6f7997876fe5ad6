import type { ButtonInteraction } from 'discord.js';
import type { AnswerState } from './ask-flow.js';
import type { BotContext } from './context.js';
import { textPayload } from './payload.js';
import { MAX_PASSAGES_SHOWN, renderCitedPassages, type PassageInContext } from './render-passage.js';
import { InteractionResponder } from './respond.js';

/** Passages either side of a cited one. */
const CONTEXT_NEIGHBOURS = 1;

export const EXPIRED_BUTTON_MESSAGE = 'This button has expired: the answer it belongs to is no longer stored. Ask again with /ask.';

/** "[n] Title" under an answer: the cited passage(s) in context, only for the person who pressed. */
export async function showCitedSource(interaction: ButtonInteraction, context: BotContext, key: string, n: number): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: true, now: context.now });
  responder.armDeadline();
  const state = await context.state.getButtonState<AnswerState>(key, 'answer');
  const source = state?.sources.find((s) => s.n === n);
  if (!state || !source) return responder.error(EXPIRED_BUTTON_MESSAGE);

  const contexts: PassageInContext[] = [];
  for (const cited of source.passages.slice(0, MAX_PASSAGES_SHOWN)) {
    const found = await context.retriever.getPassageInContext(cited.passageId, CONTEXT_NEIGHBOURS);
    // Re-ingesting a statement renumbers its passages: show the stored text rather than nothing.
    contexts.push(
      found && found.statement.id === source.statementId
        ? found
        : { statement: { id: source.statementId, slug: source.slug, title: source.title, organisation: source.organisation, date: source.date, url: source.url, language: null, externalId: null, source: '' }, passage: { id: cited.passageId, statementId: source.statementId, ordinal: 0, start: 0, end: cited.text.length, text: cited.text }, before: [], after: [] },
    );
  }
  const quotes = new Map(source.passages.map((p) => [p.passageId, p.quotes]));
  await responder.send(renderCitedPassages(n, contexts, quotes));
}

/** 👍/👎: stored with the question and answer; the voter is thanked privately. */
export async function recordVote(interaction: ButtonInteraction, context: BotContext, key: string, vote: 1 | -1): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: true, now: context.now });
  responder.armDeadline();
  const state = await context.state.getButtonState<AnswerState>(key, 'answer');
  if (!state) return responder.error(EXPIRED_BUTTON_MESSAGE);
  await context.state.recordFeedback({
    answerKey: key,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    vote,
    question: state.question,
    answer: state.text,
    sources: state.sources.map(({ n, statementId, title, organisation }) => ({ n, statementId, title, organisation })),
    mode: state.mode,
  });
  context.log.info({ key, vote, userId: interaction.user.id }, 'feedback recorded');
  await responder.send(textPayload(vote === 1 ? 'Thanks — your 👍 is recorded.' : 'Thanks — your 👎 is recorded. It helps us see which answers miss the mark.'));
}
