/** The parts of a role page the importer reads, named by a heading or a bold label. */
export type KnownPart =
  | 'responsibilities'
  | 'skills'
  | 'activities'
  | 'scope'
  | 'comparison'
  | 'transition'
  | 'path'
  | 'readiness'
  | 'timeline'
  | 'shifts'
  | 'actions'
  | 'pitfalls';

/**
 * What a heading must open with to name a transition; the target roles follow it. Kept beside the part names
 * because both decide what a heading is: "Key Actions to Make the Move" names actions, not a transition.
 */
export const TRANSITION_OPENING =
  /^\s*(?:(?:the\s+)?(?:transition(?:s|ing)?|moving|move|growing|progressing|promotion|making\s+the\s+(?:move|jump|leap|switch|transition|step))(?:\s+from\s+.+?)?\s+(?:up\s+)?(?:to|into)|becoming)\b/i;
export const PATH_OPENING = /^\s*(?:the\s+)?(?:paths?|pathways?|routes?|roads?)\s+(?:to|into)\b/i;

/** The wordings of the seed pages and their close variants: a part read from any other wording is reported. */
const FAMILIAR_NAMES: readonly RegExp[] = [
  /^(?:core |key |main )?responsibilities$/,
  /^(?:key |core )?skills?(?: sets?)?$/,
  /^(?:typical )?(?:day-to-day )?activities$|^(?:typical )?day-to-day$/,
  /^(?:typical )?scope$/,
  /^comparisons?\b|^key differences(?: summary)?$/,
  /^transition(?:s|ing)? to\b/,
  /^paths? to\b/,
  /^(?:career )?(?:progression|readiness) (?:indicators|signals)$|^readiness$/,
  /^(?:typical |transition )?timeline$/,
  /^(?:key )?shifts(?: required)?$/,
  /^(?:key )?actions(?: to take)?$/,
  /^(?:common )?pitfalls(?: to avoid)?$/,
];

// Pages are written by hand: a part is named by a key word, which may follow a few words that only qualify it
// ("Key Actions to Make the Transition", "Common Mistakes to Avoid", "Career Progression Indicators"). A word
// that is not such a qualifier before the key word makes the name something else: "**Avoid Common Pitfalls**"
// is the title of an action, not the pitfalls of the transition.
const KEY_WORDS: ReadonlyArray<readonly [KnownPart, RegExp]> = [
  ['responsibilities', /^(?:responsibilit(?:y|ies)|duties|accountabilit(?:y|ies))\b|^what you(?:'re| are|'ll| will)? (?:responsible for|own|do)\b/],
  ['skills', /^(?:skills?|skill-?sets?|competenc(?:y|ies))\b/],
  ['activities', /^(?:day-to-day|activities|daily\b|week-to-week|(?:day|week)s? in the life\b|(?:day|week)$)/],
  ['scope', /^scope\b/],
  ['comparison', /^(?:comparisons?|compared|differences?|vs\b)/],
  ['readiness', /^(?:indicators?|signals?|signs?|readiness|ready)\b|^(?:are )?you ready\b|^how (?:to|you) know\b/],
  ['timeline', /^(?:timelines?|time-?frames?|time to|how long)\b/],
  ['shifts', /^(?:shifts?|mindset changes|changes? (?:required|in mindset)|what changes)\b/],
  ['actions', /^(?:actions?|action plan|steps?(?! up)|what to do|moves to make)\b/],
  ['pitfalls', /^(?:pitfalls?|mistakes?|traps?|anti-?patterns?|(?:things|what) to avoid)\b/],
];

const QUALIFIERS = new Set(
  (
    'a an the your our key core main common typical typically essential critical important top major primary ' +
    'biggest frequent most required needed concrete practical recommended suggested expected realistic ' +
    'career progression role transition mindset next technical people leadership skill daily weekly normal ' +
    'and & of for in'
  ).split(' '),
);

/** The part a heading or bold label names; null when it names none. */
export function classifyPartName(name: string): KnownPart | null {
  const normal = normalName(name);
  if (PATH_OPENING.test(normal)) return 'path';
  if (TRANSITION_OPENING.test(normal)) return 'transition';
  const words = normal.split(' ');
  for (let start = 0; start < words.length && start <= 4; start += 1) {
    const rest = words.slice(start).join(' ');
    const kind = KEY_WORDS.find(([, pattern]) => pattern.test(rest))?.[0];
    if (kind !== undefined) return kind;
    if (!QUALIFIERS.has(words[start] ?? '')) break;
  }
  // "IC vs Manager" or "Manager versus Director" compares roles by name.
  return /\s(?:vs\.?|versus)\s/.test(` ${normal} `) ? 'comparison' : null;
}

/** Whether a name is one of the wordings the format has always used for its part. */
export function isFamiliarPartName(name: string): boolean {
  const normal = normalName(name);
  return FAMILIAR_NAMES.some((pattern) => pattern.test(normal));
}

/** Whether a heading or label is numbered, as action titles are: "1. Lead Projects", "Step 2: Mentor". */
export function isNumbered(name: string): boolean {
  return /^\s*(?:\d+[.)]|step \d+\b)/i.test(name);
}

function normalName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/day to day/g, 'day-to-day')
    .replace(/^(?:\d+[.)]|step \d+[.:)]?)\s*/, '')
    .replace(/[\s:.]+$/, '')
    .trim();
}
