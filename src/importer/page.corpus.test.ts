import { describe, expect, it } from 'vitest';
import { countParts, type PartCounts } from './page.check.js';
import { readPageFile } from './read/page-file.reader.js';
import type { RolePage } from './parse/page.model.js';

// tests/pages holds pages written in other authors' styles. Every count below comes from reading the page.
const none = {
  responsibilities: 0,
  skills: 0,
  activities: 0,
  scope: 0,
  comparisons: 0,
  transitions: 0,
  timelines: 0,
  shifts: 0,
  actions: 0,
  pitfalls: 0,
  indicators: 0,
  notes: 0,
  unread: 0,
} satisfies PartCounts;

const expected: Record<string, PartCounts> = {
  // `*` bullets under "What You're Responsible For"; three comparison tables, one with roles as rows.
  'individual-contributor.md': { ...none, responsibilities: 3, skills: 5, comparisons: 4 + 6 + 6, transitions: 1, timelines: 1, shifts: 2, actions: 3, pitfalls: 2, indicators: 2 },
  // `+` bullets, "Key Actions to Make the Move" in bold, a From/To table under "The Hard Part".
  'engineering-manager.md': { ...none, responsibilities: 4, skills: 5, activities: 3, scope: 2, comparisons: 2, transitions: 1, timelines: 1, shifts: 3, actions: 3, pitfalls: 2, indicators: 1 },
  // BOM and CRLF; a transition to two roles whose pitfalls belong to both; one empty comparison cell.
  'staff-engineer.md': { ...none, responsibilities: 4, skills: 5, activities: 3, comparisons: 5, transitions: 2, timelines: 2, shifts: 1, actions: 3, pitfalls: 2 * 2 },
  // No front matter, HTML comments, every part a bold paragraph.
  'principal-engineer.md': { ...none, responsibilities: 3, skills: 3, activities: 1, scope: 2, transitions: 1, timelines: 1, shifts: 1, actions: 2, pitfalls: 1, indicators: 2 },
  'product-engineer.md': { ...none, responsibilities: 2, skills: 5, transitions: 1, timelines: 1, actions: 2 },
  // Links, inline code and escaped pipes in cells.
  'site-reliability-engineer.md': { ...none, responsibilities: 2, skills: 5, scope: 2, comparisons: 4, transitions: 1, timelines: 1, shifts: 1, actions: 1, pitfalls: 1 },
  // Aliases as a comma-separated string; "Becoming a …" transition; a comparison with roles as rows.
  'director.md': { ...none, responsibilities: 3, skills: 4, comparisons: 4, transitions: 1, timelines: 1, actions: 2, pitfalls: 1, indicators: 1 },
  // A page missing most parts.
  'tech-lead.md': { ...none, responsibilities: 2, skills: 3 },
  // Ordered-list responsibilities, bold "How Long It Takes: …", a bold readiness sentence after the pitfalls.
  'mobile-engineer.md': { ...none, responsibilities: 3, skills: 5, comparisons: 2, transitions: 1, timelines: 1, shifts: 1, actions: 2, pitfalls: 1, indicators: 1 },
  // A part under a heading nothing can place: kept, and counted, as a generic section.
  'security-engineer.md': { ...none, responsibilities: 3, skills: 3, transitions: 1, timelines: 1, pitfalls: 1, unread: 1 },
  // Numbered `##` headings, "A Day in the Life", "Step 1:" titles, "Traps".
  'data-engineer.md': { ...none, responsibilities: 3, skills: 5, activities: 2, transitions: 1, timelines: 1, actions: 2, pitfalls: 1 },
  // Transition parts as `##` headings of the transition's own level; the transition's introduction is kept.
  'qa-engineer.md': { ...none, responsibilities: 2, skills: 3, transitions: 1, timelines: 1, actions: 2, pitfalls: 1, unread: 1 },
  // Aliases as a YAML list, nested `*` bullets indented by four spaces.
  'frontend-engineer.md': { ...none, responsibilities: 3, skills: 5, comparisons: 4, transitions: 1, timelines: 1, actions: 2 },
};

const pages = new Map<string, RolePage>();
async function page(name: string): Promise<RolePage> {
  let read = pages.get(name);
  if (read === undefined) pages.set(name, (read = await readPageFile(`tests/pages/${name}`)));
  return read;
}

describe('the corpus of pages in other styles', () => {
  it.each(Object.entries(expected))('reads every part of %s', async (name, counts) => {
    expect(countParts(await page(name))).toEqual(counts);
  });

  it('knows the page role by the abbreviation it defines, and keeps each comparison table by its name', async () => {
    const ic = await page('individual-contributor.md');
    expect(ic.role).toMatchObject({ id: 'individual-contributor', aliases: ['IC'] });
    const byTable = new Map<string, string[]>();
    for (const fact of ic.comparisons) byTable.set(fact.table, [...(byTable.get(fact.table) ?? []), `${fact.role.id}:${fact.dimension}=${fact.value}`]);
    expect(Object.fromEntries(byTable)).toEqual({
      'IC vs Engineering Manager': ['individual-contributor:Focus=Code', 'em:Focus=People', 'individual-contributor:Output=Features', 'em:Output=A team that ships'],
      'Hours per Week by Activity': [
        'individual-contributor:Coding=25', 'em:Coding=2', 'individual-contributor:Meetings=5', 'em:Meetings=20', 'individual-contributor:1:1s=1', 'em:1:1s=8',
      ],
      'At a Glance': [
        'individual-contributor:Metaphor=Craftsperson', 'individual-contributor:Success metric=Shipped work', 'individual-contributor:Failure mode=Silos',
        'em:Metaphor=Coach', 'em:Success metric=Team output', 'em:Failure mode=Burnout',
      ],
    });
    expect(ic.transitions.map((transition) => transition.target)).toEqual([
      { id: 'engineering-manager', name: 'Engineering Manager (EM)', alsoKnownAs: ['em'], line: 45 },
    ]);
    expect(ic.transitions[0]?.actions.map((action) => [action.title, action.bullets.length, action.example])).toEqual([
      ['Lead a project', 2, 'Lead the billing migration.'],
      ['Mentor someone', 1, null],
      ['Test the role', 1, null],
    ]);
  });

  it('keeps acronyms whole and makes one skill of names in another case or spacing', async () => {
    expect((await page('individual-contributor.md')).skills.map((skill) => skill.id)).toEqual(['grpc-design', 'system-design', 'testing', 'code-review', 'writing']);
    expect((await page('staff-engineer.md')).skills.slice(0, 2).map((skill) => [skill.id, skill.name])).toEqual([
      ['grpc-design', 'GRPC Design'],
      ['system-design', 'System design'],
    ]);
    expect((await page('tech-lead.md')).skills.map((skill) => skill.id)).toEqual(['system-design', 'grpc-design', 'code-review']);
    expect((await page('product-engineer.md')).skills.map((skill) => skill.id)).toEqual(['a-b-testing', 'analytics', 'javascript', 'typescript', 'ios-development']);
  });

  it('reads a page with a BOM and CRLF line endings at the right lines, and a transition to two roles', async () => {
    const staff = await page('staff-engineer.md');
    expect(staff.frontMatter).toEqual({ label: 'Staff Engineer' });
    expect(staff.transitions.map((transition) => [transition.target.id, transition.line])).toEqual([
      ['principal-engineer', 38],
      ['engineering-manager', 38],
    ]);
    const [principal, manager] = staff.transitions;
    expect(principal?.actions.map((action) => [action.title, action.line])).toEqual([
      ['Widen your scope', 47],
      ['Write the strategy', 49],
      ['Grow other staff engineers', 51],
    ]);
    expect(manager?.shifts).toEqual([{ from: 'Technical direction', to: 'People direction', line: 58 }]);
  });

  it('takes front matter aliases as a list or a string, and a title\'s abbreviation without a label', async () => {
    expect((await page('frontend-engineer.md')).role.aliases).toEqual(['FE', 'Front-end Engineer']);
    expect((await page('director.md')).role.aliases).toEqual(['Head of Engineering', 'Dir']);
    expect((await page('principal-engineer.md')).role).toMatchObject({ id: 'principal-engineer', title: 'Principal Engineer (PE)', aliases: ['PE'] });
    expect((await page('principal-engineer.md')).sections).toEqual([]);
  });

  it('reads links, inline code and escaped pipes in cells as their text', async () => {
    const sre = await page('site-reliability-engineer.md');
    expect(sre.skills.slice(0, 2).map((skill) => [skill.category, skill.name])).toEqual([
      ['Infrastructure', 'Kubernetes'],
      ['Infrastructure', 'Terraform'],
    ]);
    expect(sre.comparisons.map((fact) => fact.value)).toEqual(['grep | awk pipelines', 'Design docs', 'Pages on error_rate > 1%', 'None']);
    expect(sre.transitions[0]?.shifts).toEqual([{ from: 'Fixing incidents', to: 'Preventing incident | outage classes', line: 45 }]);
  });

  it('merges a transition named in full and by abbreviation, and reads roles as rows', async () => {
    const director = await page('director.md');
    expect(director.transitions.map((transition) => [transition.target.id, transition.readiness.map((item) => item.text)])).toEqual([
      ['vp-of-engineering', ['Executives ask for your view']],
    ]);
    expect(director.comparisons.map((fact) => `${fact.role.id}:${fact.dimension}=${fact.value}`)).toEqual([
      'director:Focus=A group', 'director:Horizon=One year', 'vpe:Focus=The function', 'vpe:Horizon=Three years',
    ]);
  });

  it('says which parts it read from unfamiliar headings or by their shape', async () => {
    const manager = await page('engineering-manager.md');
    expect(manager.notes).toContainEqual({ line: 46, message: 'read "Key Actions to Make the Move" as key actions' });
    expect(manager.notes).toContainEqual({ line: 57, message: 'read "The Hard Part" as key shifts, by the shape of its content' });
    expect((await page('staff-engineer.md')).notes).toEqual([
      { line: 45, message: 'read "How to Get There" as key actions, by the shape of its content' },
    ]);
    expect((await page('security-engineer.md')).sections).toEqual([
      { heading: 'Where People Stumble', text: 'Saying no without offering a way\nBuying tools nobody uses', unread: true, line: 23 },
    ]);
  });
});
