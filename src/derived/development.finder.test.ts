import { describe, expect, it } from 'vitest';
import { findDevelopments, sentences } from './development.finder.js';

const skills = [
  { id: 'technical-strategy', name: 'Technical strategy' },
  { id: 'market-dynamics', name: 'Market dynamics' },
  { id: 'p-and-l-management', name: 'P&L management' },
];
const at = (text: string, line: number, action: string | null = null) => ({ transition: 'vp-to-cto', text, file: 'vp.md', line, action });

describe('sentences', () => {
  it('splits at a full stop followed by a capital, not inside "e.g., remote"', () => {
    expect(sentences('Lead a company-wide initiative (e.g., remote work). Demonstrate you can lead.')).toEqual([
      'Lead a company-wide initiative (e.g., remote work).',
      'Demonstrate you can lead.',
    ]);
  });
});

describe('findDevelopments', () => {
  it('never matches a skill whose words are in different sentences', () => {
    const found = findDevelopments([at('Shape product strategy. Use your technical insights.', 144)], skills);
    expect(found).toEqual([]);
  });

  it('cites the one sentence, file and line that name the skill', () => {
    const found = findDevelopments([at('Interview customers. Understand market dynamics deeply.', 144)], skills);
    expect(found).toEqual([{ transition: 'vp-to-cto', skill: 'market-dynamics', action: null, text: 'Understand market dynamics deeply.', file: 'vp.md', line: 144 }]);
  });

  it('keeps an action whose title names no skill as a capability of its own', () => {
    const found = findDevelopments([at('Develop Deep Product Intuition', 139, 'action-1'), at('Learn to manage a P&L', 181, 'action-2')], skills);
    expect(found).toEqual([
      { transition: 'vp-to-cto', skill: null, action: 'action-1', text: 'Develop Deep Product Intuition', file: 'vp.md', line: 139 },
      { transition: 'vp-to-cto', skill: 'p-and-l-management', action: null, text: 'Learn to manage a P&L', file: 'vp.md', line: 181 },
    ]);
  });
});
