/** A duration in milliseconds as the commands print it: seconds, to a tenth. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
