import type { TimelineYears } from './timeline-years.js';

export interface TransitionRecord {
  id: string;
  fromId: string;
  toId: string;
  timeline: TimelineYears & { text: string | null };
  source: string;
}

/** The projection of a transition `t` from the role `a` to the role `b`, shared by every query that returns transitions. */
export const transitionProjection = `{
  .id, fromId: a.id, toId: b.id, source: t.sourceFile + coalesce(':' + t.sourceLine, ''),
  timeline: {text: t.timelineText, minYears: t.minYears, maxYears: t.maxYears, openEnded: coalesce(t.openEnded, false)}
}`;
