/**
 * The years a transition typically takes, as a page states them ("5-10+ years"): the one shape the importer
 * parses, the graph stores, the repositories return and the API's types implement.
 */
export interface TimelineYears {
  minYears: number | null;
  /** Null when the page states no upper bound ("3+ years"). */
  maxYears: number | null;
  /** True when the upper bound is open ("5-10+ years", "3+ years"). */
  openEnded: boolean;
}
