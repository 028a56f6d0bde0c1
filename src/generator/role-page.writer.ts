import { slug } from '../slug.js';
import type { GeneratedRole, Taxonomy } from './taxonomy.generator.js';

/** The file a generated role's page is written to: its id, as the importer will derive it from the label. */
export function pageFileName(role: GeneratedRole): string {
  return `${slug(role.title)}.md`;
}

/**
 * A generated role as a career-guide page in the format of seed/: front matter, introduction,
 * responsibilities, skill table, scope, one "Transition to" section per target and readiness indicators.
 */
export function renderRolePage(taxonomy: Taxonomy, index: number): string {
  const role = taxonomy.roles[index] as GeneratedRole;
  const skillName = (skill: number): string => taxonomy.skills[skill]?.name ?? '';
  const targets = role.targets.map((target) => taxonomy.roles[target] as GeneratedRole);
  const lines = [
    '---',
    `label: ${role.title}`,
    `order: ${index + 1}`,
    '---',
    '',
    `# ${role.title}`,
    '',
    `As a ${role.title}, you work in ${role.family} at rung ${role.tier} of the ladder. You answer the question: **"How does ${role.family.toLowerCase()} work get done well?"**`,
    '',
    '---',
    '',
    '## Core Responsibilities',
    '',
    `### ${role.family} Outcomes`,
    `- Deliver the ${role.family.toLowerCase()} work expected at rung ${role.tier}`,
    `- Keep the quality of ${role.family.toLowerCase()} systems high`,
    '',
    '### Collaboration',
    '- Work with peers across the organization',
    '- Share what you learn with your team',
    '',
    '---',
    '',
    '## Key Skill Sets',
    '',
    '| Category | Skills |',
    '|----------|--------|',
    ...[...groupByCategory(role)].map(([category, skills]) => `| **${category}** | ${skills.map(skillName).join(', ')} |`),
    '',
    '### Typical Scope',
    `- **Rung**: ${role.tier}`,
    `- **Family**: ${role.family}`,
    '',
  ];
  for (const target of targets) lines.push(...transitionSection(role, target, skillName(role.skills[0]?.skill ?? 0)));
  if (targets.length > 0) {
    lines.push('---', '', '## Career Progression Indicators', '');
    for (const target of targets) {
      lines.push(`You're ready for ${target.title} when you've demonstrated:`, `- Consistent results as a ${role.title}`, `- Readiness for the scope of a ${target.title}`, '');
    }
  }
  return lines.join('\n');
}

function transitionSection(role: GeneratedRole, target: GeneratedRole, firstSkill: string): string[] {
  // A lateral move, or one a rung down, takes a year or more too.
  const years = Math.max(1, target.tier - role.tier + 1);
  return [
    '---',
    '',
    `## Transition to ${target.title}`,
    '',
    '### Timeline',
    `Typically ${years}-${years + 2} years as a ${role.title}.`,
    '',
    '**Key Shifts Required**',
    '',
    `| From (${role.title}) | To (${target.title}) |`,
    '|------|------|',
    `| ${role.family} work at rung ${role.tier} | ${target.family} work at rung ${target.tier} |`,
    '',
    '**Key Actions**',
    '',
    `**1. Deepen ${firstSkill}**`,
    '- Practise it on a real project',
    `- Ask a ${target.title} for feedback`,
    '',
    '### Common Pitfalls to Avoid',
    `- Staying within the scope of a ${role.title}`,
    '',
  ];
}

/** A role's skills by the category it lists them in, categories in order of first appearance. */
function groupByCategory(role: GeneratedRole): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const { skill, category } of role.skills) {
    const group = groups.get(category);
    if (group) group.push(skill);
    else groups.set(category, [skill]);
  }
  return groups;
}
