import { describe, expect, it } from 'vitest';
import { Random } from '../generator/random.js';
import { keyStem, skillMatcher, stems } from './skill.matcher.js';

const skills = [
  { id: 'p-and-l-management', name: 'P&L management' },
  { id: 'board-communication', name: 'Board communication' },
  { id: 'board-presentations', name: 'Board presentations' },
  { id: 'market-dynamics', name: 'Market dynamics' },
  { id: 'written-communication-at-scale', name: 'Written communication at scale' },
];
const matcher = skillMatcher(skills);
const ids = (text: string) => matcher(text).map((skill) => skill.id);

describe('skillMatcher', () => {
  it('matches every word of a skill name in any inflection', () => {
    expect(ids('Learn to read and manage a P&L')).toEqual(['p-and-l-management']);
    expect(ids('Understand customer problems and market dynamics deeply')).toEqual(['market-dynamics']);
  });

  it('does not match a skill of which only some words appear', () => {
    expect(ids('Strong relationships with CEO and board')).toEqual([]);
  });

  it('needs a word the name repeats to be repeated in the text', () => {
    const managing = [{ id: 'managing-managers', name: 'Managing managers' }];
    expect(skillMatcher(managing)('Learn to read and manage a P&L')).toEqual([]);
    expect(skillMatcher(managing)('Managing first-line managers')).toEqual(managing);
  });

  it('ignores small words, so they neither match nor block a match', () => {
    expect(ids('Scale written communication')).toEqual(['written-communication-at-scale']);
    expect(stems('at the scale of')).toEqual(['scale']);
  });

  it('matches several skills in one text', () => {
    expect(ids('Participate in investor discussions and board presentations; own the P&L management')).toEqual(['p-and-l-management', 'board-presentations']);
  });

  it('lists the skills found in the order it was given them, whatever the order of the words in the text', () => {
    expect(ids('Presentations to the board; communication with the board; the market and its dynamics')).toEqual([
      'board-communication',
      'board-presentations',
      'market-dynamics',
    ]);
  });

  it('finds exactly the names whose every word a text holds, among many names made of the same few words', () => {
    const words = ['secure', 'distributed', 'cloud', 'budget', 'cluster', 'review', 'planning', 'managing', 'managers', '2', '3'];
    const random = new Random(7);
    const draw = (count: number) => Array.from({ length: count }, () => words[random.below(words.length)] as string).join(' ');
    const many = Array.from({ length: 300 }, (_, index) => ({ id: `skill-${index}`, name: draw(1 + random.below(4)) }));
    const match = skillMatcher(many);
    // What the matcher must find, by the definition: every stem of the name, as many times as the name has it.
    const holds = (text: string, name: string) => {
      const available = stems(text);
      return stems(name).every((stem, _, all) => available.filter((word) => word === stem).length >= all.filter((word) => word === stem).length);
    };
    for (let i = 0; i < 200; i += 1) {
      const text = draw(2 + random.below(8));
      expect(match(text).map((skill) => skill.id)).toEqual(many.filter((skill) => holds(text, skill.name)).map((skill) => skill.id));
    }
  });

  it('never matches a skill whose name has only small words, and answers every text alike', () => {
    const match = skillMatcher([{ id: 'of-the', name: 'Of the' }, ...skills]);
    expect(match('of the board and of the market')).toEqual([]);
    expect(match('Market dynamics').map((skill) => skill.id)).toEqual(['market-dynamics']);
    expect(match('Market dynamics').map((skill) => skill.id)).toEqual(['market-dynamics']);
  });
});

describe('keyStem', () => {
  it('is a stem every text that names the skill contains: the longest of its name', () => {
    for (const skill of skills) {
      expect(stems(skill.name)).toContain(keyStem(skill.name));
      for (const text of matcherTexts(skill.name)) expect(stems(text)).toContain(keyStem(skill.name));
      expect(keyStem(skill.name).length).toBe(Math.max(...stems(skill.name).map((stem) => stem.length)));
    }
  });

  it('is the same for names that differ only in inflection and case', () => {
    expect(keyStem('Managing budgets')).toBe(keyStem('budget management'.replace('management', 'managed')));
  });

  it('is empty for a name of small words alone', () => {
    expect(keyStem('Of the')).toBe('');
  });
});

/** Texts that name a skill, as the matcher finds it: the name itself, and inside a sentence. */
function matcherTexts(name: string): string[] {
  const texts = [name, `Learn ${name.toLowerCase()} from your peers.`];
  for (const text of texts) expect(matcher(text).some((skill) => skill.name === name)).toBe(true);
  return texts;
}
