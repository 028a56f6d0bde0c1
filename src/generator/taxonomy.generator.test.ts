import { describe, expect, it } from 'vitest';
import { parseRolePage } from '../importer/parse/page.parser.js';
import { slug } from '../slug.js';
import { pageFileName, renderRolePage } from './role-page.writer.js';
import { generateTaxonomy, type TaxonomyOptions } from './taxonomy.generator.js';

const options: TaxonomyOptions = { roles: 60, skills: 300, links: 1500, transitions: 150, seed: 42, zipfExponent: 0.65 };

describe('generateTaxonomy', () => {
  const taxonomy = generateTaxonomy(options);

  it('is the same for the same seed', () => {
    expect(generateTaxonomy(options)).toEqual(taxonomy);
    expect(generateTaxonomy({ ...options, seed: 43 })).not.toEqual(taxonomy);
  });

  it('has exactly the links and transitions asked for, and every skill needed by some role', () => {
    expect(taxonomy.roles.reduce((sum, role) => sum + role.skills.length, 0)).toBe(1500);
    expect(taxonomy.roles.reduce((sum, role) => sum + role.targets.length, 0)).toBe(150);
    expect(new Set(taxonomy.roles.flatMap((role) => role.skills.map((link) => link.skill))).size).toBe(300);
  });

  it('names roles and skills with distinct slugs', () => {
    expect(new Set(taxonomy.roles.map((role) => slug(role.title))).size).toBe(60);
    expect(new Set(taxonomy.skills.map((skill) => slug(skill.name))).size).toBe(300);
  });

  it('only leads up the ladder, so it has no cycles', () => {
    for (const role of taxonomy.roles) for (const target of role.targets) expect(taxonomy.roles[target]?.tier).toBeGreaterThan(role.tier);
  });

  it('makes a few skills popular and most rare', () => {
    const degrees = new Map<number, number>();
    for (const role of taxonomy.roles) for (const { skill } of role.skills) degrees.set(skill, (degrees.get(skill) ?? 0) + 1);
    const sorted = [...degrees.values()].sort((a, b) => b - a);
    expect(sorted[0]).toBeGreaterThan(4 * (sorted[Math.floor(sorted.length / 2)] as number));
  });

  it('refuses options it cannot satisfy', () => {
    expect(() => generateTaxonomy({ ...options, links: 100 })).toThrow(/--links must be at least --skills/);
    expect(() => generateTaxonomy({ ...options, transitions: 100_000 })).toThrow(/--transitions must be at most/);
  });
});

describe('renderRolePage', () => {
  it('writes pages the importer reads back as the same role, skills and transitions, with no warnings', () => {
    // Small, as parsing Markdown takes milliseconds a page.
    const taxonomy = generateTaxonomy({ ...options, roles: 18, skills: 90, links: 450, transitions: 30 });
    taxonomy.roles.forEach((role, index) => {
      const page = parseRolePage(renderRolePage(taxonomy, index), pageFileName(role));
      expect(page.role.id).toBe(slug(role.title));
      expect(`${page.role.id}.md`).toBe(pageFileName(role));
      expect(page.skills.map((skill) => [skill.id, skill.category]).sort()).toEqual(
        role.skills.map(({ skill, category }) => [slug(taxonomy.skills[skill]?.name ?? ''), category]).sort(),
      );
      expect(page.transitions.map((transition) => transition.target.id).sort()).toEqual(role.targets.map((target) => slug(taxonomy.roles[target]?.title ?? '')).sort());
      expect(page.warnings).toEqual([]);
    });
  });
});
