import { describe, expect, it } from 'vitest';
import { testApiToken, useSeededApi } from '../../tests/api-server.js';
import type { TimelineYears } from '../transition/timeline-years.js';

const api = useSeededApi();

const careerMapQuery = `{ careerMap {
  nodes { id label title level kind hasPage skillCount }
  edges { id source target label minYears maxYears openEnded }
} }`;

interface CareerMapData {
  careerMap: {
    nodes: { id: string; label: string; title: string; level: number; kind: string; hasPage: boolean; skillCount: number }[];
    edges: (TimelineYears & { id: string; source: string; target: string; label: string | null })[];
  };
}

async function careerMap(): Promise<CareerMapData['careerMap']> {
  const response = await api.query<CareerMapData>(careerMapQuery);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return (response.data as CareerMapData).careerMap;
}

describe('careerMap', () => {
  it('returns every seeded role as a node, lowest level first, with its kind, page and skill count', async () => {
    const { nodes } = await careerMap();
    expect(nodes).toEqual([
      { id: 'individual-contributor', label: 'Individual Contributor', title: 'Individual Contributor (Software Engineer)', level: 1, kind: 'ENTRY', hasPage: true, skillCount: 26 },
      { id: 'manager', label: 'Manager', title: 'Engineering Manager', level: 2, kind: 'STEP', hasPage: true, skillCount: 25 },
      { id: 'director', label: 'Director', title: 'Director of Engineering', level: 3, kind: 'STEP', hasPage: true, skillCount: 26 },
      { id: 'vp', label: 'VP', title: 'VP of Engineering', level: 4, kind: 'STEP', hasPage: true, skillCount: 26 },
      // Without pages, CEO and CTO inherit the VP's 26; the move to CTO also develops "ownership" (vp.md line 134),
      // the move to CEO only skills the VP already lists (lines 181, 190).
      { id: 'ceo', label: 'CEO', title: 'CEO', level: 5, kind: 'TOP', hasPage: false, skillCount: 26 },
      { id: 'cto', label: 'CTO', title: 'CTO', level: 5, kind: 'TOP', hasPage: false, skillCount: 27 },
    ]);
  });

  it('returns every transition as an edge labelled with its years', async () => {
    const { edges } = await careerMap();
    expect(edges).toEqual([
      { id: 'individual-contributor-to-manager', source: 'individual-contributor', target: 'manager', label: '3–6 years', minYears: 3, maxYears: 6, openEnded: false },
      { id: 'manager-to-director', source: 'manager', target: 'director', label: '3–5 years', minYears: 3, maxYears: 5, openEnded: false },
      { id: 'director-to-vp', source: 'director', target: 'vp', label: '3–5+ years', minYears: 3, maxYears: 5, openEnded: true },
      { id: 'vp-to-ceo', source: 'vp', target: 'ceo', label: '5–10+ years', minYears: 5, maxYears: 10, openEnded: true },
      { id: 'vp-to-cto', source: 'vp', target: 'cto', label: '5–10+ years', minYears: 5, maxYears: 10, openEnded: true },
    ]);
  });

  it('places each role for drawing: the ladder bottom to top in one cluster, with its counts per level', async () => {
    const response = await api.query<{ careerMap: { nodes: { id: string; x: number; y: number; cluster: string }[]; clusters: { id: string; name: string; size: number; levels: { level: number; count: number }[] }[] } }>(
      '{ careerMap { nodes { id x y cluster } clusters { id name size levels { level count } } } }',
    );
    const { nodes, clusters } = response.data?.careerMap ?? { nodes: [], clusters: [] };
    const y = (id: string) => nodes.find((node) => node.id === id)?.y as number;
    const ladder = ['individual-contributor', 'manager', 'director', 'vp', 'cto'].map(y);
    expect(ladder).toEqual([...ladder].sort((a, b) => a - b));
    expect(new Set(ladder).size).toBe(5);
    expect(y('ceo')).toBe(y('cto'));
    expect(clusters).toEqual([{ id: 'cluster-1', name: 'All roles', size: 6, levels: [1, 2, 3, 4].map((level) => ({ level, count: 1 })).concat({ level: 5, count: 2 }) }]);
    expect(new Set(nodes.map((node) => node.cluster))).toEqual(new Set(['cluster-1']));
  });

  it('agrees with role(id): the skill count is the length of Role.skills', async () => {
    const response = await api.query<{ role: { skills: unknown[] } }>('{ role(id: "cto") { skills { id } } }');
    const cto = (await careerMap()).nodes.find((node) => node.id === 'cto');
    expect(cto?.skillCount).toBe(response.data?.role.skills.length);
  });

  it('draws a curated role with no transitions as standalone, and a transition with no years unlabelled', async () => {
    const curator = { authorization: `Bearer ${testApiToken}` };
    const curated = await api.query(
      `mutation {
        staff: createRole(input: { id: "staff-engineer", title: "Staff Engineer" }) { id }
        principal: createRole(input: { id: "principal-engineer", title: "Principal Engineer" }) { id }
        upsertTransition(input: { from: "individual-contributor", to: "principal-engineer" }) { id }
      }`,
      undefined,
      curator,
    );
    expect(curated.errors, JSON.stringify(curated.errors)).toBeUndefined();
    const { nodes, edges } = await careerMap();
    expect(nodes.find((node) => node.id === 'staff-engineer')).toMatchObject({ kind: 'STANDALONE', hasPage: false, skillCount: 0, label: 'Staff Engineer' });
    expect(nodes.find((node) => node.id === 'principal-engineer')).toMatchObject({ kind: 'TOP', hasPage: false });
    expect(edges.find((edge) => edge.target === 'principal-engineer')).toMatchObject({ label: null, minYears: null, maxYears: null, openEnded: false });
  });
});
