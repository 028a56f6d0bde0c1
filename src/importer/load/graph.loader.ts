import type { ManagedTransaction } from 'neo4j-driver';
import { markDerivedFactsStale, refreshDerivedFacts } from '../../derived/derived-facts.writer.js';
import { run, type Database } from '../../neo4j/database.js';
import { takeGraphWriteLock } from '../../neo4j/graph-write.lock.js';
import { resampleOutdatedIndexes } from '../../neo4j/index-statistics.js';
import {
  ownedLabels,
  relationshipTypes,
  sharedLabels,
  type GraphPlan,
  type NodeLabel,
  type PlannedNode,
  type Properties,
  type RelationshipType,
  type SharedLabel,
} from '../plan/graph.model.js';
import { planGraph, withRolesOf, type KnownRoles } from '../plan/graph.planner.js';
import { diffSnapshots, mergeReports, pageFindings, type Counts, type ImportReport, type Snapshot } from '../import.report.js';
import type { RolePage } from '../parse/page.model.js';
import { failingFastWhenTooLarge } from './import-too-large.error.js';
import { PartialImportError } from './partial-import.error.js';
import { PageFormatError } from '../page-format.error.js';

// Labels and relationship types in these queries come from the fixed lists of graph.model.ts, never from a
// page: Cypher cannot take them as parameters, and everything a page says travels as a parameter.
// Where one query can do the work of one per label or type, it does: a large import runs in a fresh JVM, where
// planning each distinct query costs a few hundred milliseconds.
const anyOwnedLabel = ownedLabels.join('|');
const anySharedLabel = sharedLabels.join('|');
/**
 * The nodes of a label at an end of a relationship that the files contributed: a UNION branch per type and
 * end, each a seek of that type's sourceFile index. The node's label is left out, as the type fixes it:
 * with it, or with the types in one undirected pattern, Neo4j scanned the label and expanded every
 * relationship of its nodes (2.4 million for Skill at 30,000 roles, 10 s a snapshot and growing with the graph).
 */
const touchedBy = (label: NodeLabel) =>
  Object.entries(relationshipTypes)
    .flatMap(([type, [from, to]]) => [
      ...(from === label ? [`UNION MATCH (n)-[r:${type}]->() WHERE r.sourceFile IN $files RETURN n`] : []),
      ...(to === label ? [`UNION MATCH ()-[r:${type}]->(n) WHERE r.sourceFile IN $files RETURN n`] : []),
    ])
    .join('\n      ');

/**
 * Every relationship the files contributed, as `a`, `r` and `b`: a branch per type, each a seek of that type's
 * sourceFile index. With the types in one pattern Neo4j scanned every relationship of the graph, 2.4 million at
 * 30,000 roles, for each snapshot and removal of a run (5 s a run, though new files had contributed none).
 */
const contributedRelationships = Object.keys(relationshipTypes)
  .map((type) => `MATCH (a)-[r:${type}]->(b) WHERE r.sourceFile IN $files RETURN a, r, b`)
  .join('\n      UNION ALL ');

const queries = {
  // The lock node that every writer takes is no content.
  anyContent: 'MATCH (n) WHERE NOT n:GraphWriteLock RETURN 1 LIMIT 1',
  knownRoles: 'MATCH (r:Role) RETURN r.id AS id, coalesce(r.aliases, [r.id]) AS aliases, r.pageFile AS pageFile',
  ownedSnapshot: `
    MATCH (n:${anyOwnedLabel}) WHERE n.sourceFile IN $files
    RETURN [label IN labels(n) WHERE label IN $labels][0] AS kind, n.id AS id, n AS entity`,
  // A UNION rather than one WHERE of ORs: each branch seeks an index (id, sourceFile, the relationships'
  // sourceFile), where an OR with EXISTS scanned the label whole (74,000 db hits for one page's Role
  // snapshot on a 600-page graph, 240 this way).
  sharedSnapshot: (label: SharedLabel) => `
    CALL () {
      MATCH (n:${label}) WHERE n.id IN $ids RETURN n
      UNION MATCH (n:${label}) WHERE n.sourceFile IN $files RETURN n
      ${touchedBy(label)}
    }
    RETURN '${label}' AS kind, n.id AS id, n AS entity`,
  // Two pages may state the same relationship (a skill in the same category): the file tells them apart.
  relationshipSnapshot: `
    CALL () {
      ${contributedRelationships}
    }
    RETURN type(r) AS kind, a.id + ' -> ' + b.id + ' @ ' + r.sourceFile AS id, r AS entity`,
  // A page that now names its role differently no longer defines the old one; the old one goes if unnamed.
  releasePageRoles: 'MATCH (r:Role) WHERE r.pageFile IN $files REMOVE r.pageFile',
  deleteOwned: `MATCH (n:${anyOwnedLabel}) WHERE n.sourceFile IN $files DETACH DELETE n`,
  deleteRelationships: `CALL () { ${contributedRelationships} } DELETE r`,
  setNodes: (label: NodeLabel) => `UNWIND $nodes AS node MERGE (n:${label} {id: node.id}) SET n += node.properties`,
  createMissingNodes: (label: NodeLabel) => `UNWIND $nodes AS node MERGE (n:${label} {id: node.id}) ON CREATE SET n += node.properties`,
  createRelationships: (type: RelationshipType) => {
    const [from, to] = relationshipTypes[type];
    return `
      UNWIND $relationships AS rel
      MATCH (a:${from} {id: rel.from})
      MATCH (b:${to} {id: rel.to})
      CREATE (a)-[r:${type}]->(b) SET r = rel.properties`;
  },
  // A role or skill that no page names any more goes; one that still has a page or a mention stays.
  deleteOrphans: `
    MATCH (n:${anySharedLabel}) WHERE n.pageFile IS NULL AND NOT EXISTS { (n)--() }
    DELETE n`,
  // A shared node keeps the source of a statement that still exists, once the page that first stated it no longer does.
  rehomeSource: `
    MATCH (n:${anySharedLabel}) WHERE n.pageFile IS NULL AND n.sourceFile IN $files
      AND NOT EXISTS { (n)-[r]-() WHERE r.sourceFile = n.sourceFile }
    CALL (n) {
      MATCH (n)-[r]-() RETURN r ORDER BY r.sourceFile, r.sourceLine LIMIT 1
    }
    SET n.sourceFile = r.sourceFile, n.sourceLine = r.sourceLine`,
};

/**
 * Told how long each step of an import took, for a report on a large import; a step's name says what it did.
 * In an import of several runs, `run` says which (from 1) of how many.
 */
export type ImportStepTimer = (step: string, ms: number, run: { index: number; of: number }) => void;

/**
 * Writes what the pages describe, replacing what the same files contributed before, in one transaction:
 * a page that fails to load leaves the database exactly as it was.
 */
export async function loadPages(database: Database, pages: RolePage[], onStep?: ImportStepTimer): Promise<ImportReport> {
  return loadPagesInRuns(database, pages, Math.max(1, pages.length), onStep);
}

/**
 * Writes the pages in runs of at most `pagesPerRun`, in their order, each run in a transaction of its own: for
 * an import whose one transaction would not fit in Neo4j's memory. Each run is all or nothing, and a role
 * that a page of another run defines is named as it would be in one run (the planner knows every page's
 * roles). What is given up is one transaction for everything: a failure in a later run leaves the earlier
 * runs committed (PartialImportError says which), and until the last run commits, readers see the pages of the
 * runs so far and derived facts that leave them out. The last run derives them all, once, from the whole graph.
 * A role that two pages define is refused before anything is written.
 */
export async function loadPagesInRuns(database: Database, pages: RolePage[], pagesPerRun: number, onStep?: ImportStepTimer): Promise<ImportReport> {
  if (!Number.isSafeInteger(pagesPerRun) || pagesPerRun < 1) throw new RangeError(`pages per run must be a whole number of at least 1, got ${pagesPerRun}`);
  // An import of no pages still derives the facts of the graph, in one run.
  const runs = pages.length === 0 ? [pages] : [...batches(pages, pagesPerRun)];
  if (runs.length > 1) refuseRolesDefinedTwice(pages);
  const reports: ImportReport[] = [];
  for (const [index, pagesOfRun] of runs.entries()) {
    const position = { index: index + 1, of: runs.length };
    const files = new Set(pagesOfRun.map((page) => page.file));
    const others = runs.length > 1 ? pages.filter((page) => !files.has(page.file)) : [];
    try {
      reports.push(
        await database.writeTransaction((tx) =>
          failingFastWhenTooLarge(pagesOfRun.length, () => writePages(tx, pagesOfRun, timedSteps(onStep, position), { others, last: position.index === position.of })),
        ),
      );
    } catch (error) {
      throw index === 0 ? error : new PartialImportError(reports.flatMap((report) => report.files), pages.length, position, { cause: error });
    }
  }
  // The import has committed: a statistics refresh that fails changes nothing of it, and Neo4j samples on its own later.
  await resampleOutdatedIndexes(database).catch(() => undefined);
  return mergeReports(reports);
}

/** The planner's check of one run, over every page of the import, so that no run is written before it fails. */
function refuseRolesDefinedTwice(pages: RolePage[]): void {
  const definedIn = new Map<string, string>();
  for (const page of pages) {
    const owner = definedIn.get(page.role.id);
    if (owner !== undefined && owner !== page.file) throw new PageFormatError(page.file, page.role.line, `role "${page.role.id}" is already defined by ${owner}`);
    definedIn.set(page.role.id, page.file);
  }
}

/** Where a run stands among the runs of one import: the pages of the others, and whether it is the last. */
interface RunContext {
  others: RolePage[];
  last: boolean;
}

async function writePages(tx: ManagedTransaction, pages: RolePage[], step: TimedStep, context: RunContext): Promise<ImportReport> {
  await step('lock the graph', () => takeGraphWriteLock(tx));
  const plan = await step('plan', async () => planGraph(pages, withRolesOf(await readKnownRoles(tx), context.others)));
  // Into an empty graph (a first import, often the largest) nothing can be replaced, updated or removed: the
  // before-snapshot is empty, and the after-snapshot only counts what was created (snapshotAfter).
  const empty = await step('look for content', async () => (await run(tx, queries.anyContent)).length === 0);
  const before = empty ? new Map() : await step('snapshot before', () => snapshot(tx, plan));
  if (!empty) await step('remove earlier contributions', () => removeContributions(tx, plan.files));
  await step('write', () => writePlan(tx, plan));
  await step('tidy orphans and sources', async () => {
    await run(tx, queries.deleteOrphans);
    await run(tx, queries.rehomeSource, { files: plan.files });
  });
  // A run of an import in several leaves derived facts to the last run, which may never commit.
  if (context.last) await step('derive facts', () => refreshDerivedFacts(tx));
  else await markDerivedFactsStale(tx);
  const changes = await step(empty ? 'count what was created' : 'snapshot after', () => changesSince(tx, plan, before));
  return { files: plan.files, ...changes, ...pageFindings(pages, plan) };
}

type TimedStep = <T>(name: string, work: () => Promise<T>) => Promise<T>;

function timedSteps(onStep: ImportStepTimer | undefined, run: { index: number; of: number }): TimedStep {
  return async (name, work) => {
    const started = performance.now();
    const value = await work();
    onStep?.(name, performance.now() - started, run);
    return value;
  };
}

async function readKnownRoles(tx: ManagedTransaction): Promise<KnownRoles> {
  const rows = await run<{ id: string; aliases: string[]; pageFile: string | null }>(tx, queries.knownRoles);
  const known: KnownRoles = { aliases: new Map(), pageFiles: new Map() };
  for (const row of rows) {
    for (const alias of row.aliases) known.aliases.set(alias, row.id);
    if (row.pageFile) known.pageFiles.set(row.id, row.pageFile);
  }
  return known;
}

/** What the write changed of the `before` snapshot, and what it created. */
async function changesSince(tx: ManagedTransaction, plan: GraphPlan, before: Snapshot): Promise<Pick<ImportReport, 'created' | 'updated' | 'removed'>> {
  // A shared node seen before is looked at again: a role or skill the pages no longer name may still exist.
  const after = await snapshotAfter(tx, plan, before);
  const { updated, removed } = diffSnapshots(before, after.seen);
  return { created: after.created, updated, removed };
}

/** A query of a snapshot: it returns the kind and id of each thing the files contributed, and the thing as `entity`. */
interface SnapshotQuery {
  query: string;
  parameters: Record<string, unknown>;
  /** The kinds its rows can have. */
  kinds: readonly string[];
}

function snapshotQueries(plan: GraphPlan, seenBefore: Snapshot): SnapshotQuery[] {
  return [
    { query: queries.ownedSnapshot, parameters: { files: plan.files, labels: ownedLabels }, kinds: ownedLabels },
    ...sharedLabels.map((label) => ({
      query: queries.sharedSnapshot(label),
      parameters: {
        files: plan.files,
        ids: [...plan.nodes.filter((node) => node.label === label).map((node) => node.id), ...(seenBefore.get(label)?.keys() ?? [])],
      },
      kinds: [label],
    })),
    { query: queries.relationshipSnapshot, parameters: { files: plan.files }, kinds: Object.keys(relationshipTypes) },
  ];
}

/** What the files contributed, with the properties of each: what an import compares its after-snapshot with. */
async function snapshot(tx: ManagedTransaction, plan: GraphPlan): Promise<Snapshot> {
  const result: Snapshot = new Map();
  for (const { query, parameters } of snapshotQueries(plan, new Map())) {
    for (const row of await run<{ kind: string; id: string; properties: Properties }>(tx, `CALL () { ${query} } RETURN kind, id, properties(entity) AS properties`, parameters)) {
      snapshotOf(result, row.kind).set(row.id, row.properties);
    }
  }
  return result;
}

/**
 * The snapshot after the write, as far as it can differ from `before`: the properties of what `before` holds
 * (updated, or gone when missing), and only how many there are of the rest, which is all created. Most of an
 * import of new pages is new, and counting it where it is spares reading it whole: a fifth of the after-snapshot's
 * time in an import of 3,000 generated pages in runs of 300.
 */
async function snapshotAfter(tx: ManagedTransaction, plan: GraphPlan, before: Snapshot): Promise<{ seen: Snapshot; created: Counts }> {
  const seen: Snapshot = new Map();
  const created: Counts = {};
  for (const { query, parameters, kinds } of snapshotQueries(plan, before)) {
    const known = kinds.flatMap((kind) => [...(before.get(kind)?.keys() ?? [])].map((id) => `${kind} ${id}`));
    const rows = await run<{ kind: string; created: number; seen: { id: string; properties: Properties }[] }>(
      tx,
      `CALL () { ${query} }
      WITH kind, id, entity, (kind + ' ' + id) IN $known AS known
      RETURN kind, count(DISTINCT CASE WHEN NOT known THEN id END) AS created,
        collect(CASE WHEN known THEN {id: id, properties: properties(entity)} END) AS seen`,
      { ...parameters, known },
    );
    for (const row of rows) {
      if (row.created > 0) created[row.kind] = (created[row.kind] ?? 0) + row.created;
      for (const { id, properties } of row.seen) snapshotOf(seen, row.kind).set(id, properties);
    }
  }
  return { seen, created };
}

function snapshotOf(snapshot: Snapshot, kind: string): Map<string, Properties> {
  let byId = snapshot.get(kind);
  if (!byId) snapshot.set(kind, (byId = new Map()));
  return byId;
}

async function removeContributions(tx: ManagedTransaction, files: string[]): Promise<void> {
  await run(tx, queries.releasePageRoles, { files });
  await run(tx, queries.deleteOwned, { files });
  await run(tx, queries.deleteRelationships, { files });
}

/**
 * Rows per query of a write. A whole import's 1.2 million links in one parameter list would be packed by the
 * driver into one Bolt message and held whole by Neo4j next to the transaction's own state; in batches, each
 * still in the one transaction, neither holds more than a batch, and the same query text is planned once.
 */
const rowsPerBatch = 10_000;

async function writePlan(tx: ManagedTransaction, plan: GraphPlan): Promise<void> {
  for (const nodes of groupBy(plan.nodes, (node) => `${node.label}:${node.mode}`).values()) {
    const first = nodes[0] as PlannedNode;
    const query = first.mode === 'set' ? queries.setNodes(first.label) : queries.createMissingNodes(first.label);
    for (const batch of batches(nodes, rowsPerBatch)) await run(tx, query, { nodes: batch.map(({ id, properties }) => ({ id, properties })) });
  }
  for (const [type, relationships] of groupBy(plan.relationships, (relationship) => relationship.type)) {
    for (const batch of batches(relationships, rowsPerBatch)) await run(tx, queries.createRelationships(type), { relationships: batch });
  }
}

function* batches<T>(items: T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** Groups items by key, in the order each key first appears: page roles are written before their mentions. */
function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
