/**
 * A function of a string, remembered for the process: what an import or a curator's write computes again for
 * the same names, page after page. Emptied when it holds `bound` answers, so that a long-running server's
 * memory does not grow with the names it is asked about.
 */
export function remembered<T>(compute: (name: string) => T, bound = 200_000): (name: string) => T {
  const answers = new Map<string, T>();
  return (name) => {
    let answer = answers.get(name);
    if (answer === undefined) {
      if (answers.size >= bound) answers.clear();
      answer = compute(name);
      answers.set(name, answer);
    }
    return answer;
  };
}
