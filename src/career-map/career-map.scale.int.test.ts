import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearGraph, loadGeneratedGraph, type GraphSize } from '../../bench/bench-graph.js';
import { startTestApi, type TestApi } from '../../tests/api-server.js';
import { openTestDatabase } from '../../tests/neo4j.js';
import { buildWeb } from '../../web/build.js';
import { projectRoot } from '../config.js';
import type { GeneratedRole, Taxonomy } from '../generator/taxonomy.generator.js';
import { slug } from '../slug.js';
import { drawnMap, launchChromium, mapDrawn, outOfView, overlappingLabels, paintedLabels } from './career-map.browser-probe.js';
import { careerMapRouter } from './web.router.js';

// The page on generated taxonomies of 300 and 3,000 roles, in a real Chromium. What the tests expect comes
// from the generator's taxonomy (the pages' source), not from the API. The map needs roles and transitions,
// not many skills: the graphs are generated light in skills, so that importing them stays quick. Timings go
// to test-artifacts/ for a person to read; `npm run bench:map` measures them against the targets.

const database = openTestDatabase();
const artifacts = join(projectRoot, 'test-artifacts');
let distDir: string;
let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), 'career-map-web-'));
  await Promise.all([buildWeb(distDir), mkdir(artifacts, { recursive: true })]);
  api = await startTestApi(database, { routes: [careerMapRouter(distDir)] });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await clearGraph(database);
  await database.close();
  await rm(distDir, { recursive: true, force: true });
});

// Generous: on a machine shared with other test runs, a path query can take many seconds.
const eventually = <T>(read: () => Promise<T>, timeout = 60_000) => expect.poll(read, { timeout });
const panelHeading = (page: Page) => page.locator('#panel-heading');

async function choose(page: Page, field: 'role' | 'from' | 'to', name: string): Promise<void> {
  await page.fill(`#${field}-input`, name);
  await page.press(`#${field}-input`, 'Enter');
}

/** The id the importer gives a generated role: the slug of its label, which is its title. */
const idOf = (role: GeneratedRole) => slug(role.title);

export const mapTestSizes: GraphSize[] = [
  { roles: 300, skills: 600, links: 1800, transitions: 900, seed: 42 },
  { roles: 3000, skills: 3000, links: 9000, transitions: 9000, seed: 42 },
];

describe.each(mapTestSizes)('the career map of $roles generated roles', (size) => {
  let taxonomy: Taxonomy;
  /** A role two rungs below a role it leads to through one in between, from the generator's own transitions. */
  let path: { from: GeneratedRole; via: GeneratedRole; to: GeneratedRole };

  beforeAll(async () => {
    await clearGraph(database);
    ({ taxonomy } = await loadGeneratedGraph(database, size, { pageCache: null }));
    const roles = taxonomy.roles;
    const from = roles.find((role) => role.targets.some((target) => (roles[target] as GeneratedRole).targets.length > 0)) as GeneratedRole;
    const via = roles[from.targets.find((target) => (roles[target] as GeneratedRole).targets.length > 0) as number] as GeneratedRole;
    path = { from, via, to: roles[via.targets[0] as number] as GeneratedRole };
    // Importing 3,000 pages takes minutes on a busy machine.
  }, 1_200_000);

  it('opens on an overview: cluster names, no crowd of role names, and the clusters counted by level in the panel', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(api.server.url);
      await mapDrawn(page);
      await eventually(() => panelHeading(page).textContent()).toBe('Explore the ladder');
      const map = await drawnMap(page);
      expect(map.roles).toHaveLength(size.roles);
      expect(map.clusters.length).toBeGreaterThan(1);
      expect(map.clusters.filter((cluster) => cluster.labelShown).length).toBeGreaterThan(0);
      expect(map.roles.filter((role) => role.labelShown)).toEqual([]);
      expect(map.labelSize).toBeGreaterThanOrEqual(11);
      const rows = page.locator('#panel .cluster-table tbody tr');
      expect(await rows.count()).toBe(map.clusters.length);
      const sizes = await rows.locator('td:nth-child(2)').allTextContents();
      expect(sizes.reduce((sum, text) => sum + Number(text), 0)).toBe(size.roles);
      const timings = await page.evaluate(() => ({
        drawn: performance.getEntriesByName('career-map:drawn')[0]?.startTime,
        interactive: performance.getEntriesByName('career-map:interactive')[0]?.startTime,
      }));
      expect(timings.interactive).toBeGreaterThanOrEqual(timings.drawn as number);
      await writeFile(join(artifacts, `career-map-${size.roles}-timings.json`), JSON.stringify(timings));
      await page.screenshot({ path: join(artifacts, `career-map-${size.roles}-overview-1280x800.png`) });
    } finally {
      await page.close();
    }
  });

  it('finds a role by name, moves to it and writes its name; then shows its neighbourhood, two steps either way', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      const role = path.via;
      await page.goto(api.server.url);
      await mapDrawn(page);
      await eventually(() => page.locator('#role-input').isEnabled()).toBe(true);
      await choose(page, 'role', role.title);
      await eventually(() => panelHeading(page).textContent()).toBe(role.title);
      await eventually(async () => (await drawnMap(page)).roles.find((drawn) => drawn.id === idOf(role))).toMatchObject({ state: 'current', labelShown: true });
      await eventually(async () => outOfView(await drawnMap(page), [idOf(role)])).toEqual([]);

      await page.getByRole('button', { name: '2 steps around' }).click();
      expect(new URL(page.url()).searchParams.get('near')).toBe(idOf(role));
      const index = new Map(taxonomy.roles.map((candidate, at) => [candidate, at]));
      const neighbours = (at: number) => [
        ...(taxonomy.roles[at] as GeneratedRole).targets,
        ...taxonomy.roles.flatMap((candidate, from) => (candidate.targets.includes(at) ? [from] : [])),
      ];
      const near = new Set([index.get(role) as number]);
      for (let step = 0; step < 2; step += 1) for (const at of [...near]) for (const next of neighbours(at)) near.add(next);
      const expected = [...near].map((at) => idOf(taxonomy.roles[at] as GeneratedRole)).sort();
      await eventually(async () => (await drawnMap(page)).roles.filter((drawn) => drawn.state !== 'dimmed').map((drawn) => drawn.id).sort()).toEqual(expected);
      await eventually(() => page.locator('#focus-bar').textContent()).toContain(`${expected.length} roles within 2 steps of`);
      await eventually(async () => outOfView(await drawnMap(page), expected)).toEqual([]);
      await page.screenshot({ path: join(artifacts, `career-map-${size.roles}-near-1280x800.png`) });
    } finally {
      await page.close();
    }
  });

  it('never paints two names over each other, from the overview to a close-up, and always names the chosen role', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(api.server.url);
      await mapDrawn(page);
      expect(overlappingLabels(await paintedLabels(page))).toEqual([]);
      const role = path.via;
      await eventually(() => page.locator('#role-input').isEnabled()).toBe(true);
      await choose(page, 'role', role.title);
      await eventually(async () => (await drawnMap(page)).roles.find((drawn) => drawn.id === idOf(role))?.state).toBe('current');
      // From the close-up the role opens at, out to where sigma's label grid offers nine names to a cell of 500
      // pixels, more than a rung of roles 100 pixels apart has room for.
      let labels = await paintedLabels(page);
      for (let step = 0; step < 6; step += 1) {
        expect(overlappingLabels(labels)).toEqual([]);
        expect(labels.map((label) => label.text)).toContain(role.title);
        await page.locator('#zoom-out').click();
        labels = await paintedLabels(page);
      }
      // A crowded view, not an empty one: the neighbourhood is named, and sigma offered names that would have run
      // into them.
      expect(labels.length).toBeGreaterThanOrEqual(5);
      const offered = await page.evaluate(() => (document.getElementById('map') as HTMLElement & { sigma: { getNodeDisplayedLabels(): Set<string> } }).sigma.getNodeDisplayedLabels().size);
      expect(offered).toBeGreaterThan(labels.length);
      await page.screenshot({ path: join(artifacts, `career-map-${size.roles}-labels-1280x800.png`) });
    } finally {
      await page.close();
    }
  });

  it('highlights a path from a start to a goal and keeps all of it in view', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(api.server.url);
      await mapDrawn(page);
      await eventually(() => page.locator('#from-input').isEnabled()).toBe(true);
      await choose(page, 'from', path.from.title);
      await choose(page, 'to', path.to.title);
      const onPath = [path.from, path.via, path.to].map(idOf);
      await eventually(async () => (await drawnMap(page)).roles.filter((drawn) => drawn.state === 'on-path').map((drawn) => drawn.id)).toEqual(expect.arrayContaining(onPath));
      await eventually(async () => {
        const map = await drawnMap(page);
        return outOfView(map, map.roles.filter((drawn) => drawn.state === 'on-path').map((drawn) => drawn.id));
      }).toEqual([]);
      // Every role of the path is named, and no two names run into each other.
      expect((await drawnMap(page)).roles.filter((drawn) => drawn.state === 'on-path' && !drawn.labelShown).map((drawn) => drawn.id)).toEqual([]);
      expect(overlappingLabels(await paintedLabels(page))).toEqual([]);
      await page.screenshot({ path: join(artifacts, `career-map-${size.roles}-path-1280x800.png`) });
    } finally {
      await page.close();
    }
  });

  it('compares the skills of a chosen set, never of every role: a cluster, or the roles most like one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${api.server.url}/?view=overlap`);
      await eventually(() => page.locator('.overlap-choice').count()).toBe(1);
      await page.locator('.overlap-choice button').first().click();
      const rows = page.locator('.heatmap tbody tr');
      await eventually(() => rows.count()).toBeGreaterThan(1);
      expect(await rows.count()).toBeLessThanOrEqual(40);
      expect(await page.locator('.heatmap td button').count()).toBe((await rows.count()) ** 2);

      await page.goto(`${api.server.url}/?view=overlap&role=${idOf(path.via)}`);
      await eventually(() => page.locator('#overlap-heading').textContent()).toBe(`Skill overlap: ${path.via.title} and the 39 roles most like it`);
      await eventually(() => rows.count()).toBeGreaterThan(1);
      expect(await rows.count()).toBeLessThanOrEqual(40);
      await page.screenshot({ path: join(artifacts, `career-map-${size.roles}-overlap-1280x800.png`) });
    } finally {
      await page.close();
    }
  });

  it('on a 390 px phone: a compact header, one finger scrolls the page past the map, two fingers pan it, full screen, the panel one tap away, names at 11 px or more', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    try {
      await page.goto(api.server.url);
      await mapDrawn(page);
      await eventually(() => panelHeading(page).textContent()).toBe('Explore the ladder');
      const header = await page.locator('.top-bar').boundingBox();
      expect(header?.height).toBeLessThanOrEqual(120);
      expect((await drawnMap(page)).labelSize).toBeGreaterThanOrEqual(11);

      // Real touches, through the browser's input pipeline as a phone's would go: the page scrolls, or not, as
      // Chromium decides from touch-action and from the listeners that cancel the touch.
      const cdp = await context.newCDPSession(page);
      const camera = () => page.evaluate(() => (document.getElementById('map') as HTMLElement & { sigma: { getCamera(): { getState(): { x: number; y: number; ratio: number } } } }).sigma.getCamera().getState());
      const scrolled = () => page.evaluate(() => window.scrollY);
      // A swipe's scroll goes on for a moment after the finger lifts: read where the page is once two reads 200 ms
      // apart agree.
      const settledScroll = async () => {
        await eventually(async () => {
          const before = await scrolled();
          await page.waitForTimeout(200);
          return (await scrolled()) - before;
        }).toBe(0);
        return scrolled();
      };
      const swipeUp = async (fingers: 1 | 2, distance: number) => {
        const box = await page.locator('#map').boundingBox();
        if (!box) throw new Error('the map has no box');
        const at = (moved: number) => Array.from({ length: fingers }, (_, finger) => ({ id: finger, x: box.x + box.width / 2 + (finger - (fingers - 1) / 2) * 80, y: box.y + box.height * 0.7 - moved }));
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
        for (let step = 1; step <= 10; step += 1) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at((distance * step) / 10) });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      };
      await page.evaluate(() => window.scrollTo(0, 0));
      const still = await camera();
      await swipeUp(1, 200);
      await eventually(scrolled).toBeGreaterThan(100);
      const scrollBefore = await settledScroll();
      expect(await camera()).toEqual(still);

      await swipeUp(2, 150);
      // Both fingers moved up together: the map moved up under them, at the same zoom (sigma's pinch arithmetic
      // shifts x by a rounding's worth), and the page stayed put.
      const panned = await camera();
      expect(Math.abs(panned.y - still.y)).toBeGreaterThan(0.05);
      expect(Math.abs(panned.y - still.y)).toBeGreaterThan(10 * Math.abs(panned.x - still.x));
      expect(panned.ratio).toBeCloseTo(still.ratio, 3);
      expect(await settledScroll()).toBe(scrollBefore);

      // sigma.js marks its canvas touch-action: none, which would keep a swipe from scrolling the page; out of
      // full screen the page lets the browser pan with one finger, and in full screen the map takes every touch.
      const touchAction = () => page.evaluate(() => getComputedStyle(document.querySelector('#map canvas:last-of-type') as Element).touchAction);
      expect(await touchAction()).toBe('pan-x pan-y');
      await page.locator('#map-full').click();
      expect(await touchAction()).toBe('none');
      expect(await page.locator('#map-view').boundingBox()).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
      await page.locator('#map-full').click();
      await page.screenshot({ path: join(artifacts, `career-map-${size.roles}-phone-390x844.png`) });

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('.to-panel').click();
      await eventually(async () => (await page.locator('#panel').boundingBox())?.y).toBeLessThan(100);
    } finally {
      await context.close();
    }
  });
});
