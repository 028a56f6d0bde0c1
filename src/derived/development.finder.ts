import { skillMatcher, type NamedSkill } from './skill.matcher.js';

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
