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
  const words = new Set(stems(text));
  return skills.filter((skill) => {
    const needed = stems(skill.name);
    return needed.length > 0 && needed.every((stem) => words.has(stem));
  });
}
