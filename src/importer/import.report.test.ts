import { describe, expect, it } from 'vitest';
import { diffSnapshots, formatReport, type ImportReport, type Snapshot } from './import.report.js';

const snapshot = (entries: Record<string, Record<string, Record<string, string | number>>>): Snapshot =>
  new Map(Object.entries(entries).map(([kind, byId]) => [kind, new Map(Object.entries(byId))]));

describe('diffSnapshots', () => {
  it('counts what appeared, changed and went, by kind', () => {
    const before = snapshot({ Skill: { budgeting: { name: 'Budgeting' }, hiring: { name: 'Hiring' } } });
    const after = snapshot({ Skill: { budgeting: { name: 'Budgeting and forecasting' }, vision: { name: 'Vision' } }, Role: { vp: { title: 'VP' } } });
    expect(diffSnapshots(before, after)).toEqual({ created: { Skill: 1, Role: 1 }, updated: { Skill: 1 }, removed: { Skill: 1 } });
  });

  it('does not call a node updated when only its line moved', () => {
    const before = snapshot({ Pitfall: { p: { text: 'Staying technical', sourceLine: 10 } } });
    const after = snapshot({ Pitfall: { p: { text: 'Staying technical', sourceLine: 12 } } });
    expect(diffSnapshots(before, after)).toEqual({ created: {}, updated: {}, removed: {} });
  });

  it('does not call a node updated when only what the graph derives for it changed', () => {
    const before = snapshot({ Skill: { budgeting: { name: 'Budgeting', roleCount: 2, betweenness: 0.5 } }, Role: { vp: { title: 'VP', level: 3 } } });
    const after = snapshot({
      Skill: { budgeting: { name: 'Budgeting', roleCount: 3, betweenness: 1.5, keyStem: 'budget' } },
      Role: { vp: { title: 'VP', level: 4, skillCount: 26 } },
    });
    expect(diffSnapshots(before, after)).toEqual({ created: {}, updated: {}, removed: {} });
  });
});

describe('formatReport', () => {
  const report = (files: string[]): ImportReport => ({ files, created: { Role: 2 }, updated: {}, removed: {}, warnings: ['seed/vp.md:3: kept as a section'], notes: ['seed/vp.md:9: read "Moves" as key actions'] });

  it('names every file of a small run, then the counts, notes and warnings', () => {
    expect(formatReport(report(['seed/vp.md', 'seed/manager.md']))).toBe(
      [
        'Imported 2 pages: seed/vp.md, seed/manager.md',
        '  created: 2 Role',
        '  updated: nothing',
        '  removed: nothing',
        '  info: seed/vp.md:9: read "Moves" as key actions',
        '  warning: seed/vp.md:3: kept as a section',
      ].join('\n'),
    );
  });

  it('names only the first ten files of a large run', () => {
    const files = Array.from({ length: 3000 }, (_, index) => `pages/${index}.md`);
    const [first] = formatReport(report(files)).split('\n');
    expect(first).toBe(`Imported 3000 pages: ${files.slice(0, 10).join(', ')} and 2990 more`);
  });
});
