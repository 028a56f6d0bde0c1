import { PATH_OPENING, TRANSITION_OPENING } from './part-name.classifier.js';

/** Separators between role names in "Transition to CTO or CEO", "to Staff, Principal or Architect", "to CTO/CEO". */
const NAME_SEPARATOR = /\s*(?:,|\/|&|\bor\b|\band\b)\s*/i;

/** The role names of a list such as "CTO or CEO", without articles or a trailing "role": "the CTO role" is "CTO". */
function roleNames(list: string): string[] {
  return list
    .split(NAME_SEPARATOR)
    .map((name) =>
      name
        .trim()
        .replace(/[.:;!?]+$/, '')
        .replace(/^(?:the|a|an)\s+/i, '')
        .replace(/\s+(?:role|position)s?$/i, '')
        .trim(),
    )
    .filter((name) => name !== '');
}

/** The targets of a "Transition to X or Y", "Moving into X" or "Path to X" heading; empty when it names none. */
export function transitionTargets(heading: string): string[] {
  const name = heading.replace(/^\s*\d+[.)]\s*/, '');
  return roleNames(name.replace(TRANSITION_OPENING, '').replace(PATH_OPENING, ''));
}

/** The roles of a "You're ready for X when…" sentence; null when the text is not such a sentence. */
export function readyTargets(sentence: string): string[] | null {
  const match = /^you(?:['’]re| are) ready (?:for|to become|to move (?:in)?to) (.+?)(?:\s+when\b.*|:.*)?$/is.exec(
    sentence.trim(),
  );
  return match?.[1] === undefined ? null : roleNames(match[1]);
}
