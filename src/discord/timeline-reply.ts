import type { ChatInputCommandInteraction } from 'discord.js';
import { timelinePng } from '../chart/png.js';
import { UserFacingError } from '../errors.js';
import { MAX_TIMELINE_TOPIC_CHARS } from '../search/timeline-types.js';
import type { BotContext } from './context.js';
import { describeFilters } from './render-search.js';
import { renderTimeline } from './render-timeline.js';
import { InteractionResponder } from './respond.js';

export { MAX_TIMELINE_TOPIC_CHARS };

/** `/timeline`: counts, chart and quotes, publicly; the organisation is a prefix, as typed or picked. */
export async function showTimeline(interaction: ChatInputCommandInteraction, context: BotContext, input: { topic: string; organisation?: string | null; from?: string | null; to?: string | null }): Promise<void> {
  const responder = InteractionResponder.for(interaction, { ephemeral: false, now: context.now });
  responder.armDeadline();
  const topic = input.topic.trim();
  if (topic === '') throw new UserFacingError('empty_topic', 'Which topic? e.g. /timeline topic: apartheid');
  if (topic.length > MAX_TIMELINE_TOPIC_CHARS) throw new UserFacingError('topic_too_long', `Please keep a topic under ${MAX_TIMELINE_TOPIC_CHARS} characters (this one has ${topic.length}).`);
  const filters = {
    ...(input.organisation?.trim() ? { organisation: input.organisation.trim() } : {}),
    ...(input.from?.trim() ? { from: input.from.trim() } : {}),
    ...(input.to?.trim() ? { to: input.to.trim() } : {}),
  };
  const timeline = await context.retriever.timeline(topic, { organisationPrefix: filters.organisation, from: filters.from, to: filters.to, understand: true });
  const described = describeFilters(filters);
  await responder.send(renderTimeline(timeline, described, timeline.matching > 0 ? timelinePng(timeline, described) : undefined));
}
