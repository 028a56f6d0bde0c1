import { stemmer } from 'stemmer';

export interface NamedSkill {
  id: string;
  name: string;
}

// Words that carry no skill on their own: a skill named "Written communication at scale" must not be
// matched by any text that merely says "at".
const stopWords = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', 'vs']);

/** The stems of the meaningful words of a text: "Managing budgets" → manag, budget. */
export function stems(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}&]+/gu) ?? []).filter((word) => !stopWords.has(word)).map((word) => stemmer(word));
}

/**
 * The skills a text develops: those every meaningful word of whose name appears in the text, after stemming.
 * "Learn to read and manage a P&L" develops "P&L management"; "Strong board and investor relationships"
 * develops no "Board communication", which it does not mention.
 */
export function skillsMentionedIn(text: string, skills: NamedSkill[]): NamedSkill[] {
  const available = countStems(stems(text));
  return skills.filter((skill) => {
    const needed = countStems(stems(skill.name));
    // A word the name repeats must be repeated in the text too: "Managing managers" is not in "manage a P&L".
    return needed.size > 0 && [...needed].every(([stem, count]) => (available.get(stem) ?? 0) >= count);
  });
}

function countStems(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const stem of list) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  return counts;
}
