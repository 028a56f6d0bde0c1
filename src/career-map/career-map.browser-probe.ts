import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mutedNode, pathColour } from '../../web/src/map-look.js';
import { chromiumArgs, findChromium } from '../../tests/chromium.js';

/**
 * What the browser tests and the map benchmark share: Chromium (CHROMIUM_PATH or a usual path) driven by playwright-core (no
 * browser is downloaded), and a reading of what the page's renderer drew.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
}

export interface DrawnRole {
  id: string;
  /** Where it is drawn, in CSS pixels from the map's top left corner. */
  x: number;
  y: number;
  label: string | null;
  labelShown: boolean;
  state: 'current' | 'on-path' | 'dimmed' | 'plain';
}

export interface DrawnMap {
  width: number;
  height: number;
  labelSize: number;
  roles: DrawnRole[];
  clusters: { id: string; label: string | null; labelShown: boolean }[];
  edges: { id: string; label: string | null; state: 'on-path' | 'hidden' | 'plain' }[];
}

/** What sigma drew: its instance hangs on the container it draws in. */
export async function drawnMap(page: Page): Promise<DrawnMap> {
  const drawn = await page.evaluate(() => {
    interface Display { x: number; y: number; color: string; label: string | null; hidden?: boolean; highlighted?: boolean }
    interface Renderer {
      getGraph(): {
        mapNodes<T>(map: (id: string, attributes: { kind: string }) => T): T[];
        mapEdges<T>(map: (id: string, attributes: { label: string | null }) => T): T[];
      };
      getNodeDisplayData(id: string): Display;
      getEdgeDisplayData(id: string): Display;
      getNodeDisplayedLabels(): Set<string>;
      framedGraphToViewport(point: { x: number; y: number }): { x: number; y: number };
      getSetting(name: 'labelSize'): number;
    }
    const container = document.getElementById('map') as HTMLElement & { sigma: Renderer };
    const renderer = container.sigma;
    const graph = renderer.getGraph();
    const labels = renderer.getNodeDisplayedLabels();
    // No named function in here: tsx (the bench) wraps those in a `__name` helper that the page does not have.
    const nodes = graph.mapNodes((id, attributes) => {
      const data = renderer.getNodeDisplayData(id);
      return { kind: attributes.kind, id, ...renderer.framedGraphToViewport(data), label: data.label, labelShown: labels.has(id), color: data.color, highlighted: Boolean(data.highlighted) };
    });
    return {
      width: container.clientWidth,
      height: container.clientHeight,
      labelSize: renderer.getSetting('labelSize'),
      roles: nodes.filter((node) => node.kind === 'role'),
      clusters: nodes.filter((node) => node.kind === 'cluster'),
      edges: graph.mapEdges((id, attributes) => {
        const data = renderer.getEdgeDisplayData(id);
        return { id, label: attributes.label, color: data.color, hidden: Boolean(data.hidden) };
      }),
    };
  });
  return {
    ...drawn,
    roles: drawn.roles.map(({ kind: _kind, color, highlighted, ...role }) => ({
      ...role,
      state: highlighted ? 'current' : color === pathColour ? 'on-path' : color === mutedNode ? 'dimmed' : 'plain',
    })),
    clusters: drawn.clusters.map(({ id, label, labelShown }) => ({ id, label, labelShown })),
    edges: drawn.edges.map(({ id, label, color, hidden }) => ({ id, label, state: hidden ? 'hidden' : color === pathColour ? 'on-path' : 'plain' })),
  };
}

/** The roles of `ids` that are drawn outside the map's box (none, when all are in view). */
export function outOfView(map: DrawnMap, ids: Iterable<string>): string[] {
  const wanted = new Set(ids);
  return map.roles.filter((role) => wanted.has(role.id) && !(role.x >= 0 && role.x <= map.width && role.y >= 0 && role.y <= map.height)).map((role) => role.id);
}

/** Waits until the page has drawn the map. */
export const mapDrawn = (page: Page, timeout = 30_000) => page.locator('#map[aria-label^="Career map of"]').waitFor({ timeout });

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * What axe-core finds on the page as it is now against the WCAG 2.0 and 2.1 A and AA rules: one line per broken
 * rule, with the elements that break it. The script comes from node_modules and runs through the DevTools
 * protocol, which the page's Content Security Policy (no inline scripts) rightly does not let a script tag do.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } };
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
}
