import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedGraph, startTestApi, type TestApi } from '../../tests/api-server.js';
import { openTestDatabase } from '../../tests/neo4j.js';
import { buildWeb } from '../../web/build.js';
import { projectRoot } from '../config.js';
import { Database } from '../neo4j/database.js';
import { accessibilityViolations, drawnMap, launchChromium, mapDrawn, outOfView, overlappingLabels, paintedLabels } from './career-map.browser-probe.js';
import { careerMapRouter } from './web.router.js';

// The page in a real headless Chromium (CHROMIUM_PATH or a usual path; playwright-core downloads no browser),
// against the API on the seeded graph. Each state is saved as a screenshot in test-artifacts/ at the
// desktop and the phone size, for a person to look at.

const database = openTestDatabase();
const artifacts = join(projectRoot, 'test-artifacts');
let distDir: string;
let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), 'career-map-web-'));
  await Promise.all([seedGraph(database), buildWeb(distDir), mkdir(artifacts, { recursive: true })]);
  api = await startTestApi(database, { routes: [careerMapRouter(distDir)] });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await database.close();
  await rm(distDir, { recursive: true, force: true });
});

const roleIds = ['ceo', 'cto', 'director', 'individual-contributor', 'manager', 'vp'];

/** Clicks a role on the canvas where the renderer drew it, as a person would. */
async function clickRole(page: Page, id: string): Promise<void> {
  const node = (await drawnMap(page)).roles.find((candidate) => candidate.id === id);
  const box = await page.locator('#map').boundingBox();
  if (!node || !box) throw new Error(`role ${id} is not on the map`);
  await page.mouse.click(box.x + node.x, box.y + node.y);
}

/** Types a name in a Role, Start or Goal field and commits it with Enter, as a person picking from the list would. */
async function choose(page: Page, field: 'role' | 'from' | 'to', name: string): Promise<void> {
  await page.fill(`#${field}-input`, name);
  await page.press(`#${field}-input`, 'Enter');
}

/** Waits for what the page shows after its requests, which take their time on a busy two-core machine. */
const eventually = <T>(read: () => Promise<T>, timeout = 30_000) => expect.poll(read, { timeout });

const panelHeading = (page: Page) => page.locator('#panel-heading');

describe.each([
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
])('the career map at $width×$height', (viewport) => {
  let page: Page;
  let foreignRequests: string[];
  let consoleErrors: string[];

  beforeEach(async () => {
    page = await browser.newPage({ viewport });
    foreignRequests = [];
    consoleErrors = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(api.server.url) && !url.startsWith('data:')) foreignRequests.push(url);
    });
    page.on('console', (message) => void (message.type() === 'error' && consoleErrors.push(message.text())));
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  afterEach(async () => {
    await page.close();
    expect(foreignRequests, 'the page needs nothing from outside its server').toEqual([]);
  });

  // The whole page: on a phone the panel is below the map.
  const screenshot = (state: string, of: Page = page) =>
    of.screenshot({ path: join(artifacts, `career-map-${state}-${viewport.width}x${viewport.height}.png`), fullPage: true });

  it('draws one node per role, the ladder from bottom to top with every name legible, and an arrow with its years per transition', async () => {
    await page.goto(api.server.url);
    await mapDrawn(page);
    const map = await drawnMap(page);
    const { roles, edges, clusters } = map;
    expect(roles.map((node) => node.id).sort()).toEqual(roleIds);
    const y = Object.fromEntries(roles.map((node) => [node.id, node.y]));
    const rungs = ['individual-contributor', 'manager', 'director', 'vp', 'cto'].map((id) => y[id] as number);
    expect(rungs).toEqual([...rungs].sort((a, b) => b - a));
    expect(new Set(rungs).size).toBe(rungs.length);
    expect(y.ceo).toBe(y.cto);
    expect(edges.find((edge) => edge.id === 'director-to-vp')?.label).toBe('3–5+ years');
    expect(edges).toHaveLength(5);
    // A ladder this small is one screen: no cluster names, every role's name drawn, at a size a phone can read.
    expect(clusters).toEqual([]);
    expect(roles.filter((role) => !role.labelShown)).toEqual([]);
    expect(map.labelSize).toBeGreaterThanOrEqual(11);
    expect(outOfView(map, roleIds)).toEqual([]);
    await eventually(() => page.locator('#role-names option').count()).toBe(roleIds.length);
    await eventually(() => panelHeading(page).textContent()).toBe('Explore the ladder');
    expect(consoleErrors).toEqual([]);
    await screenshot('map');
  });

  it('never paints two names over each other, at the first view or zoomed in, and always names the chosen role', async () => {
    await page.goto(`${api.server.url}/?role=vp`);
    await mapDrawn(page);
    await eventually(async () => (await drawnMap(page)).roles.find((node) => node.id === 'vp')?.state).toBe('current');
    const ratio = () => page.evaluate(() => (document.getElementById('map') as HTMLElement & { sigma: { getCamera(): { ratio: number } } }).sigma.getCamera().ratio);
    for (let step = 0; step < 4; step += 1) {
      const labels = await paintedLabels(page);
      expect(overlappingLabels(labels)).toEqual([]);
      expect(labels.map((label) => label.text)).toContain('VP');
      const before = await ratio();
      await page.locator('#zoom-in').click();
      await eventually(ratio).toBeCloseTo(before / 1.25, 5);
    }
    expect(consoleErrors).toEqual([]);
  });

  it('opens the panel of a clicked role, with its 26 skills by category, and keeps it in the URL', async () => {
    await page.goto(api.server.url);
    await mapDrawn(page);
    await clickRole(page, 'vp');
    await eventually(() => panelHeading(page).textContent()).toBe('VP of Engineering');
    const skills = page.locator('#panel [data-section="skills"]');
    await eventually(() => skills.locator('h3').textContent()).toBe('Skills (26)');
    await eventually(() => skills.locator('li').count()).toBe(26);
    await eventually(() => skills.locator('h4').count()).toBe(6);
    await eventually(() => page.locator('#panel .question').textContent()).toBe('“How does engineering drive business success?”');
    await eventually(() => page.locator('#panel .transitions li').count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel-heading');
    expect(await page.locator('#panel-status').textContent()).toBe('VP of Engineering: 26 skills, 2 transitions onward.');
    expect(new URL(page.url()).search).toBe('?role=vp');
    expect((await drawnMap(page)).roles.find((node) => node.id === 'vp')?.state).toBe('current');
    expect(consoleErrors).toEqual([]);
    await screenshot('role-vp');

    await page.locator('#panel .transitions button', { hasText: 'CTO' }).click();
    await eventually(() => panelHeading(page).textContent()).toBe('CTO');
    await page.goBack();
    await eventually(() => panelHeading(page).textContent()).toBe('VP of Engineering');
  });

  it('labels each skill of a role without a page with its basis, and cites the sentence a developed one comes from', async () => {
    await page.goto(`${api.server.url}/?role=cto`);
    await eventually(() => panelHeading(page).textContent()).toBe('CTO');
    const skills = page.locator('#panel [data-section="skills"]');
    await eventually(() => skills.locator('.profile').textContent()).toMatch(/^Inferred profile: /);
    // vp.md line 53 lists "Vision setting" among the VP's skills; only the VP leads to the CTO.
    const vision = skills.locator('.chips > li', { has: page.locator('.skill-name', { hasText: /^Vision setting$/ }) });
    await eventually(() => vision.locator('.basis').textContent()).toBe(' · inherited from VP');
    // "Technology strategy ownership" is the "to" side of a key shift VP → CTO, vp.md line 134.
    const ownership = skills.locator('.chips > li', { has: page.locator('.skill-name', { hasText: /^Ownership$/ }) });
    await eventually(() => ownership.locator('.basis').textContent()).toBe(' · developed');
    await ownership.locator('summary').focus();
    await page.keyboard.press('Enter');
    const cited = ownership.locator('.evidence-list li');
    await eventually(() => cited.locator('cite').allTextContents()).toContain(' vp.md, line 134');
    const seedLines = (await readFile(join(projectRoot, 'seed/vp.md'), 'utf8')).split('\n');
    for (const item of await cited.all()) {
      const line = Number(/:(\d+)$/.exec(await item.locator('cite').getAttribute('title') ?? '')?.[1]);
      expect(seedLines[line - 1]?.replace(/[*|_]/g, '')).toContain(await item.locator('q').textContent());
    }
    expect(consoleErrors).toEqual([]);
    await screenshot('role-cto');
  });

  it('shows VP → CTO dropping nothing, with what the move develops and its evidence, and keeps every list of losses closed', async () => {
    await page.goto(`${api.server.url}/?from=vp&to=cto`);
    await eventually(() => page.locator('#panel .path').count()).toBe(1);
    const step = page.locator('#panel .steps > li').first();
    await eventually(() => step.locator('.profile').textContent()).toMatch(/^CTO's profile is inferred/);
    // The CTO inherits every one of the VP's skills (vp.md lines 53-58): none is dropped, none left unstated.
    await eventually(() => step.locator('.delta-part > summary').allTextContents()).toEqual(['Gained (1)', 'Retained (26)', 'Dropped (0)', 'Not stated (0)']);
    expect(await page.locator('#panel .delta-part.dropped').count()).toBe(2);
    expect(await page.locator('#panel .delta-part.dropped[open]').count()).toBe(0);
    // vp.md line 139: the first key action, which no skill list names.
    const intuition = step.locator('.develops > li', { hasText: 'Develop Deep Product Intuition' });
    await eventually(() => intuition.locator('summary').textContent()).toBe('Develop Deep Product Intuition · a capability no skill list names');
    await intuition.locator('summary').click();
    await eventually(() => intuition.locator('cite').allTextContents()).toContain(' vp.md, line 139');
    expect(consoleErrors).toEqual([]);
    await screenshot('path-vp-cto');
  });

  it('says which page states each comparison, and shows two pages that disagree as a disagreement', async () => {
    // seed/manager.md:115 calls the Manager "Captain of a single ship"; seed/individual-contributor.md:115,
    // in its own comparison, "Coach on the sideline".
    await page.goto(`${api.server.url}/?role=manager`);
    await eventually(() => panelHeading(page).textContent()).toBe('Engineering Manager');
    const comparisons = page.locator('#panel [data-section="comparisons"]');
    const metaphor = comparisons.locator('dt', { hasText: /^Metaphor$/ });
    await eventually(() => metaphor.count()).toBe(1);
    const value = comparisons.locator('dt:text-is("Metaphor") + dd');
    expect(await value.getAttribute('class')).toBe('disagreement');
    expect(await value.locator('.disagree-note').textContent()).toBe('The pages disagree (2 values):');
    expect(await value.locator('li').allTextContents()).toEqual([
      'Captain of a single ship from its own page, line 115',
      'Coach on the sideline from individual-contributor.md, line 115',
    ]);
    // What another page says of its responsibilities or scope names that page; its own page goes without saying.
    const cited = await page.locator('#panel [data-section="responsibilities"] cite').count();
    const responsibilities = await api.query<{ role: { responsibilities: { source: string }[] } }>('{ role(id: "manager") { responsibilities { source } } }');
    expect(cited).toBe(responsibilities.data?.role.responsibilities.filter((item) => !item.source.startsWith('seed/manager.md')).length);
    await screenshot('comparisons');
  });

  it('works from the keyboard: a name typed in the Role field opens a panel, and Escape closes it and returns to the field', async () => {
    await page.goto(api.server.url);
    await mapDrawn(page);
    await eventually(() => page.locator('#role-input').isEnabled()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('role-input');
    await page.keyboard.type('individual');
    await page.keyboard.press('Enter');
    await eventually(() => panelHeading(page).textContent()).toBe('Individual Contributor (Software Engineer)');
    expect(await page.inputValue('#role-input')).toBe('Individual Contributor');
    await page.locator('#panel-heading').focus();
    await page.keyboard.press('Escape');
    await eventually(() => panelHeading(page).textContent()).toBe('Explore the ladder');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('role-input');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('Astronaut');
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('#search-message').textContent()).toBe('No role is named “Astronaut”.');
  });

  it('highlights the path from Individual Contributor to CTO and lists each step with its skill delta', async () => {
    const expected = await api.query<{ transitionPlan: { paths: { steps: { id: string; skillDelta: Record<'gained' | 'retained' | 'dropped' | 'unstated', unknown[]> & { targetProfile: string } }[] }[] } }>(
      '{ transitionPlan(from: "individual-contributor", to: "cto") { paths { steps { id skillDelta { targetProfile gained { id } retained { id } dropped { id } unstated { id } } } } } }',
    );
    const [path] = expected.data?.transitionPlan.paths ?? [];
    await page.goto(api.server.url);
    await mapDrawn(page);
    await choose(page, 'from', 'Individual Contributor');
    await choose(page, 'to', 'CTO');
    await eventually(() => page.locator('#panel .path').count()).toBe(1);
    expect(new URL(page.url()).search).toBe('?from=individual-contributor&to=cto');

    const pathRoles = ['cto', 'director', 'individual-contributor', 'manager', 'vp'];
    await eventually(async () => (await drawnMap(page)).roles.filter((node) => node.state === 'on-path').map((node) => node.id).sort()).toEqual(pathRoles);
    const map = await drawnMap(page);
    expect(map.edges.filter((edge) => edge.state === 'on-path').map((edge) => edge.id).sort()).toEqual(['director-to-vp', 'individual-contributor-to-manager', 'manager-to-director', 'vp-to-cto']);
    expect(map.roles.find((node) => node.id === 'ceo')?.state).toBe('dimmed');
    await eventually(async () => outOfView(await drawnMap(page), pathRoles)).toEqual([]);

    await eventually(() => page.locator('#panel .path-facts').textContent()).toBe('4 steps · 14–26+ years');
    const steps = page.locator('#panel .steps > li');
    await eventually(() => steps.count()).toBe(4);
    for (const [index, step] of (path?.steps ?? []).entries()) {
      const summaries = steps.nth(index).locator('.delta-part > summary');
      await eventually(() => summaries.allTextContents()).toEqual([
        `Gained (${step.skillDelta.gained.length})`,
        `Retained (${step.skillDelta.retained.length})`,
        `Dropped (${step.skillDelta.dropped.length})`,
        ...(step.skillDelta.targetProfile === 'INFERRED' ? [`Not stated (${step.skillDelta.unstated.length})`] : []),
      ]);
    }
    await eventually(() => steps.first().locator('.shifts li').count()).toBe(4);
    // The CTO has no page: it inherits the VP's list (vp.md lines 53-58, in that order), none of which the
    // individual contributor's page lists; "ownership", which the move to CTO develops, the IC already has.
    const vpList = [
      'Vision setting, organizational strategy, change management, executive presence, board communication',
      'P&L management, budgeting, market dynamics, competitive analysis, ROI thinking',
      'Building executive teams, succession planning, culture shaping, talent strategy',
      'Board presentations, investor narratives, public speaking, written communication at scale',
      'Multi-year planning, scenario analysis, prioritization at scale, risk management',
      'Org design, M&A integration, scaling operations, navigating politics',
    ].flatMap((row) => row.split(', ').map((name) => name.charAt(0).toUpperCase() + name.slice(1)));
    await eventually(() => page.locator('#panel [data-delta="cumulative"] .gained .skill-name').allTextContents()).toEqual(vpList);
    await eventually(() => page.locator('#panel [data-delta="cumulative"] .gained .basis').first().textContent()).toBe(' · inherited from VP');
    expect(consoleErrors).toEqual([]);
    await screenshot('path');
  });

  it('draws the overlap heatmap with one row per role, and lists the shared skills of the cell under the pointer', async () => {
    await page.goto(`${api.server.url}/?view=overlap`);
    const rows = page.locator('.heatmap tbody tr');
    await eventually(() => rows.count()).toBe(roleIds.length);
    await eventually(() => page.locator('.heatmap tbody th').allTextContents()).toEqual(['Individual Contributor', 'Manager', 'Director', 'VP', 'CEO', 'CTO']);
    const cell = page.getByRole('button', { name: /^Director and VP: Jaccard/ });
    await cell.hover();
    const label = (await cell.getAttribute('aria-label')) ?? '';
    const shared = Number(/(\d+) shared skills/.exec(label)?.[1]);
    expect(shared).toBeGreaterThan(0);
    await eventually(() => page.locator('.overlap-details h3').textContent()).toBe('Director and VP');
    await eventually(() => page.locator('.overlap-details .shared-skills li').count()).toBe(shared);
    expect(consoleErrors).toEqual([]);
    await screenshot('overlap');

    await cell.focus();
    await page.keyboard.press('ArrowDown');
    await eventually(() => page.locator('.overlap-details h3').textContent()).toBe('VP');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^VP and VP: Jaccard 1\.00, 26 shared skills$/);

    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await mapDrawn(page);
    expect(new URL(page.url()).search).toBe('');
  });

  it.each([
    { state: 'the first view', search: '' },
    { state: 'a role', search: '?role=vp' },
    { state: 'a path', search: '?from=individual-contributor&to=cto' },
    { state: 'a neighbourhood', search: '?near=director&steps=2' },
    { state: 'the heatmap', search: '?view=overlap' },
  ])('breaks no WCAG 2 A or AA rule that axe-core checks, showing $state', async ({ search }) => {
    await page.goto(`${api.server.url}/${search}`);
    await (search === '?view=overlap' ? page.locator('.heatmap tbody tr').first().waitFor() : mapDrawn(page));
    await eventually(() => page.locator('#panel[aria-busy="true"]').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('answers an unknown role in the URL with the API\'s suggestions', async () => {
    await page.goto(`${api.server.url}/?role=vpp`);
    await eventually(() => panelHeading(page).textContent()).toBe('No role “vpp”');
    await eventually(() => page.locator('#panel').textContent()).toContain('Did you mean:');
    const suggestion = page.locator('#panel .suggestions button', { hasText: 'VP' });
    await suggestion.waitFor();
    await screenshot('unknown-role');
    await suggestion.click();
    await eventually(() => panelHeading(page).textContent()).toBe('VP of Engineering');
    expect(new URL(page.url()).search).toBe('?role=vp');
  });

  it('says the API cannot be reached when the server goes away, and offers to try again', async () => {
    const doomed = await startTestApi(database, { routes: [careerMapRouter(distDir)] });
    const doomedPage = await browser.newPage({ viewport });
    try {
      await doomedPage.goto(doomed.server.url);
      await mapDrawn(doomedPage);
      await doomed.stop();
      await eventually(() => doomedPage.locator('#role-input').isEnabled()).toBe(true);
      await choose(doomedPage, 'role', 'Manager');
      await eventually(() => panelHeading(doomedPage).textContent()).toBe('The API cannot be reached');
      await eventually(() => doomedPage.locator('#panel').textContent()).toContain('Check that the server is running (npm start), then try again.');
      await doomedPage.locator('#panel button', { hasText: 'Try again' }).waitFor();
      expect(await doomedPage.locator('#panel-status').textContent()).toMatch(/^The API cannot be reached\./);
      await screenshot('api-down', doomedPage);
    } finally {
      await doomedPage.close();
    }
  });

  it('says the graph database is unavailable when the API answers so', async () => {
    const noDatabase = Database.open({ uri: 'bolt://127.0.0.1:9' });
    const orphan = await startTestApi(noDatabase, { routes: [careerMapRouter(distDir)] });
    const orphanPage = await browser.newPage({ viewport });
    try {
      await orphanPage.goto(orphan.server.url);
      await eventually(() => panelHeading(orphanPage).textContent(), 20_000).toBe('The graph database is unavailable');
      await eventually(() => orphanPage.locator('#map-message').textContent()).toBe('The map could not be loaded. The details panel says why.');
      await screenshot('database-down', orphanPage);
    } finally {
      await orphanPage.close();
      await orphan.stop();
      await noDatabase.close();
    }
  });
});
