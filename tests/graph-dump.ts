import type { Database } from '../src/neo4j/database.js';

/**
 * Every node and relationship with all its properties, in a stable order: equal dumps, equal graphs. Fractions
 * are compared to 12 significant digits: a centrality is a sum whose order follows the store's, so the same
 * graph written twice can differ in its last bits.
 */
export async function dumpGraph(database: Database): Promise<string> {
  const nodes = await database.read(`
    MATCH (n) WITH labels(n) AS labels, properties(n) AS properties
    RETURN labels, properties ORDER BY labels[0], properties.id`);
  const relationships = await database.read(`
    MATCH (a)-[r]->(b) WITH type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties
    RETURN type, from, to, properties ORDER BY type, from, to, properties.sourceFile, properties.sourceLine`);
  return JSON.stringify({ nodes, relationships }, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(12)) : value,
  );
}

/**
 * dumpGraph with every object's keys in order: an import in runs writes a node's properties in another order
 * than one transaction does, which Neo4j keeps, and which says nothing about the graph.
 */
export async function canonicalDumpGraph(database: Database): Promise<string> {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, item]) => [key, sorted(item)]))
        : value;
  return JSON.stringify(sorted(JSON.parse(await dumpGraph(database))));
}

/** How many nodes carry each label, and how many relationships each type. */
export async function countGraph(database: Database): Promise<Record<string, number>> {
  const rows = await database.read<{ kind: string; count: number }>(`
    CALL () { MATCH (n) RETURN labels(n)[0] AS kind, count(*) AS count
      UNION ALL MATCH ()-[r]->() RETURN type(r) AS kind, count(*) AS count }
    RETURN kind, count ORDER BY kind`);
  return Object.fromEntries(rows.map((row) => [row.kind, row.count]));
}
