/**
 * The operations of the API benchmark, as each server is asked for them: the project and the peer by
 * GraphQL (POST /graphql), the floor by a plain GET. The three answer the same question on the same data;
 * `digest` reduces each one's answer to what must agree (the ids and counts), since the shapes differ.
 */

/** `uncached` is this project with its response cache turned off (RESPONSE_CACHE_MB=0). */
export type Flavor = 'floor' | 'peer' | 'project' | 'uncached';
export type OperationName = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5' | 'Q6';

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const roleFields = `
    id title level
    skills { id name category }
    transitionsOut { id to { id title } timeline { minYears maxYears openEnded } }`;

/**
 * Q3 and Q4 in the words both GraphQL servers understand: the peer's @cypher fields take this project's names
 * and shapes.
 */
const pathFields = `
    hops
    roles { id title }
    years { min max openEnded }
    steps { id from { id } to { id } timeline { minYears maxYears openEnded } skillDelta { gained { id name } dropped { id name } } }
    skillDelta { gained { id name } retained { id name } dropped { id name } }`;

const pathsAndOverlap = {
  Q3: `query Q3($from: ID!, $to: ID!, $maxHops: Int!) {
  transitionPaths(from: $from, to: $to, maxHops: $maxHops) {${pathFields}
  }
}`,
  Q4: `query Q4($a: ID!, $b: ID!) {
  skillOverlap(a: $a, b: $b) { sharedCount jaccard overlapCoefficient shared { id name } onlyA { id } onlyB { id } }
  similarRoles(to: $a, first: 10) { role { id title } jaccard overlapCoefficient sharedCount }
}`,
};

/** This project's GraphQL. */
export const projectQueries: Record<OperationName, string> = {
  Q1: `query Q1($id: ID!) {
  role(id: $id) {${roleFields}
    responsibilities { area text }
  }
}`,
  Q2: `query Q2($offset: Int!) {
  roles(first: 100, offset: $offset) {${roleFields}
  }
}`,
  ...pathsAndOverlap,
  Q5: `query Q5($text: String!) {
  search(text: $text, first: 20) { __typename ... on Role { id title } ... on Skill { id name } }
}`,
  // The dense graph's paths: only this project ranks them before the cut, so only it is asked (see the README).
  Q6: `query Q6($from: ID!, $to: ID!) {
  transitionPaths(from: $from, to: $to, maxHops: 6, first: 10) {${pathFields}
  }
}`,
};

const peerRoleFields = `
    id title level
    skillsConnection(sort: [{ edge: { position: ASC } }]) { edges { properties { category } node { id name } } }
    transitionsOut { id minYears maxYears openEnded to { id title } }`;

/** The same questions to @neo4j/graphql, whose generated API has no `role(id)` and pages with limit/offset. */
export const peerQueries: Partial<Record<OperationName, string>> = {
  Q1: `query Q1($id: ID!) {
  roles(where: { id: { eq: $id } }) {${peerRoleFields}
    responsibilities(sort: [{ sourceLine: ASC }]) { area text }
  }
}`,
  Q2: `query Q2($offset: Int!) {
  roles(limit: 100, offset: $offset, sort: [{ level: ASC }, { id: ASC }]) {${peerRoleFields}
  }
}`,
  ...pathsAndOverlap,
  Q5: `query Q5($text: String!) {
  search(text: $text) { kind id label }
}`,
};

/** The operations the floor has a route for. */
const floorRoutes = new Set<OperationName>(['Q1', 'Q2', 'Q3', 'Q4', 'Q5']);

/** One request of an operation: its variables. A load cycles through several (pages, pairs of roles), or draws each. */
export type Variables = Record<string, string | number>;

export function request(flavor: Flavor, operation: OperationName, variables: Variables): HttpRequest | null {
  if (flavor === 'floor') {
    if (!floorRoutes.has(operation)) return null;
    const query = new URLSearchParams(Object.entries(variables).map(([key, value]) => [key, String(value)]));
    return { method: 'GET', path: `/${operation.toLowerCase()}?${query}` };
  }
  const text = flavor === 'peer' ? peerQueries[operation] : projectQueries[operation];
  if (!text) return null;
  return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: text, variables }) };
}

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ids = (list: Json[] | undefined): string[] => (list ?? []).map((item: Json) => item.id as string);
const sorted = (list: string[]): string[] => [...list].sort();
const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/** JSON with the keys of every object in order: equal answers, equal strings, whatever order a server put keys in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    entry && typeof entry === 'object' && !Array.isArray(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => a.localeCompare(b))) : entry,
  );
}

/** What must agree between the three servers' answers to one request, whatever their shapes. */
export function digest(flavor: Flavor, operation: OperationName, data: Json): unknown {
  const peer = flavor === 'peer';
  const role = (r: Json) => ({
    id: r.id,
    title: r.title,
    level: r.level ?? 1,
    skills: sorted(peer ? r.skillsConnection.edges.map((edge: Json) => `${edge.node.id}:${edge.properties.category}`) : r.skills.map((s: Json) => `${s.id}:${s.category}`)),
    transitions: sorted((r.transitionsOut as Json[]).map((t: Json) => `${t.id}>${peer ? t.to[0]?.id : t.to.id}:${peer ? t.minYears : t.timeline.minYears}`)),
    responsibilities: r.responsibilities?.length,
  });
  switch (operation) {
    case 'Q1':
      return role(peer ? data.roles[0] : data.role);
    case 'Q2':
      return (data.roles as Json[]).map(role);
    case 'Q3':
      return sorted(
        (data.transitionPaths as Json[]).map((path: Json) =>
          JSON.stringify({
            roles: ids(path.roles),
            years: path.years,
            steps: (path.steps as Json[]).map((step: Json) => ({ id: step.id, gained: sorted(ids(step.skillDelta.gained)), dropped: sorted(ids(step.skillDelta.dropped)) })),
            delta: { gained: sorted(ids(path.skillDelta.gained)), retained: sorted(ids(path.skillDelta.retained)), dropped: sorted(ids(path.skillDelta.dropped)) },
          }),
        ),
      );
    case 'Q5':
      return (data.search as Json[]).map((hit: Json) => `${hit.__typename ?? hit.kind}:${hit.id}:${hit.title ?? hit.name ?? hit.label}`);
    case 'Q6':
      return data;
    case 'Q4':
      return {
        overlap: { ...data.skillOverlap, jaccard: round(data.skillOverlap.jaccard), overlapCoefficient: round(data.skillOverlap.overlapCoefficient) },
        similar: (data.similarRoles as Json[]).map((entry: Json) => ({ ...entry, jaccard: round(entry.jaccard), overlapCoefficient: round(entry.overlapCoefficient) })),
      };
  }
}
