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

/** What sigma drew: its instance hangs on the container it draws in. A name is shown if it was painted. */
export async function drawnMap(page: Page): Promise<DrawnMap> {
  const painted = new Set((await paintedLabels(page)).map((label) => label.text));
  const drawn = await page.evaluate(() => {
    interface Display { x: number; y: number; color: string; label: string | null; hidden?: boolean; highlighted?: boolean }
    interface Renderer {
      getGraph(): {
        mapNodes<T>(map: (id: string, attributes: { kind: string }) => T): T[];
        mapEdges<T>(map: (id: string, attributes: { label: string | null }) => T): T[];
      };
      getNodeDisplayData(id: string): Display;
      getEdgeDisplayData(id: string): Display;
      framedGraphToViewport(point: { x: number; y: number }): { x: number; y: number };
      getSetting(name: 'labelSize'): number;
    }
    const container = document.getElementById('map') as HTMLElement & { sigma: Renderer };
    const renderer = container.sigma;
    const graph = renderer.getGraph();
    // No named function in here: tsx (the bench) wraps those in a `__name` helper that the page does not have.
    const nodes = graph.mapNodes((id, attributes) => {
      const data = renderer.getNodeDisplayData(id);
      return { kind: attributes.kind, id, ...renderer.framedGraphToViewport(data), label: data.label, color: data.color, highlighted: Boolean(data.highlighted) };
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
      labelShown: role.label !== null && painted.has(role.label),
      state: highlighted ? 'current' : color === pathColour ? 'on-path' : color === mutedNode ? 'dimmed' : 'plain',
    })),
    clusters: drawn.clusters.map(({ id, label }) => ({ id, label, labelShown: label !== null && painted.has(label) })),
    edges: drawn.edges.map(({ id, label, color, hidden }) => ({ id, label, state: hidden ? 'hidden' : color === pathColour ? 'on-path' : 'plain' })),
  };
}

/** A node's name as painted on the map's canvases, with the box its ink covers, in CSS pixels. */
export interface PaintedLabel {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The node names the renderer paints, read from the canvas calls of one synchronous render: whatever chose or
 * dropped them, this is what a person sees. The labels layer has every name; the hover layer the chosen role's
 * again, on its white box, which counts once.
 */
export async function paintedLabels(page: Page): Promise<PaintedLabel[]> {
  const painted = await page.evaluate(() => {
    interface Renderer { getCanvases(): Record<string, HTMLCanvasElement>; refresh(): void }
    const renderer = (document.getElementById('map') as HTMLElement & { sigma: Renderer }).sigma;
    const contexts = ['labels', 'hovers'].map((layer) => renderer.getCanvases()[layer]?.getContext('2d') as CanvasRenderingContext2D);
    const texts: { text: string; left: number; top: number; right: number; bottom: number }[] = [];
    for (const context of contexts) {
      const fillText = context.fillText.bind(context);
      // An own property over the prototype's method, deleted after the render. No named function in here: see drawnMap.
      context.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
        const ink = context.measureText(text);
        texts.push({ text, left: x - ink.actualBoundingBoxLeft, top: y - ink.actualBoundingBoxAscent, right: x + ink.actualBoundingBoxRight, bottom: y + ink.actualBoundingBoxDescent });
        fillText(text, x, y, maxWidth);
      };
    }
    try {
      renderer.refresh();
    } finally {
      for (const context of contexts) delete (context as Partial<CanvasRenderingContext2D>).fillText;
    }
    return texts;
  });
  const seen = new Set<string>();
  return painted.filter((label) => {
    const key = JSON.stringify(label);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** Each pair of painted names whose ink overlaps, as "A / B". */
export function overlappingLabels(labels: PaintedLabel[]): string[] {
  return labels.flatMap((a, index) =>
    labels.slice(index + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `${a.text} / ${b.text}`),
  );
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
