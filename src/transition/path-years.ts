import type { TimelineYears } from './timeline-years.js';

export interface PathYears {
  min: number;
  max: number | null;
  openEnded: boolean;
}

/**
 * Years add up along a path. A step with no timeline adds nothing to either bound; a step that is
 * open-ended, or states a minimum with no maximum ("3+ years"), makes the total open-ended, and its
 * minimum stands in for its maximum in the sum.
 */
export function addYears(steps: TimelineYears[]): PathYears {
  let min = 0;
  let max = 0;
  let anyYears = false;
  let openEnded = false;
  for (const step of steps) {
    min += step.minYears ?? 0;
    max += step.maxYears ?? step.minYears ?? 0;
    anyYears ||= step.minYears !== null || step.maxYears !== null;
    openEnded ||= step.openEnded || (step.minYears !== null && step.maxYears === null);
  }
  return { min, max: anyYears ? max : null, openEnded };
}
