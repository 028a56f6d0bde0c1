const CLOSING_QUOTES: Readonly<Record<string, string>> = { '"': '"', '“': '”', '„': '“', '«': '»' };

/** The question of "You answer the question: "…"", without its quotes; null when the text states none. */
export function roleQuestion(text: string): string | null {
  const rest = /\byou answer the (?:\w+ )?question\s*:?\s*(.+)$/is.exec(text)?.[1];
  if (rest === undefined) return null;
  const closingQuote = CLOSING_QUOTES[rest.charAt(0)];
  const question =
    closingQuote === undefined ? /^[^?]*\?|^[^.]*/.exec(rest)?.[0] : rest.slice(1).split(closingQuote, 1)[0];
  return question?.trim() || null;
}
