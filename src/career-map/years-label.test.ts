import { describe, expect, it } from 'vitest';
import { yearsLabel } from './years-label.js';

describe('yearsLabel', () => {
  it('writes a range, open-ended with a plus', () => {
    expect(yearsLabel(3, 6, false)).toBe('3–6 years');
    expect(yearsLabel(5, 10, true)).toBe('5–10+ years');
  });

  it('writes a lone minimum as a floor and a lone maximum as a ceiling', () => {
    expect(yearsLabel(3, null, false)).toBe('3+ years');
    expect(yearsLabel(null, 4, false)).toBe('up to 4 years');
  });

  it('writes equal bounds once, singular for one year', () => {
    expect(yearsLabel(1, 1, false)).toBe('1 year');
    expect(yearsLabel(2, 2, true)).toBe('2+ years');
  });

  it('says nothing when no years are stated', () => {
    expect(yearsLabel(null, null, false)).toBeNull();
  });
});
