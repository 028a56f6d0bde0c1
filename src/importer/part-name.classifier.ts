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

// Pages are written by hand: each part is known by a few wordings, not one exact title.
const PART_NAMES: ReadonlyArray<readonly [KnownPart, RegExp]> = [
  ['responsibilities', /^(?:core |key |main )?responsibilities$/],
  ['skills', /^(?:key |core )?skills?(?: sets?)?$/],
  ['activities', /^(?:typical )?(?:day-to-day )?activities$|^(?:typical )?day-to-day$/],
  ['scope', /^(?:typical )?scope$/],
  ['comparison', /^comparisons?\b/],
  ['transition', /^transition(?:s|ing)? to\b/],
  ['path', /^paths? to\b/],
  ['readiness', /^(?:career )?(?:progression|readiness) (?:indicators|signals)$|^readiness$/],
  ['timeline', /^(?:typical |transition )?timeline$/],
  ['shifts', /^(?:key )?shifts(?: required)?$/],
  ['actions', /^(?:key )?actions(?: to take)?$/],
  ['pitfalls', /^(?:common )?pitfalls(?: to avoid)?$/],
];

export function classifyPartName(name: string): KnownPart | null {
  const normal = name
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/day to day/g, 'day-to-day')
    .replace(/[\s:.]+$/, '')
    .trim();
  return PART_NAMES.find(([, pattern]) => pattern.test(normal))?.[0] ?? null;
}
