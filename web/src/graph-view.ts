import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import cytoscapeDagre from 'cytoscape-dagre';
import type { CareerMapData, MapNode, NodeKind } from './queries.js';

cytoscape.use(cytoscapeDagre);

/** Fill and ink of each kind; a role with no page of its own is drawn pale and dashed in its kind's ink. */
const kindColours: Record<NodeKind, { fill: string; pale: string }> = {
  ENTRY: { fill: '#0f766e', pale: '#e6f4f2' },
  STEP: { fill: '#1d4ed8', pale: '#e8eefc' },
  TOP: { fill: '#7e22ce', pale: '#f4eafb' },
  STANDALONE: { fill: '#525252', pale: '#f0f0f0' },
};

const pathColour = '#c2410c';
const maxFitZoom = 1.25;

const style: StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: 172,
      height: 56,
      'background-color': 'data(fill)',
      'border-width': 2,
      'border-color': 'data(ink)',
      label: 'data(caption)',
      color: 'data(text)',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 14,
      'text-wrap': 'wrap',
      'text-max-width': '164',
      'line-height': 1.25,
      'text-valign': 'center',
      'text-halign': 'center',
    },
  },
  { selector: 'node[!hasPage]', style: { 'border-style': 'dashed' } },
  {
    selector: 'edge',
    style: {
      width: 2,
      'curve-style': 'bezier',
      'line-color': '#6b7280',
      'target-arrow-color': '#6b7280',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 1.3,
      label: 'data(caption)',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 12,
      color: '#1f2937',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.92,
      'text-background-padding': '2',
      'text-background-shape': 'roundrectangle',
    },
  },
  { selector: '.dimmed', style: { opacity: 0.3 } },
  {
    selector: 'node.on-path',
    style: { 'underlay-color': pathColour, 'underlay-opacity': 0.35, 'underlay-padding': 7, 'underlay-shape': 'round-rectangle' },
  },
  { selector: 'edge.on-path', style: { width: 5, 'line-color': pathColour, 'target-arrow-color': pathColour, color: pathColour, 'font-weight': 'bold' } },
  { selector: 'node.current', style: { 'border-width': 5, 'border-color': '#111827', 'border-style': 'solid' } },
];

export interface Highlight {
  role: string | null;
  from: string | null;
  to: string | null;
  /** The roles and transitions of every path from start to goal, or null when no path is asked for. */
  paths: { roles: Set<string>; transitions: Set<string> } | null;
}

/** The map: roles by level, bottom to top, as Cytoscape draws them with the layered dagre layout. */
export class GraphView {
  private cy: Core | null = null;
  private highlight: Highlight = { role: null, from: null, to: null, paths: null };

  constructor(
    private readonly container: HTMLElement,
    private readonly onPick: (roleId: string) => void,
  ) {}

  draw({ careerMap }: CareerMapData): void {
    const levels = new Map(careerMap.nodes.map((node) => [node.id, node.level]));
    const elements: ElementDefinition[] = [
      ...careerMap.nodes.map((node) => ({ group: 'nodes' as const, data: { ...node, ...colours(node), caption: caption(node, null) } })),
      ...careerMap.edges.map((edge) => ({ group: 'edges' as const, data: { ...edge, caption: edge.label ?? '' } })),
    ];
    this.cy?.destroy();
    this.cy = cytoscape({
      container: this.container,
      elements,
      style,
      minZoom: 0.25,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autounselectify: true,
      layout: {
        name: 'dagre',
        rankDir: 'BT',
        nodeSep: 28,
        rankSep: 50,
        padding: 24,
        // A rung per level: an arrow that skips levels spans them, so each role sits at its own level's height.
        minLen: (edge: cytoscape.EdgeSingular) => Math.max(1, (levels.get(edge.data('target')) ?? 1) - (levels.get(edge.data('source')) ?? 1)),
      } as cytoscape.LayoutOptions,
    });
    this.cy.on('tap', 'node', (event) => this.onPick(event.target.id()));
    this.cy.on('mouseover', 'node', () => (this.container.style.cursor = 'pointer'));
    this.cy.on('mouseout', 'node', () => (this.container.style.cursor = ''));
    this.container.setAttribute(
      'aria-label',
      `Career map of ${careerMap.nodes.length} roles and ${careerMap.edges.length} transitions, lowest level at the bottom. ` +
        'Use the Role, Start and Goal lists to explore it with the keyboard.',
    );
    this.fit();
    this.show(this.highlight);
  }

  /** Marks the role in the panel, the start, the goal and the paths; kept for a map drawn later. */
  show(highlight: Highlight): void {
    this.highlight = highlight;
    const { role, from, to, paths } = highlight;
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('current on-path dimmed');
      cy.nodes().forEach((node) => {
        node.data('caption', caption(node.data() as MapNode, node.id() === from ? 'Start' : node.id() === to ? 'Goal' : null));
      });
      if (role) cy.getElementById(role).addClass('current');
      if (paths) {
        cy.nodes().forEach((node) => void node.addClass(paths.roles.has(node.id()) ? 'on-path' : 'dimmed'));
        cy.edges().forEach((edge) => void edge.addClass(paths.transitions.has(edge.id()) ? 'on-path' : 'dimmed'));
      }
    });
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** The whole map in view, no larger than life: on a big screen a small graph would blow up. */
  fit(): void {
    const cy = this.cy;
    if (!cy) return;
    cy.fit(undefined, 24);
    if (cy.zoom() > maxFitZoom) {
      cy.zoom(maxFitZoom);
      cy.center();
    }
  }

  /** After the container changes size, as when the view comes back into sight. */
  refit(): void {
    this.cy?.resize();
    this.fit();
  }
}

function colours(node: MapNode): { fill: string; ink: string; text: string } {
  const { fill, pale } = kindColours[node.kind];
  return node.hasPage ? { fill, ink: fill, text: '#ffffff' } : { fill: pale, ink: fill, text: fill };
}

function caption(node: MapNode, mark: 'Start' | 'Goal' | null): string {
  const skills = `${node.skillCount} ${node.skillCount === 1 ? 'skill' : 'skills'}`;
  return mark ? `${node.label}\n${skills} · ${mark}` : `${node.label}\n${skills}`;
}
