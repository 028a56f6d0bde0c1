import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { startApiServer } from '../src/api/server.js';
import { drawnMap, launchChromium, mapDrawn } from '../src/career-map/career-map.browser-probe.js';
import { careerMapRouter } from '../src/career-map/web.router.js';
import { projectRoot, readConfig } from '../src/config.js';
import { createLogger } from '../src/observability/logger.js';
import { buildWeb } from '../web/build.js';
import { clearGraph, issueScale, loadGeneratedGraph, loadSeed, log, startBenchNeo4j, type GraphSize } from './bench-graph.js';

/**
 * `npm run bench:map`: the career map in Debian's headless Chromium on the seed and on generated taxonomies of
 * 300 and 3,000 roles (the issue's 3,000-role taxonomy, and one a tenth of it), each imported through the real
 * importer into a Neo4j of the bench's own. For each, the median of several page loads:
 * - careerMap answered: from navigation to the map's data received (the rest is the page's own work);
 * - first draw: from navigation to the map drawn (the `career-map:drawn` mark);
 * - interactive: to the fields filled and the panel shown (`career-map:interactive`);
 * - the longest main-thread task until interactive, and after it while a person searches a role, picks a
 *   path and zooms (Long Tasks API);
 * - how long a chosen role takes to reach the panel.
 * The first load of each graph is also reported apart: it is the one that computes the layout on the server.
 */
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, sizes: { type: 'string', default: 'seed,300,3000' }, full: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);

// The map draws roles and transitions, and only counts skills: the issue's 3,000 roles and 9,000 transitions
// with fewer skills and links draw the same map, and import in a fraction of the time. --full takes the
// issue's whole taxonomy (`npm run generate -- --roles 3000 --skills 14000 --links 120000 --transitions 9000`).
const sizes: Record<string, GraphSize | null> = {
  seed: null,
  '300': { roles: 300, skills: 600, links: 1800, transitions: 900, seed: 42 },
  '3000': values.full ? issueScale : { roles: 3000, skills: 3000, links: 9000, transitions: 9000, seed: 42 },
};

interface Load {
  /** When the careerMap answer had arrived: what is left to first draw is the page's own work. */
  answered: number;
  drawn: number;
  interactive: number;
  longestBefore: number;
  longestAfter: number;
  panel: number;
}

async function measure(browser: Browser, url: string, names: { role: string; from: string; to: string }): Promise<Load> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      Object.assign(window, { longTasks: tasks });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url);
    await mapDrawn(page, 120_000);
    await page.waitForFunction(() => performance.getEntriesByName('career-map:interactive').length > 0, null, { timeout: 120_000 });
    const started = await page.evaluate(() => performance.now());
    await page.fill('#role-input', names.role);
    await page.press('#role-input', 'Enter');
    await page.locator('#panel-heading', { hasText: names.role }).waitFor({ timeout: 60_000 });
    const panel = (await page.evaluate(() => performance.now())) - started;
    await page.fill('#from-input', names.from);
    await page.press('#from-input', 'Enter');
    await page.fill('#to-input', names.to);
    await page.press('#to-input', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('to'));
    await page.locator('#zoom-in').click();
    await page.locator('#zoom-out').click();
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(1500);
    return await page.evaluate((panelMs) => {
      // No named function in here: tsx wraps those in a `__name` helper that the page does not have.
      const [drawn, interactive] = ['career-map:drawn', 'career-map:interactive'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN) as [number, number];
      const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks;
      const [longestBefore, longestAfter] = [true, false].map((before) =>
        Math.max(0, ...tasks.filter((task) => task.start < interactive === before).map((task) => task.duration)),
      ) as [number, number];
      const firstQuery = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/graphql')) as PerformanceResourceTiming | undefined;
      return { answered: firstQuery?.responseEnd ?? Number.NaN, drawn, interactive, longestBefore, longestAfter, panel: panelMs };
    }, panel);
  } finally {
    await page.close();
  }
}

/** A role, and a start and goal two transitions apart, by their names as a person types them. */
async function namesFor(page: Page, url: string): Promise<{ role: string; from: string; to: string }> {
  await page.goto(url);
  await mapDrawn(page, 120_000);
  const map = await drawnMap(page);
  const next = new Map<string, string[]>();
  for (const edge of map.edges) {
    const [from, to] = edge.id.split('-to-') as [string, string];
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  // Names are labels, which are unique on these graphs: the Role field takes them as typed.
  const labels = new Map(map.roles.map((role) => [role.id, role.label ?? role.id]));
  const label = (id: string) => labels.get(id) ?? id;
  for (const [from, targets] of next) {
    for (const via of targets) {
      const to = next.get(via)?.[0];
      if (to) return { role: label(via), from: label(from), to: label(to) };
    }
  }
  throw new Error('no path of two transitions on this graph');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const ms = (value: number) => `${Math.round(value)} ms`;

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  const neo4j = await startBenchNeo4j();
  const distDir = await mkdtemp(join(tmpdir(), 'career-map-bench-'));
  const browser = await launchChromium();
  const rows: string[] = [];
  try {
    await buildWeb(distDir);
    for (const name of values.sizes.split(',')) {
      const size = sizes[name];
      if (size === undefined) throw new Error(`unknown size ${name}: use seed, 300 or 3000`);
      await clearGraph(neo4j.database);
      if (size) await loadGeneratedGraph(neo4j.database, size, { pageCache: join(projectRoot, '.generated', `map-bench-pages-${size.roles}`) });
      else await loadSeed(neo4j.database);
      const server = await startApiServer({
        database: neo4j.database,
        port: 0,
        host: '127.0.0.1',
        routes: [careerMapRouter(distDir)],
        config: readConfig(),
        logger: createLogger('warn'),
      });
      try {
        const probe = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const names = await namesFor(probe, server.url);
        await probe.close();
        log(`${name}: measuring ${runs} loads (role ${names.role}, path ${names.from} → ${names.to})`);
        const loads: Load[] = [];
        for (let run = 0; run < runs; run += 1) loads.push(await measure(browser, server.url, names));
        const pick = (key: keyof Load) => ms(median(loads.map((load) => load[key])));
        rows.push(`| ${name === 'seed' ? 'seed (6 roles)' : `${size?.roles} roles`} | ${pick('answered')} | ${pick('drawn')} | ${pick('interactive')} | ${pick('longestBefore')} | ${pick('longestAfter')} | ${pick('panel')} |`);
        console.log(rows[rows.length - 1]);
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
    await rm(distDir, { recursive: true, force: true });
    await neo4j.stop();
  }
  console.log(`\nMedian of ${runs} page loads each, 1280×800, headless Chromium (--disable-gpu: WebGL in software), load average ${loadAtStart.toFixed(1)} at the start.\n`);
  console.log('| graph | careerMap answered | first draw | interactive | longest task until interactive | longest task after | role chosen → panel |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
