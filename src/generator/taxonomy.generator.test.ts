import { describe, expect, it } from 'vitest';
import { parseRolePage } from '../importer/parse/page.parser.js';
import { slug } from '../slug.js';
import { pageFileName, renderRolePage } from './role-page.writer.js';
import { generateTaxonomy, type GeneratedRole, type Taxonomy, type TaxonomyOptions } from './taxonomy.generator.js';

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

/** Whether the moves make a cycle: Kahn's algorithm leaves roles unsorted exactly when they do. */
function hasCycle(taxonomy: Taxonomy): boolean {
  const incoming = taxonomy.roles.map(() => 0);
  for (const role of taxonomy.roles) for (const target of role.targets) incoming[target] = (incoming[target] as number) + 1;
  const ready = incoming.flatMap((count, index) => (count === 0 ? [index] : []));
  let sorted = 0;
  while (ready.length > 0) {
    sorted += 1;
    for (const target of (taxonomy.roles[ready.pop() as number] as GeneratedRole).targets) {
      incoming[target] = (incoming[target] as number) - 1;
      if (incoming[target] === 0) ready.push(target);
    }
  }
  return sorted < taxonomy.roles.length;
}

describe('generateTaxonomy with lateral moves', () => {
  // The 3,000 roles (about 12 per family and rung), with few skills to keep it quick.
  const size = { ...options, roles: 3000, skills: 300, links: 6000, transitions: 9000 };
  const ladder = generateTaxonomy(size);
  const dense = generateTaxonomy({ ...size, lateralMoves: 10 });

  /** Each role's moves beyond those of the ladder alone. */
  const moves = dense.roles.map((role, index) => role.targets.slice((ladder.roles[index] as GeneratedRole).targets.length));

  it('keeps the ladder and adds ten distinct moves to every role, none to itself', () => {
    expect(hasCycle(ladder)).toBe(false);
    const wrong = dense.roles.flatMap((role, index) => {
      const own = (ladder.roles[index] as GeneratedRole).targets;
      const keeps = role.targets.slice(0, own.length).join() === own.join();
      return keeps && moves[index]?.length === 10 && new Set(role.targets).size === role.targets.length && !role.targets.includes(index) ? [] : [role.title];
    });
    expect(wrong).toEqual([]);
  });

  it('moves about half of them within the family at the same rung, the rest to other families a rung down to a rung up', () => {
    const kinds = dense.roles.flatMap((role, index) =>
      (moves[index] ?? []).map((target) => {
        const other = dense.roles[target] as GeneratedRole;
        if (other.family === role.family) return other.tier === role.tier ? 'lateral' : 'elsewhere';
        return Math.abs(other.tier - role.tier) <= 1 ? 'across' : 'elsewhere';
      }),
    );
    const count = (kind: string) => kinds.filter((item) => item === kind).length;
    // Half and half, but for the few families with no other role left at a rung.
    expect(count('lateral')).toBeGreaterThan(0.4 * 30_000);
    expect(count('across')).toBeGreaterThan(0.4 * 30_000);
    expect(count('elsewhere')).toBe(0);
    expect(dense.roles.some((role) => role.targets.some((target) => (dense.roles[target] as GeneratedRole).tier < role.tier))).toBe(true);
  });

  it('makes cycles, and moves both ways between some roles', () => {
    expect(hasCycle(dense)).toBe(true);
    expect(dense.roles.some((role, index) => role.targets.some((target) => (dense.roles[target] as GeneratedRole).targets.includes(index)))).toBe(true);
  });

  it('refuses more moves than the rungs can take', () => {
    expect(() => generateTaxonomy({ ...size, lateralMoves: 501 })).toThrow(/--lateral-moves must be at most 500/);
    expect(() => generateTaxonomy({ ...size, lateralMoves: -1 })).toThrow(/--lateral-moves must be a whole number/);
  });
});

describe('renderRolePage', () => {
  it('writes pages the importer reads back as the same role, skills and transitions, with no warnings', () => {
    // Small, as parsing Markdown takes milliseconds a page.
    const taxonomy = generateTaxonomy({ ...options, roles: 18, skills: 90, links: 450, transitions: 30, lateralMoves: 2 });
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
