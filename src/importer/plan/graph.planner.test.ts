import { describe, expect, it } from 'vitest';
import { planGraph, type KnownRoles } from './graph.planner.js';
import type { RolePage } from '../parse/page.model.js';
import { parseRolePage } from '../parse/page.parser.js';
import { PageFormatError } from '../page-format.error.js';

const staffPage = parseRolePage(
  [
    '---',
    'label: Staff Engineer',
    'order: 1500',
    '---',
    '# Staff Engineer',
    '',
    'You answer the question: **"What should we build, and how?"**',
    '',
    '## Key Skill Sets',
    '',
    '| Category | Skills |',
    '|---|---|',
    '| **Technical** | System design, Mentoring |',
    '',
    '## Comparison: Staff vs Principal',
    '',
    '| Dimension | Staff Engineer | Principal Engineer |',
    '|---|---|---|',
    '| **Scope** | A group of teams | The whole company |',
    '',
    '## Transition to Principal Engineer',
    '',
    '### Timeline',
    'Typically 3-5+ years.',
    '',
    '**Key Shifts Required**',
    '',
    '| From (Staff) | To (Principal) |',
    '|---|---|',
    '| Group scope | Company scope |',
    '',
  ].join('\n'),
  'pages/staff.md',
);

const known = (aliases: [string, string][], pageFiles: [string, string][] = []): KnownRoles => ({
  aliases: new Map(aliases),
  pageFiles: new Map(pageFiles),
});

describe('planGraph', () => {
  it('plans the nodes and relationships a page contributes, each with its source', () => {
    expect(planGraph([staffPage])).toMatchSnapshot();
  });

  it('plans the same graph for the same page: re-importing replaces, never duplicates', () => {
    expect(planGraph([staffPage])).toEqual(planGraph([staffPage]));
  });

  it('sets the page\'s own role but only creates the roles it merely names', () => {
    const plan = planGraph([staffPage]);
    const roles = plan.nodes.filter((node) => node.label === 'Role').map(({ id, mode }) => ({ id, mode }));
    expect(roles).toEqual([
      { id: 'staff-engineer', mode: 'set' },
      { id: 'principal-engineer', mode: 'create-if-missing' },
    ]);
  });

  it('resolves a name to the role the database knows by that alias', () => {
    const plan = planGraph([staffPage], known([['principal-engineer', 'principal']]));
    expect(plan.relationships.find((relationship) => relationship.type === 'LEADS_TO')?.to).toBe('principal');
    expect(plan.nodes.map((node) => node.id)).toContain('staff-engineer-to-principal');
  });

  it('refuses a page whose role another page already defines', () => {
    expect(() => planGraph([staffPage], known([], [['staff-engineer', 'pages/other.md']]))).toThrow(
      new PageFormatError('pages/staff.md', 5, 'role "staff-engineer" is already defined by pages/other.md'),
    );
  });

  it('keeps the order of skills within a table row', () => {
    const positions = planGraph([staffPage])
      .relationships.filter((relationship) => relationship.type === 'REQUIRES_SKILL')
      .map((relationship) => [relationship.to, relationship.properties.position]);
    expect(positions).toEqual([
      ['system-design', 0],
      ['mentoring', 1],
    ]);
  });

  it('refuses two transitions to the same role on one page', () => {
    const [transition] = staffPage.transitions;
    const twice: RolePage = { ...staffPage, transitions: [transition!, { ...transition!, line: 40 }] };
    expect(() => planGraph([twice])).toThrow('pages/staff.md:40: a second transition to "principal-engineer" (the first is at line 21)');
  });

  it('resolves an abbreviation another page of the run defines, and reports a name two pages define', () => {
    const principal = parseRolePage('# Principal Engineer (PE)\n', 'pages/principal.md');
    const product = parseRolePage('# Product Engineer\n\nA **Product Engineer (PE)** builds features.\n', 'pages/product.md');
    const ic = parseRolePage(
      '# Individual Contributor (IC)\n\n## IC vs PE vs Principal Engineer\n\n| Dimension | IC | PE | Principal Engineer |\n|---|---|---|---|\n| Scope | Team | All | All |\n',
      'pages/ic.md',
    );
    const plan = planGraph([principal, product, ic]);
    const subjects = plan.relationships.filter((relationship) => relationship.type === 'HAS_FACT').map((relationship) => relationship.from);
    expect(subjects).toEqual(['individual-contributor', 'principal-engineer', 'principal-engineer']);
    expect(plan.nodes.filter((node) => node.label === 'Role').map((node) => node.id)).toEqual(['principal-engineer', 'product-engineer', 'individual-contributor']);
    expect(plan.warnings).toEqual([
      'pages/principal.md:1: "pe" is a name of principal-engineer or product-engineer',
      'pages/product.md:1: "pe" is a name of principal-engineer or product-engineer',
      'pages/ic.md:5: "PE" could be principal-engineer or product-engineer: read as principal-engineer',
    ]);
  });
});
