import type { TimelineYears } from '../../transition/timeline-years.js';

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
};

const AMOUNT = String.raw`\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen`;
const UNIT = String.raw`years?|yrs?|months?`;
const OPEN = String.raw`\+|\s*or more|\s*plus`;
const RANGE = String.raw`(${AMOUNT})\s*(?:(${UNIT})\s*)?(?:-|–|—|to|and)\s*(${AMOUNT})(${OPEN})?[\s-]*(${UNIT})`;
// "a year" only stands alone: "a" is never a bound of a range.
const SINGLE = String.raw`(${AMOUNT}|an?)(${OPEN})?[\s-]*(${UNIT})`;
// The range comes first so that "2-4 years" is not read as "4 years".
const DURATION = new RegExp(String.raw`(?<![\w.])(?:${RANGE}|${SINGLE})\b`, 'i');

/** The years a timeline sentence states, from its first duration: "5-10+ years", "3+ years", "18 months". */
export function parseTimelineYears(text: string): TimelineYears {
  const match = DURATION.exec(text);
  if (match === null) return { minYears: null, maxYears: null, openEnded: false };
  const [, from, fromUnit, to, rangeOpen, toUnit, single, singleOpen, singleUnit] = match;
  if (to !== undefined) {
    return {
      minYears: toYears(from, fromUnit ?? toUnit),
      maxYears: toYears(to, toUnit),
      openEnded: rangeOpen !== undefined,
    };
  }
  const openEnded = singleOpen !== undefined;
  const value = toYears(single, singleUnit);
  return { minYears: value, maxYears: openEnded ? null : value, openEnded };
}

function toYears(amount: string | undefined, unit: string | undefined): number | null {
  if (amount === undefined) return null;
  const value = NUMBER_WORDS[amount.toLowerCase()] ?? Number(amount);
  return unit?.toLowerCase().startsWith('m') ? value / 12 : value;
}
