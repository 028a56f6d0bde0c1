import { nameStems, skillMatcher, stems, type NamedSkill } from './skill.matcher.js';

/** A text of a transition that may say what it develops: a shift's "to" side, an action's parts, a readiness indicator. */
export interface TransitionText {
  transition: string;
  text: string;
  file: string;
  line: number;
  /** Set on an action's title: the action then stands for the capability when its title names no skill. */
  action: string | null;
}

/** One sentence that shows a transition develops a skill, or an action's capability that no skill list names. */
export interface Development {
  transition: string;
  /** The skill's id, or null for an action whose title names no skill (then `action` is set). */
  skill: string | null;
  action: string | null;
  text: string;
  file: string;
  line: number;
}

// A full stop ends a sentence when a capital, a digit or a quote opens the next: "(e.g., remote work)" does not.
const sentenceEnd = /(?<=[.!?])\s+(?=["“A-Z0-9])/u;

/** The sentences of a text, trimmed, empty ones left out. */
export function sentences(text: string): string[] {
  return text
    .split(sentenceEnd)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/**
 * What each transition develops, one sentence at a time: a skill counts only when every word of its name is
 * in one sentence, so words far apart on a page ("product strategy" … "your technical insights") never make a
 * "Technical strategy". An action whose title names no skill ("Develop Deep Product Intuition") is kept as a
 * capability of its own rather than dropped.
 */
export function findDevelopments(texts: TransitionText[], skills: NamedSkill[]): Development[] {
  const mentionedIn = skillMatcher(skills);
  const found = new Map<string, Development>();
  for (const { transition, text, file, line, action } of texts) {
    let named = false;
    for (const sentence of sentences(text)) {
      for (const skill of mentionedIn(sentence)) {
        named = true;
        const key = JSON.stringify([transition, skill.id, file, line, sentence]);
        if (!found.has(key)) found.set(key, { transition, skill: skill.id, action: null, text: sentence, file, line });
      }
    }
    if (action !== null && !named) found.set(JSON.stringify([transition, action]), { transition, skill: null, action, text, file, line });
  }
  return [...found.values()];
}

/**
 * The stems of every word of each transition's texts, sorted: a skill can be found in a transition's sentence
 * only if every stem of its name is among them (what the skill matcher asks, sentence by sentence).
 */
export function transitionStems(texts: TransitionText[]): Map<string, string[]> {
  const byTransition = new Map<string, Set<string>>();
  for (const { transition, text } of texts) {
    let set = byTransition.get(transition);
    if (!set) byTransition.set(transition, (set = new Set()));
    for (const stem of stems(text)) set.add(stem);
  }
  return new Map([...byTransition].map(([transition, set]) => [transition, [...set].sort()]));
}

/** The stems of every word of these texts, once each. */
export function textStems(texts: TransitionText[]): string[] {
  return [...new Set(texts.flatMap(({ text }) => stems(text)))];
}

/**
 * The skills that texts with these stems (textStems) may name: those every stem of whose name is among them.
 * Matching a few transitions' texts against these finds what matching them against every skill finds, in the
 * same order.
 */
export function mentionable(skills: NamedSkill[], present: ReadonlySet<string>): NamedSkill[] {
  return skills.filter((skill) => nameStems(skill.name).every((stem) => present.has(stem)));
}
