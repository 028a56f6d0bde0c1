import { describe, expect, it } from 'vitest';
import { layoutCareerMap, type LayoutRole, type LayoutTransition } from './career-map.layout.js';

const ladder = (family: string, levels: number): LayoutRole[] =>
  Array.from({ length: levels }, (_, index) => ({ id: `${family.toLowerCase()}-${index + 1}`, label: `Rung ${index + 1} ${family} Engineer`, level: index + 1 }));
const up = (roles: LayoutRole[]): LayoutTransition[] => roles.slice(1).map((role, index) => ({ source: (roles[index] as LayoutRole).id, target: role.id }));

/** Six roles at each of four levels, as "Senior Data Analyst 3": more than a screenful with another family. */
const family = (name: string): LayoutRole[] =>
  [1, 2, 3, 4].flatMap((level) => Array.from({ length: 6 }, (_, index) => ({ id: `${name}-${level}-${index}`.toLowerCase(), label: `Rung ${level} ${name} Analyst ${index}`, level })));
/** A transition from every role to every role one level up. */
const everyStepUp = (roles: LayoutRole[]): LayoutTransition[] =>
  roles.flatMap((source) => roles.filter((target) => target.level === source.level + 1).map((target) => ({ source: source.id, target: target.id })));

describe('layoutCareerMap', () => {
  it('puts a higher level above a lower one and roles of one level side by side', () => {
    const roles: LayoutRole[] = [...ladder('Data', 3), { id: 'data-3b', label: 'Rung 3 Data Analyst', level: 3 }];
    const { positions, clusters } = layoutCareerMap(roles, [...up(roles.slice(0, 3)), { source: 'data-2', target: 'data-3b' }]);
    const at = (id: string) => positions.get(id) as { x: number; y: number };
    expect(at('data-2').y).toBeGreaterThan(at('data-1').y);
    expect(at('data-3').y).toBeGreaterThan(at('data-2').y);
    expect(at('data-3').y).toBe(at('data-3b').y);
    expect(at('data-3').x).not.toBe(at('data-3b').x);
    expect(clusters).toEqual([expect.objectContaining({ name: 'All roles', size: 4, levels: [{ level: 1, count: 1 }, { level: 2, count: 1 }, { level: 3, count: 2 }] })]);
  });

  it('groups two families joined by no transition into two clusters named by their own word, in blocks apart', () => {
    const data = family('Data');
    const cloud = family('Cloud');
    const loner: LayoutRole = { id: 'hermit', label: 'Hermit', level: 1 };
    const { positions, clusters } = layoutCareerMap([...data, ...cloud, loner], [...everyStepUp(data), ...everyStepUp(cloud)]);
    expect(clusters.map((cluster) => cluster.name).sort()).toEqual(['Cloud', 'Data', 'Without transitions']);
    const clusterOf = (id: string) => positions.get(id)?.cluster;
    expect(new Set(data.map((role) => clusterOf(role.id))).size).toBe(1);
    expect(clusterOf('data-1-0')).not.toBe(clusterOf('cloud-1-0'));
    expect(clusterOf('hermit')).not.toBe(clusterOf('cloud-1-0'));
    for (const cluster of clusters) {
      const inside = [...positions.values()].filter((position) => position.cluster === cluster.id);
      expect(inside).toHaveLength(cluster.size);
      for (const { x, y } of inside) {
        expect(x).toBeGreaterThanOrEqual(cluster.x);
        expect(x).toBeLessThanOrEqual(cluster.x + cluster.width);
        expect(y).toBeGreaterThanOrEqual(cluster.y);
        expect(y).toBeLessThanOrEqual(cluster.y + cluster.height);
      }
    }
  });

  it('keeps a ladder that fits on a screen in one cluster', () => {
    const data = ladder('Data', 10);
    const cloud = ladder('Cloud', 10);
    const { clusters } = layoutCareerMap([...data, ...cloud], [...up(data), ...up(cloud)]);
    expect(clusters.map((cluster) => [cluster.name, cluster.size])).toEqual([['All roles', 20]]);
  });

  it('gives the same layout to the same graph', () => {
    const roles = [...family('Data'), ...family('Cloud')];
    const transitions = [...everyStepUp(roles.slice(0, 24)), ...everyStepUp(roles.slice(24)), { source: 'data-1-0', target: 'cloud-2-0' }];
    expect(layoutCareerMap(roles, transitions)).toEqual(layoutCareerMap(roles, transitions));
  });
});
