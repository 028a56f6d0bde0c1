import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PageFormatError } from '../page-format.error.js';
import type { RolePage, Transition } from './page.model.js';
import { decodePage } from '../read/page.decoder.js';
import { parseRolePage } from './page.parser.js';

/** A page written inline in a test, without the indentation of the template literal. */
function markdown(text: string): string {
  const lines = text.replace(/^\n/, '').trimEnd().split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
  const indent = Math.min(...indents);
  return `${lines.map((line) => line.slice(indent)).join('\n')}\n`;
}

function parse(text: string): RolePage {
  return parseRolePage(markdown(text), 'inline.md');
}

function transitionTo(page: RolePage, id: string): Transition {
  const transition = page.transitions.find((candidate) => candidate.target.id === id);
  if (transition === undefined) throw new Error(`no transition to ${id}`);
  return transition;
}

function formatError(text: string): PageFormatError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof PageFormatError) return error;
    throw error;
  }
  throw new Error('the page was read without error');
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('parseRolePage on the VP page', () => {
  const vp = parseRolePage(readFileSync(new URL('../../../seed/vp.md', import.meta.url), 'utf8'), 'seed/vp.md');

  it('reads the role from the front matter label and the title', () => {
    expect(vp.file).toBe('seed/vp.md');
    expect(vp.frontMatter).toEqual({ icon: 'globe', expanded: false, order: 2001, label: 'VP', breadcrumb: true });
    expect(vp.role).toEqual({
      id: 'vp',
      label: 'VP',
      title: 'VP of Engineering',
      aliases: [],
      question: 'How does engineering drive business success?',
      summary: expect.stringMatching(/^As a VP, you own the entire engineering function .* drive business success\?"$/),
      line: 9,
    });
  });

  it('reads 20 responsibilities in 5 areas', () => {
    expect(vp.responsibilities).toHaveLength(20);
    expect(countBy(vp.responsibilities, (item) => item.area)).toEqual({
      'Strategic Leadership': 4,
      'Organizational Leadership': 4,
      'Business Partnership': 4,
      'External Presence': 4,
      'Execution Oversight': 4,
    });
    expect(vp.responsibilities[0]).toEqual({
      area: 'Strategic Leadership',
      text: 'Set multi-year technology and organizational strategy',
      line: 18,
    });
  });

  it('reads 26 skills in 6 categories, named with a capital and identified by slug', () => {
    expect(vp.skills).toHaveLength(26);
    expect(Object.keys(countBy(vp.skills, (skill) => skill.category))).toEqual([
      'Executive Leadership',
      'Business Acumen',
      'People Leadership',
      'Communication',
      'Strategic Thinking',
      'Organizational',
    ]);
    expect(vp.skills.map((skill) => skill.id)).toEqual(
      expect.arrayContaining([
        'change-management',
        'p-and-l-management',
        'vision-setting',
        'budgeting',
        'public-speaking',
      ]),
    );
    expect(vp.skills).toContainEqual({
      id: 'organizational-strategy',
      name: 'Organizational strategy',
      category: 'Executive Leadership',
      line: 53,
    });
    expect(vp.skills).toContainEqual({
      id: 'm-and-a-integration',
      name: 'M&A integration',
      category: 'Organizational',
      line: 58,
    });
  });

  it('reads the activities by slot', () => {
    expect(countBy(vp.activities, (activity) => activity.slot)).toEqual({
      Morning: 3,
      'Recurring Meetings': 5,
      'Strategic Work': 5,
      'Ad-hoc': 4,
    });
    expect(vp.activities[3]).toEqual({
      slot: 'Recurring Meetings',
      text: '1:1s with Directors/Senior Directors (3-4 hrs/week)',
      line: 70,
    });
  });

  it('reads the typical scope, a part of its own inside the activities section', () => {
    expect(vp.scope).toEqual([
      { key: 'Direct reports', value: '4-8 Directors/Senior Directors', line: 90 },
      { key: 'Org size', value: '100-500+ engineers', line: 91 },
      { key: 'Span', value: 'Entire engineering function or major division', line: 92 },
    ]);
  });

  it('reads one comparison fact per cell of both tables, the page title column being the page role', () => {
    expect(vp.comparisons).toHaveLength(8 * 3 + 3 * 3);
    expect(countBy(vp.comparisons, (fact) => fact.table)).toEqual({
      'Comparison: VP vs CTO/CEO': 24,
      'Key Differences Summary': 9,
    });
    expect(countBy(vp.comparisons, (fact) => fact.role.id)).toEqual({ vp: 11, cto: 11, ceo: 11 });
    expect(vp.comparisons).toContainEqual({
      table: 'Comparison: VP vs CTO/CEO',
      dimension: 'Reports to',
      role: { id: 'cto', name: 'CTO', line: 98 },
      value: 'CEO or Board',
      line: 102,
    });
    expect(vp.comparisons[0]?.role).toEqual({ id: 'vp', name: 'VP of Engineering', line: 98 });
    expect(vp.comparisons).toContainEqual({
      table: 'Key Differences Summary',
      dimension: 'Metaphor',
      role: { id: 'vp', name: 'VP', line: 111 },
      value: 'General manager of the franchise',
      line: 113,
    });
  });

  it('keeps the note under the comparison as a generic section, without a warning', () => {
    expect(vp.sections).toEqual([
      {
        heading: 'Note',
        text: expect.stringMatching(/^In some organizations, the VP of Engineering and CTO/),
        unread: false,
        line: 117,
      },
    ]);
    expect(vp.warnings).toEqual([]);
  });

  it('reads the transitions to CTO and CEO from one section', () => {
    expect(vp.transitions.map((transition) => transition.target)).toEqual([
      { id: 'cto', name: 'CTO', line: 121 },
      { id: 'ceo', name: 'CEO', line: 121 },
    ]);
    for (const transition of vp.transitions) {
      expect(transition.line).toBe(121);
      expect(transition.shifts).toHaveLength(4);
      expect(transition.actions).toHaveLength(4);
      expect(transition.pitfalls).toHaveLength(5);
      expect(transition.readiness).toHaveLength(5);
    }
  });

  it('gives the timeline and the pitfalls of the section to both targets', () => {
    for (const transition of vp.transitions) {
      expect(transition.timeline).toEqual({
        text: expect.stringMatching(/^Typically 5-10\+ years as a VP, though paths vary significantly\. Many VPs/),
        minYears: 5,
        maxYears: 10,
        openEnded: true,
        line: 124,
      });
      expect(transition.pitfalls[0]).toEqual({
        text: 'Staying too focused on engineering vs. full business',
        line: 207,
      });
    }
  });

  it('reads the shifts and actions of each path', () => {
    const cto = transitionTo(vp, 'cto');
    expect(cto.shifts[0]).toEqual({ from: 'Engineering execution focus', to: 'Technology vision focus', line: 132 });
    expect(cto.actions[0]).toEqual({
      title: 'Develop Deep Product Intuition',
      bullets: [
        'Partner closely with Product leadership on product strategy',
        'Understand customer problems and market dynamics deeply',
        'Contribute to product vision, not just engineering execution',
      ],
      bulletLines: [140, 141, 142],
      example: expect.stringMatching(/^Lead a product discovery initiative\..*technical insights\.$/),
      exampleLine: 144,
      line: 139,
    });
    expect(cto.actions.map((action) => action.example === null)).toEqual([false, false, false, true]);
    expect(cto.actions[3]?.title).toBe('Expand Business Acumen');

    const ceo = transitionTo(vp, 'ceo');
    expect(ceo.shifts.at(-1)).toEqual({ from: 'Engineering budget', to: 'Full P&L', line: 174 });
    expect(ceo.actions.map((action) => action.example === null)).toEqual([false, false, false, false]);
    expect(ceo.actions[3]).toMatchObject({ title: 'Consider Alternative Paths', line: 199 });
  });

  it('reads the readiness indicators of each target', () => {
    expect(transitionTo(vp, 'cto').readiness[0]).toEqual({
      text: 'Deep product intuition and customer understanding',
      line: 218,
    });
    expect(transitionTo(vp, 'ceo').readiness.at(-1)).toEqual({
      text: 'Composure and judgment in high-stakes situations',
      line: 229,
    });
  });
});

describe('parseRolePage on pages in other forms', () => {
  it('takes the title as the label when the front matter has none', () => {
    const page = parse(`
      ---
      icon: code
      ---

      # Staff Engineer
    `);
    expect(page.role).toMatchObject({
      id: 'staff-engineer',
      label: 'Staff Engineer',
      title: 'Staff Engineer',
      line: 5,
    });
    expect(page.role.question).toBeNull();
    expect(page.role.summary).toBeNull();
    expect(page.transitions).toEqual([]);
  });

  it('accepts the parts as bold paragraphs as well as headings, with variant wordings', () => {
    const page = parse(`
      # Staff Engineer

      Staff engineers lead through technology. You answer the question: **“What should we build, and how?”**

      ## Responsibilities

      **Technical Direction**
      - Set the architecture of a domain

      ## Key Skills

      | Category | Skills |
      |---|---|
      | Technical | System design |

      ## Day-to-Day Activities

      ### Morning
      - Review design documents

      ## Scope

      - **Teams**: 3-5
      - Systems: the payments platform

      ## Transition to Principal Engineer

      **Timeline**
      Typically 3-5 years.

      ### Key Shifts

      | From (Staff) | To (Principal) |
      |---|---|
      | One domain | The whole company |

      ### Actions

      #### 1. Widen Your Scope
      - Lead a cross-org initiative

      **Example**: Own the company-wide storage migration.

      **Pitfalls**
      - Staying in one domain

      ## Readiness Indicators

      You are ready for Principal Engineer when:
      - You set direction beyond your own org
    `);
    expect(page.role.question).toBe('What should we build, and how?');
    expect(page.role.summary).toBe(
      'Staff engineers lead through technology. You answer the question: “What should we build, and how?”',
    );
    expect(page.responsibilities).toEqual([
      { area: 'Technical Direction', text: 'Set the architecture of a domain', line: 8 },
    ]);
    expect(page.skills).toEqual([{ id: 'system-design', name: 'System design', category: 'Technical', line: 14 }]);
    expect(page.activities).toEqual([{ slot: 'Morning', text: 'Review design documents', line: 19 }]);
    expect(page.scope).toEqual([
      { key: 'Teams', value: '3-5', line: 23 },
      { key: 'Systems', value: 'the payments platform', line: 24 },
    ]);
    expect(page.transitions).toEqual([
      {
        target: { id: 'principal-engineer', name: 'Principal Engineer', line: 26 },
        timeline: { text: 'Typically 3-5 years.', minYears: 3, maxYears: 5, openEnded: false, line: 29 },
        shifts: [{ from: 'One domain', to: 'The whole company', line: 35 }],
        actions: [
          {
            title: 'Widen Your Scope',
            bullets: ['Lead a cross-org initiative'],
            bulletLines: [40],
            example: 'Own the company-wide storage migration.',
            exampleLine: 42,
            line: 39,
          },
        ],
        pitfalls: [{ text: 'Staying in one domain', line: 45 }],
        readiness: [{ text: 'You set direction beyond your own org', line: 50 }],
        line: 26,
      },
    ]);
    expect(page.warnings).toEqual([]);
  });

  it('reads top-level parts written as bold paragraphs, and bold groups inside them', () => {
    const page = parse(`
      # Staff Engineer

      **Core Responsibilities**

      **Architecture**
      - Own the architecture

      **Key Skill Sets**

      | Category | Skills |
      |---|---|
      | Technical | System design |

      **Typical Day-to-Day Activities**

      **Morning**
      - Review design documents

      **Typical Scope**
      - **Systems**: the payments platform
    `);
    expect(page.responsibilities).toEqual([{ area: 'Architecture', text: 'Own the architecture', line: 6 }]);
    expect(page.skills).toEqual([{ id: 'system-design', name: 'System design', category: 'Technical', line: 12 }]);
    expect(page.activities).toEqual([{ slot: 'Morning', text: 'Review design documents', line: 17 }]);
    expect(page.scope).toEqual([{ key: 'Systems', value: 'the payments platform', line: 20 }]);
    expect(page.warnings).toEqual([]);
  });

  it('reads parts in bold after a "### Timeline" heading as parts of the transition, not of the timeline', () => {
    const page = parse(`
      # Engineering Manager

      ## Transition to Director

      ### Timeline
      Typically 3-5 years as a manager.

      **Key Shifts Required**

      | From (Manager) | To (Director) |
      |---|---|
      | Managing engineers | Managing managers |

      **Key Actions**

      **1. Grow Leaders**
      - Coach a tech lead

      **Common Pitfalls to Avoid**
      - Staying too deep in one team
    `);
    const director = transitionTo(page, 'director');
    expect(director.timeline).toMatchObject({ minYears: 3, maxYears: 5, line: 6 });
    expect(director.shifts).toEqual([{ from: 'Managing engineers', to: 'Managing managers', line: 12 }]);
    expect(director.actions).toEqual([
      { title: 'Grow Leaders', bullets: ['Coach a tech lead'], bulletLines: [17], example: null, exampleLine: null, line: 16 },
    ]);
    expect(director.pitfalls).toEqual([{ text: 'Staying too deep in one team', line: 20 }]);
    expect(page.warnings).toEqual([]);
  });

  it('reads a timeline written on the line of its bold label', () => {
    const page = parse(`
      # Engineering Manager

      ## Transition to Director

      **Timeline**: About 18 months.
    `);
    expect(transitionTo(page, 'director').timeline).toEqual({
      text: 'About 18 months.',
      minYears: 1.5,
      maxYears: 1.5,
      openEnded: false,
      line: 5,
    });
  });

  it('reads an action written as a numbered list, its example right under its bullets without a blank line', () => {
    const page = parse(`
      # Principal Engineer

      ## Transition to Distinguished Engineer

      ### Key Actions

      1. Publish Papers
         - Write one a year
         *Example: A paper at a systems conference.*
      2. Speak at Conferences
    `);
    expect(transitionTo(page, 'distinguished-engineer').actions).toEqual([
      { title: 'Publish Papers', bullets: ['Write one a year'], bulletLines: [8], example: 'A paper at a systems conference.', exampleLine: 9, line: 7 },
      { title: 'Speak at Conferences', bullets: [], bulletLines: [], example: null, exampleLine: null, line: 10 },
    ]);
  });

  it.each([
    [
      'X, Y or Z',
      'Transition to Staff Engineer, Principal Engineer or Architect',
      ['staff-engineer', 'principal-engineer', 'architect'],
    ],
    ['X/Y', 'Transition to CTO/CEO', ['cto', 'ceo']],
    ['X and Y', 'Transition to Director and VP', ['director', 'vp']],
    ['X or Y', 'Transition to CTO or CEO', ['cto', 'ceo']],
  ])('reads the targets of a "%s" transition heading', (_form, heading, ids) => {
    const page = parse(`
      # Senior Engineer

      ## ${heading}

      ### Common Pitfalls
      - Moving too fast
    `);
    expect(page.transitions.map((transition) => transition.target.id)).toEqual(ids);
    for (const transition of page.transitions) {
      expect(transition.pitfalls).toEqual([{ text: 'Moving too fast', line: 6 }]);
    }
  });

  it('lets the timeline of a path replace the shared one, and reads a path not named in the heading', () => {
    const page = parse(`
      # VP of Engineering

      ## Transition to CTO or CEO

      ### Timeline
      Typically 5-10+ years.

      ### Path to CTO

      **Timeline**
      Often 2-4 years.

      ### Path to Founder

      **Key Actions**

      **1. Build a Network**
      - Meet investors
    `);
    expect(page.transitions.map((transition) => transition.target.id)).toEqual(['cto', 'ceo', 'founder']);
    expect(transitionTo(page, 'cto').timeline).toMatchObject({ minYears: 2, maxYears: 4, line: 11 });
    expect(transitionTo(page, 'ceo').timeline).toMatchObject({ minYears: 5, maxYears: 10, openEnded: true, line: 6 });
    expect(transitionTo(page, 'founder')).toMatchObject({
      target: { id: 'founder', name: 'Founder', line: 13 },
      timeline: null,
      actions: [{ title: 'Build a Network', bullets: ['Meet investors'], bulletLines: [18], example: null, exampleLine: null, line: 17 }],
      line: 13,
    });
  });

  it('makes a transition of readiness for a role the page has no transition section for', () => {
    const page = parse(`
      # Director

      ## Career Progression Indicators

      You’re ready for the VP role when you've demonstrated:
      - Leadership of several Directors
    `);
    expect(page.transitions).toEqual([
      {
        target: { id: 'vp', name: 'VP', line: 5 },
        timeline: null,
        shifts: [],
        actions: [],
        pitfalls: [],
        readiness: [{ text: 'Leadership of several Directors', line: 6 }],
        line: 5,
      },
    ]);
  });

  it('matches readiness to a transition by slug, whichever comes first on the page', () => {
    const page = parse(`
      # Director

      ## Readiness Indicators

      You're ready for vp when:
      - Leadership of several Directors

      ## Transition to VP

      ### Timeline
      2 to 4 years
    `);
    expect(page.transitions).toHaveLength(1);
    expect(transitionTo(page, 'vp')).toMatchObject({
      target: { id: 'vp', name: 'VP', line: 8 },
      timeline: { minYears: 2, maxYears: 4 },
      readiness: [{ text: 'Leadership of several Directors', line: 6 }],
      line: 8,
    });
  });

  it.each([
    ['Typically 5-10+ years as a VP.', 5, 10, true],
    ['Typically 5–10 years.', 5, 10, false],
    ['Usually 2-4 years.', 2, 4, false],
    ['2 to 4 years', 2, 4, false],
    ['3+ years', 3, null, true],
    ['1 year', 1, 1, false],
    ['About a year', 1, 1, false],
    ['Two to three years', 2, 3, false],
    ['18 months', 1.5, 1.5, false],
    ['6-12 months', 0.5, 1, false],
    ['18 months to 2 years', 1.5, 2, false],
    ['Varies widely', null, null, false],
  ])('reads the years of the timeline "%s"', (text, minYears, maxYears, openEnded) => {
    const page = parse(`
      # Engineer

      ## Transition to Lead

      ### Timeline
      ${text}
    `);
    expect(transitionTo(page, 'lead').timeline).toEqual({ text, minYears, maxYears, openEnded, line: 6 });
  });

  it('does not split a skill at the commas inside its parentheses, nor keep the "and" of the last one', () => {
    const page = parse(`
      # Engineering Manager

      ## Key Skill Sets

      | Category | Skills |
      |---|---|
      | **People** | Hiring (sourcing, interviewing), coaching, and iOS mentoring |
    `);
    expect(page.skills.map((skill) => [skill.id, skill.name, skill.category])).toEqual([
      ['hiring-sourcing-interviewing', 'Hiring (sourcing, interviewing)', 'People'],
      ['coaching', 'Coaching', 'People'],
      ['ios-mentoring', 'iOS mentoring', 'People'],
    ]);
  });

  it('keeps an unknown section as a generic section, with a warning', () => {
    const page = parse(`
      # Engineering Manager

      ## Further Reading

      Some books.

      ### Classics
      - The Manager's Path

      ## Core Responsibilities

      ### People
      - Hold 1:1s
    `);
    expect(page.sections).toEqual([
      { heading: 'Further Reading', text: "Some books.\n\nClassics\n\nThe Manager's Path", unread: true, line: 3 },
    ]);
    expect(page.warnings).toEqual([
      { line: 3, message: 'unknown section "Further Reading" kept as a generic section' },
    ]);
    expect(page.responsibilities).toEqual([{ area: 'People', text: 'Hold 1:1s', line: 13 }]);
  });

  it('keeps content that does not fit a known part as a generic section, with a warning', () => {
    const page = parse(`
      # Engineering Manager

      ## Common Pitfalls

      ## Transition to Director

      Most managers take years to get there.

      ### Pitfalls
      - Going around your managers
    `);
    expect(page.sections).toEqual([
      { heading: 'Common Pitfalls', text: '', unread: true, line: 3 },
      { heading: 'Transition to Director', text: 'Most managers take years to get there.', unread: true, line: 7 },
    ]);
    expect(page.warnings).toEqual([
      { line: 3, message: 'unknown section "Common Pitfalls" kept as a generic section' },
      { line: 7, message: 'content that does not fit "Transition to Director" kept as a generic section' },
    ]);
    expect(transitionTo(page, 'director').pitfalls).toEqual([{ text: 'Going around your managers', line: 10 }]);
  });

  it('refers to the page role by its label or title in any case in comparison columns', () => {
    const page = parse(`
      ---
      label: EM
      ---
      # Engineering Manager

      ## Comparison with the Director

      | Dimension | engineering manager | em | Director |
      |---|---|---|---|
      | Focus | Team | Team | Group |
    `);
    expect(page.comparisons.map((fact) => [fact.role.id, fact.role.name, fact.value])).toEqual([
      ['em', 'engineering manager', 'Team'],
      ['em', 'em', 'Team'],
      ['director', 'Director', 'Group'],
    ]);
  });
});

describe('parseRolePage rejects a page that is not a role page', () => {
  it('without a title', () => {
    const error = formatError(`
      ## Core Responsibilities
      - Ship things
    `);
    expect(error).toMatchObject({
      file: 'inline.md',
      line: 1,
      reason: "no title: a role page starts with a '# ' heading",
    });
    expect(error.message).toBe("inline.md:1: no title: a role page starts with a '# ' heading");
  });

  it('with a table row of more cells than its header, at the line of the row', () => {
    const error = formatError(`
      # Manager

      ## Key Skill Sets

      | Category | Skills |
      |---|---|
      | People | Hiring |
      | Delivery | Planning | Estimation |
    `);
    expect(error).toMatchObject({ line: 8, reason: 'table row has 3 cells, its header has 2' });
  });

  it('with a table row of fewer cells than its header', () => {
    const error = formatError(`
      # Manager

      | Dimension | Manager | Director | VP |
      |---|---|---|---|
      | Focus | Team | Group |
    `);
    expect(error).toMatchObject({ line: 5, reason: 'table row has 3 cells, its header has 4' });
  });

  it('but not for an escaped pipe inside a cell', () => {
    const page = parse(`
      # Manager

      ## Key Skill Sets

      | Category | Skills |
      |---|---|
      | Tools | Unix pipes (a \\| b) |
    `);
    expect(page.skills.map((skill) => skill.name)).toEqual(['Unix pipes (a | b)']);
  });

  it('with a "## Transition to" heading that names no target', () => {
    const error = formatError(`
      # Manager

      ## Transition to

      ### Timeline
      2-4 years
    `);
    expect(error).toMatchObject({ line: 3, reason: '"Transition to" names no target role' });
  });

  it('with a "### Path to" heading that names no target', () => {
    const error = formatError(`
      # Manager

      ## Transition to Director or VP

      ### Path to
    `);
    expect(error).toMatchObject({ line: 5, reason: '"Path to" names no target role' });
  });
});

describe('decodePage', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('returns the text of a UTF-8 page', () => {
    expect(decodePage(encode('# Café Lead\n'), 'cafe.md')).toBe('# Café Lead\n');
  });

  it.each([
    ['an empty file', new Uint8Array()],
    ['a file of whitespace only', encode(' \n\t\n')],
  ])('rejects %s', (_name, bytes) => {
    expect(() => decodePage(bytes, 'empty.md')).toThrow(new PageFormatError('empty.md', 1, 'empty page'));
  });

  it('rejects a binary file with a NUL byte at line 1', () => {
    expect(() => decodePage(encode('# Title\n\nab\u0000c'), 'image.md')).toThrow(
      new PageFormatError('image.md', 1, 'binary file: it contains a NUL byte'),
    );
  });

  it('rejects a file that is not UTF-8 at the line of the first bad byte', () => {
    const bytes = new Uint8Array([...encode('# Title\n\nCaf'), 0xe9, ...encode('\n')]);
    expect(() => decodePage(bytes, 'latin1.md')).toThrow(
      new PageFormatError('latin1.md', 3, 'binary file: it is not UTF-8 text'),
    );
  });
});
