import { stemmer } from 'stemmer';
import { remembered } from '../common/remembered.js';

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

/** stems(name), remembered: a curator's write matches a few texts against listed skills' names, stemmed once. */
export const nameStems = remembered(stems);

/**
 * The stem a text must contain to name the skill, sought by index: the longest of its name's stems (the
 * rarest, as a rule), '' for a name of stop words alone, which every text names.
 */
export function keyStem(name: string): string {
  return nameStems(name).reduce((longest, stem) => (stem.length > longest.length || (stem.length === longest.length && stem < longest) ? stem : longest), '');
}

/**
 * Finds the skills a text develops: those every meaningful word of whose name appears in the text, after
 * stemming. "Learn to read and manage a P&L" develops "P&L management"; "Strong board and investor
 * relationships" develops no "Board communication", which it does not mention.
 *
 * The names are stemmed once, here, not once per text: a refresh checks a million sentences against a hundred
 * thousand skills. Each skill is filed under the two stems of its name that the fewest names share (one, for a
 * name of one word), and a text is checked only against the skills filed under two of its own stems: a single
 * stem was shared by thousands of names in a taxonomy of 140,000 skills, where words recur in many names,
 * and checking them took 50 s of a 30,000-page import's derive.
 */
export function skillMatcher(skills: NamedSkill[]): (text: string) => NamedSkill[] {
  const named = skills.map((skill, position) => ({ position, needed: [...countStems(nameStems(skill.name))] }));
  const namesWith = new Map<string, number>();
  for (const { needed } of named) for (const [stem] of needed) namesWith.set(stem, (namesWith.get(stem) ?? 0) + 1);
  const filed = new Map<string, typeof named>();
  for (const skill of named) {
    const rarest = skill.needed.map(([stem]) => stem).sort((a, b) => (namesWith.get(a) ?? 0) - (namesWith.get(b) ?? 0) || (a < b ? -1 : 1));
    if (rarest.length === 0) continue;
    const key = fileKey(rarest[0] as string, rarest[1]);
    const list = filed.get(key);
    if (list) list.push(skill);
    else filed.set(key, [skill]);
  }
  return (text) => {
    const available = countStems(stems(text));
    const present = [...available.keys()];
    const found: number[] = [];
    const check = (key: string) => {
      for (const { position, needed } of filed.get(key) ?? []) {
        // A word the name repeats must be repeated in the text too: "Managing managers" is not in "manage a P&L".
        if (needed.every(([word, count]) => (available.get(word) ?? 0) >= count)) found.push(position);
      }
    };
    present.forEach((stem, index) => {
      check(fileKey(stem));
      for (const other of present.slice(index + 1)) check(fileKey(stem, other));
    });
    return found.sort((a, b) => a - b).map((position) => skills[position] as NamedSkill);
  };
}

/** Where skills are filed: under one stem, or under two, in either order. */
function fileKey(stem: string, other?: string): string {
  if (other === undefined) return stem;
  // A NUL never occurs in a stem (stems are letters, digits and &).
  return stem < other ? `${stem}\0${other}` : `${other}\0${stem}`;
}

function countStems(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const stem of list) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  return counts;
}
