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
        filterNodes(where: (id: string, attributes: { kind: string }) => boolean): string[];
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
    const node = (id: string) => {
      const data = renderer.getNodeDisplayData(id);
      return { id, ...renderer.framedGraphToViewport(data), label: data.label, labelShown: labels.has(id), color: data.color, highlighted: Boolean(data.highlighted) };
    };
    return {
      width: container.clientWidth,
      height: container.clientHeight,
      labelSize: renderer.getSetting('labelSize'),
      roles: graph.filterNodes((_, attributes) => attributes.kind === 'role').map(node),
      clusters: graph.filterNodes((_, attributes) => attributes.kind === 'cluster').map(node),
      edges: graph.mapEdges((id, attributes) => {
        const data = renderer.getEdgeDisplayData(id);
        return { id, label: attributes.label, color: data.color, hidden: Boolean(data.hidden) };
      }),
    };
  });
  return {
    ...drawn,
    roles: drawn.roles.map(({ color, highlighted, ...role }) => ({
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
