import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { screenful } from './screenful.js';

// A CommonJS module whose types declare an ES default export: at run time the default import is the function.
const louvain = louvainModule as unknown as typeof louvainModule.default;

export interface LayoutRole {
  id: string;
  label: string;
  level: number;
}

export interface LayoutTransition {
  source: string;
  target: string;
}

export interface LevelCount {
  level: number;
  count: number;
}

export interface Cluster {
  id: string;
  name: string;
  size: number;
  levels: LevelCount[];
  /** Where the cluster's block starts and ends, in the layout's units: its roles lie inside. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  positions: Map<string, { x: number; y: number; cluster: string }>;
  clusters: Cluster[];
}

/**
 * Role spacing in layout units: columns are wider than rows, for labels run across, and a level is taller than
 * a row, so that rungs read as rungs.
 */
const columnGap = 3;
const rowGap = 1;
const levelGap = 1.8;
const blockGap = 6;

/**
 * Positions every role, once per graph on the server, so that the page draws without laying out anything.
 * Roles are grouped into clusters by Louvain communities of the transition graph (careers mostly move
 * within a family, so communities are families where the pages have them); each cluster is a block with its
 * levels as rows, lowest at the bottom, and the blocks are packed in shelves to fill a wide screen.
 */
export function layoutCareerMap(roles: LayoutRole[], transitions: LayoutTransition[], aspect = 1.6): Layout {
  const membership = clusterRoles(roles, transitions);
  const byCluster = new Map<string, LayoutRole[]>();
  for (const role of roles) push(byCluster, membership.get(role.id) as string, role);
  const predecessors = new Map<string, string[]>();
  for (const { source, target } of transitions) push(predecessors, target, source);

  const blocks = [...byCluster.values()].map((members) => block(members, predecessors));
  const clusterNames = nameClusters([...byCluster.entries()], roles);
  blocks.forEach((b, index) => (b.name = clusterNames[index] as string));
  // Largest first, then by name: the big families lead, and the order is the same on every run.
  blocks.sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name));

  const area = blocks.reduce((sum, b) => sum + (b.width + blockGap) * (b.height + blockGap), 0);
  const shelfWidth = Math.max(...blocks.map((b) => b.width), Math.sqrt(area * aspect));
  const positions = new Map<string, { x: number; y: number; cluster: string }>();
  const clusters: Cluster[] = [];
  let shelfX = 0;
  let shelfY = 0;
  let shelfHeight = 0;
  blocks.forEach((b, index) => {
    if (shelfX > 0 && shelfX + b.width > shelfWidth) {
      shelfY += shelfHeight + blockGap;
      shelfX = 0;
      shelfHeight = 0;
    }
    const id = `cluster-${index + 1}`;
    for (const [roleId, local] of b.local) positions.set(roleId, { x: shelfX + local.x, y: -(shelfY + b.height - local.y), cluster: id });
    clusters.push({ id, name: b.name, size: b.members.length, levels: b.levels, x: shelfX, y: -(shelfY + b.height), width: b.width, height: b.height });
    shelfX += b.width + blockGap;
    shelfHeight = Math.max(shelfHeight, b.height);
  });
  // Shelves run top to bottom: y grows upward on the page, so that each block's lowest level is at its bottom.
  return { positions, clusters };
}

interface Block {
  members: LayoutRole[];
  name: string;
  levels: LevelCount[];
  /** Positions inside the block, y from its bottom. */
  local: Map<string, { x: number; y: number }>;
  width: number;
  height: number;
}

/** One cluster's roles by level, in rows no wider than the block, each row ordered under its predecessors. */
function block(members: LayoutRole[], predecessors: Map<string, string[]>): Block {
  const byLevel = new Map<number, LayoutRole[]>();
  for (const role of members) push(byLevel, role.level, role);
  const levels = [...byLevel.keys()].sort((a, b) => a - b);
  const widest = Math.max(...[...byLevel.values()].map((row) => row.length));
  const columns = Math.min(widest, Math.max(6, Math.ceil(Math.sqrt(members.length * 2))));
  const local = new Map<string, { x: number; y: number }>();
  let y = 0;
  for (const [index, level] of levels.entries()) {
    if (index > 0) y += levelGap;
    // Under the mean place of its predecessors already placed, so that arrows stay short; else by label.
    const barycentre = (role: LayoutRole) => {
      const placed = (predecessors.get(role.id) ?? []).map((id) => local.get(id)?.x).filter((x): x is number => x !== undefined);
      return placed.length ? placed.reduce((sum, x) => sum + x, 0) / placed.length : Number.POSITIVE_INFINITY;
    };
    const row = (byLevel.get(level) as LayoutRole[])
      .map((role) => ({ role, at: barycentre(role) }))
      .sort((a, b) => a.at - b.at || a.role.label.localeCompare(b.role.label));
    const rows = Math.ceil(row.length / columns);
    row.forEach(({ role }, position) => {
      const sub = Math.floor(position / columns);
      const inRow = Math.min(columns, row.length - sub * columns);
      // A short row is centred in the block.
      local.set(role.id, { x: columnGap * ((columns - inRow) / 2 + (position % columns)), y: y + sub * rowGap });
    });
    y += (rows - 1) * rowGap;
  }
  return {
    members,
    name: '',
    levels: levels.map((level) => ({ level, count: (byLevel.get(level) as LayoutRole[]).length })),
    local,
    width: columnGap * Math.max(1, columns - 1),
    height: y,
  };
}

const alone = 'alone';

/**
 * Louvain communities of the transitions, with a fixed random sequence so that the same graph always gets the
 * same clusters. Roles no transition touches form one cluster of their own. A ladder that fits on a screen is
 * one cluster: split, it would only be harder to read.
 */
function clusterRoles(roles: LayoutRole[], transitions: LayoutTransition[]): Map<string, string> {
  if (roles.length <= screenful) return new Map(roles.map((role) => [role.id, 'all']));
  const graph = new UndirectedGraph();
  for (const role of roles) graph.addNode(role.id);
  for (const { source, target } of transitions) {
    if (source !== target && graph.hasNode(source) && graph.hasNode(target)) graph.mergeEdge(source, target);
  }
  const communities = graph.size > 0 ? louvain(graph, { rng: seededRandom(1), getEdgeWeight: null }) : {};
  return new Map(roles.map((role) => [role.id, graph.degree(role.id) === 0 ? alone : `c${communities[role.id]}`]));
}

/**
 * A cluster is named by the words of its roles' labels that are most its own: common among them, rare among
 * the rest (as "Data" among "Senior Data Engineer", "Lead Data Analyst"); two when no one word covers half
 * of it. Without such words, it is named after its lowest role.
 */
function nameClusters(clusters: [string, LayoutRole[]][], roles: LayoutRole[]): string[] {
  const wordsOf = (role: LayoutRole) => new Set(role.label.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1 && !/^\d+$/.test(word)));
  const everywhere = new Map<string, number>();
  for (const role of roles) for (const word of wordsOf(role)) everywhere.set(word, (everywhere.get(word) ?? 0) + 1);
  return clusters.map(([key, members]) => {
    if (key === alone) return 'Without transitions';
    if (clusters.length === 1) return 'All roles';
    const here = new Map<string, number>();
    for (const role of members) for (const word of wordsOf(role)) here.set(word, (here.get(word) ?? 0) + 1);
    const ranked = [...here]
      .map(([word, count]) => ({ word, count, score: count * Math.log(roles.length / (everywhere.get(word) as number)) }))
      .filter((entry) => entry.score > 0 && entry.count >= members.length / 5)
      .sort((a, b) => b.score - a.score || a.word.localeCompare(b.word));
    const [first, second] = ranked;
    if (first && first.count >= members.length / 2) return first.word;
    if (first && second) return `${first.word}, ${second.word}`;
    const lowest = [...members].sort((a, b) => a.level - b.level || a.label.localeCompare(b.label))[0] as LayoutRole;
    return members.length === 1 ? lowest.label : `${lowest.label} and onward`;
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Park–Miller: small, and the same sequence for the same seed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}
