/** One thing the chaos run tried, what should have held, and whether it did. */
export interface Outcome {
  scenario: string;
  expectation: string;
  held: boolean;
  /** What was measured: times, counts, why it did not hold. */
  detail: string;
}

/** The outcomes as a Markdown table, which README quotes as the last result. */
export function formatTable(outcomes: Outcome[]): string {
  const rows = outcomes.map((outcome) => `| ${outcome.scenario} | ${outcome.expectation} | ${outcome.held ? 'held' : '**FAILED**'} | ${outcome.detail.replaceAll('|', '\\|').replaceAll('\n', ' ')} |`);
  return ['| scenario | expectation | result | measured |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
