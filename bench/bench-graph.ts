import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { seconds } from '../src/common/seconds.js';
import { projectRoot, readConfig } from '../src/config.js';
import { writeGeneratedPages } from '../src/generator/page-folder.writer.js';
import { taxonomyOptions, type TaxonomyFlagValues } from '../src/generator/taxonomy.flags.js';
import { generateTaxonomy, type Taxonomy, type TaxonomyOptions } from '../src/generator/taxonomy.generator.js';
import { loadPagesInRuns } from '../src/importer/load/graph.loader.js';
import { collectPageFiles, readPages } from '../src/importer/read/pages.reader.js';
import type { RolePage } from '../src/importer/parse/page.model.js';
import { Database, type Neo4jConnection } from '../src/neo4j/database.js';
import { startLocalNeo4j } from '../src/neo4j/local-neo4j.js';
import { applySchema } from '../src/neo4j/schema.js';

/**
 * What the benchmarks share: a Neo4j of their own (the bundled launcher, as `npm start` runs it, on a free port
 * and a fresh data folder), the seed, and a generated taxonomy imported through the real importer.
 */

export interface BenchNeo4j {
  connection: Neo4jConnection;
  database: Database;
  /** Closes the driver, stops the JVM and removes its data folder. */
  stop(): Promise<void>;
}

const benchStarted = performance.now();

/** A progress line on stderr, with the seconds since the bench started. */
export const log = (line: string): void => console.error(`[bench ${((performance.now() - benchStarted) / 1000).toFixed(0).padStart(4)} s] ${line}`);

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/**
 * `keepData` names a data folder to use and keep after the bench, whatever it holds: at ten times the issue's
 * size the import alone takes longer than the analytics, which can then be timed again on the same graph.
 */
export async function startBenchNeo4j(keepData?: string): Promise<BenchNeo4j> {
  const dataDir = keepData ?? (await mkdtemp(join(tmpdir(), 'career-graph-bench-neo4j-')));
  if (keepData) await mkdir(keepData, { recursive: true });
  const neo4j = await startLocalNeo4j({ ...readConfig().localNeo4j, port: 0, dataDir }, log);
  const database = Database.open(neo4j.connection);
  try {
    await applySchema(database);
  } catch (error) {
    await database.close();
    await neo4j.stop();
    throw error;
  }
  return {
    connection: neo4j.connection,
    database,
    stop: async () => {
      await database.close();
      await neo4j.stop();
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Removes every node, in batches (one transaction for a large graph would exceed the launcher's heap). */
export async function clearGraph(database: Database): Promise<void> {
  const session = database.driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

/** Empties the graph and imports seed/, as `npm run seed` does. */
export async function loadSeed(database: Database): Promise<void> {
  await clearGraph(database);
  const pages = await readPages(await collectPageFiles(['seed']));
  await loadPagesInRuns(database, pages, pages.length);
}

export interface GeneratedGraph {
  taxonomy: Taxonomy;
  /** Times of the steps, for the report. */
  figures: Record<string, string>;
}

export type GraphSize = Omit<TaxonomyOptions, 'zipfExponent'> & { zipfExponent?: number };

/** The issue's scale: `npm run generate -- --roles 3000 --skills 14000 --links 120000 --transitions 9000 --seed 42`. */
export const issueScale: GraphSize = { roles: 3000, skills: 14_000, links: 120_000, transitions: 9000, seed: 42, zipfExponent: 0.65 };

/** The flags of a bench that imports a generated graph, besides taxonomyFlags, which size it. */
export const benchGraphFlags = {
  /** Multiplies the issue's sizes: `--scale 10` is ten times ESCO (30,000 roles, 140,000 skills, 1.2 million links). */
  scale: { type: 'string', default: '1' },
  /** Imports in runs of this many pages, as `npm run import -- --pages-per-run`: ten times ESCO does not fit one transaction. */
  'pages-per-run': { type: 'string' },
  /**
   * Keeps the bench's Neo4j data in this folder. A folder that already holds roles is used as it is, without
   * generating or importing: the bench runs again on the graph an earlier run imported.
   */
  'neo4j-data': { type: 'string' },
} as const;

export interface BenchGraphOptions {
  scale: number;
  size: TaxonomyOptions;
  pagesPerRun: number | undefined;
  neo4jData: string | undefined;
}

/** What the flags ask for; a size flag given explicitly wins over the scaled default. */
export function benchGraphOptions(values: TaxonomyFlagValues & Partial<Record<keyof typeof benchGraphFlags, string>>): BenchGraphOptions {
  const scale = Number(values.scale ?? '1');
  if (!Number.isSafeInteger(scale) || scale < 1) throw new Error(`--scale must be a whole number of at least 1, got "${values.scale}"`);
  const pagesPerRun = values['pages-per-run'] === undefined ? undefined : Number(values['pages-per-run']);
  if (pagesPerRun !== undefined && (!Number.isSafeInteger(pagesPerRun) || pagesPerRun < 1)) {
    throw new Error(`--pages-per-run must be a whole number of at least 1, got "${values['pages-per-run']}"`);
  }
  const scaled = (flag: 'roles' | 'skills' | 'links' | 'transitions') => values[flag] ?? String(issueScale[flag] * scale);
  const size = taxonomyOptions({ ...values, roles: scaled('roles'), skills: scaled('skills'), links: scaled('links'), transitions: scaled('transitions') });
  return { scale, size, pagesPerRun, neo4jData: values['neo4j-data'] };
}

/** How many roles the bench's graph holds already: a kept data folder (--neo4j-data) is not imported into again. */
export async function rolesHeld(database: Database): Promise<number> {
  const [held] = await database.read<{ roles: number }>('RETURN COUNT { (:Role) } AS roles');
  return held?.roles ?? 0;
}

/**
 * Generates the taxonomy, writes its pages (as `npm run generate` does), parses them with the importer's
 * reader and loads them in one transaction, as `npm run import` does. The parsed pages are kept in
 * `pageCache` (.generated/bench-pages unless given; null keeps none) for the next run with the same size,
 * generator and importer. `pagesPerRun` imports them in runs of that many pages, as
 * `npm run import -- --pages-per-run` does; the step times are then the sums over the runs.
 */
export async function loadGeneratedGraph(
  database: Database,
  size: GraphSize,
  options: { pageCache?: string | null; pagesPerRun?: number } = {},
): Promise<GeneratedGraph> {
  const figures: Record<string, string> = {};
  const generated: TaxonomyOptions = { ...size, zipfExponent: size.zipfExponent ?? 0.65, lateralMoves: size.lateralMoves ?? 0 };
  const taxonomy = generateTaxonomy(generated);
  const cacheDir = options.pageCache === undefined ? defaultPageCache : options.pageCache;
  const cacheFile = cacheDir ? join(cacheDir, `${await pagesKey(generated)}.json`) : null;
  const cached = cacheFile ? await readFile(cacheFile, 'utf8').then((text) => JSON.parse(text) as RolePage[], () => null) : null;
  let pages: RolePage[];
  if (cached) {
    pages = cached;
    figures['generate and parse pages'] = `reused ${relative(projectRoot, cacheFile as string)}`;
    log(`reused the ${pages.length} pages parsed by an earlier run (${relative(projectRoot, cacheFile as string)})`);
  } else {
    pages = await generateAndParse(taxonomy, figures);
    if (cacheDir && cacheFile) {
      await rm(cacheDir, { recursive: true, force: true });
      await mkdir(cacheDir, { recursive: true });
      await writeFile(cacheFile, JSON.stringify(pages));
    }
  }
  const stepMs = new Map<string, number>();
  const loaded = await timed(() =>
    loadPagesInRuns(database, pages, options.pagesPerRun ?? pages.length, (step, ms, run) => {
      stepMs.set(step, (stepMs.get(step) ?? 0) + ms);
      log(`load: ${run.of > 1 ? `run ${run.index} of ${run.of}: ` : ''}${step} in ${seconds(ms)}`);
    }),
  );
  for (const [step, ms] of stepMs) figures[`load: ${step}`] = seconds(ms);
  const runs = Math.ceil(pages.length / (options.pagesPerRun ?? pages.length));
  figures[runs > 1 ? `load (${runs} runs of ${options.pagesPerRun} pages, as npm run import -- --pages-per-run)` : 'load (one transaction, as npm run import)'] = seconds(loaded.ms);
  const [counts] = await database.read<{ roles: number; skills: number; links: number; transitions: number }>(`
    RETURN COUNT { (:Role) } AS roles, COUNT { (:Skill) } AS skills,
      COUNT { ()-[:REQUIRES_SKILL]->() } AS links, COUNT { (:Transition) } AS transitions`);
  figures['graph'] = JSON.stringify(counts);
  log(`loaded ${figures.graph}`);
  return { taxonomy, figures };
}

/**
 * Where parsed pages are kept between runs: parsing 3,000 pages takes a minute or two, and the same options
 * with the same generator and importer give the same pages.
 */
const defaultPageCache = join(projectRoot, '.generated', 'bench-pages');

/**
 * A digest of the generator's options, defaults filled in and in one order (the benches spell the same size
 * differently), and of the sources of the generator and the importer, which decide the pages.
 */
async function pagesKey(options: TaxonomyOptions): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(Object.entries(options).sort(([a], [b]) => a.localeCompare(b))));
  for (const folder of ['src/generator', 'src/importer']) {
    for (const name of (await readdir(join(projectRoot, folder))).filter((file) => file.endsWith('.ts') && !file.includes('.test.')).sort()) {
      hash.update(name).update(await readFile(join(projectRoot, folder, name)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function generateAndParse(taxonomy: Taxonomy, figures: Record<string, string>): Promise<RolePage[]> {
  const pagesDir = await mkdtemp(join(tmpdir(), 'career-graph-bench-pages-'));
  try {
    const written = await timed(() => writeGeneratedPages(pagesDir, taxonomy));
    figures['generate and write pages'] = seconds(written.ms);
    log(`generated ${taxonomy.roles.length} pages in ${seconds(written.ms)}`);
    const parsed = await timed(async () => readPages(await collectPageFiles([pagesDir])));
    figures['parse pages (readPages)'] = seconds(parsed.ms);
    log(`parsed in ${seconds(parsed.ms)}; loading`);
    return parsed.value;
  } finally {
    await rm(pagesDir, { recursive: true, force: true });
  }
}
