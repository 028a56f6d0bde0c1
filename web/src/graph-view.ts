import { getCameraStateToFitViewportToNodes } from '@sigma/utils';
import { DirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import type { CameraState, EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { screenful } from '../../src/career-map/screenful.js';
import { LabelPlacement, type LabelRank } from './label-placement.js';
import { currentColour, labelSize, mutedNode, pathColour } from './map-look.js';
import type { CareerMapData, MapCluster, MapNode, NodeKind } from './queries.js';

/**
 * Why sigma.js: it draws nodes and edges with WebGL, so 3,000 roles and 9,000 transitions pan and zoom at
 * frame rate, and its label grid shows more names the closer one zooms, which is the semantic zoom the map
 * needs; LabelPlacement then draws only those that do not run into each other. The layout comes from the
 * server (careerMap's x and y), so the page lays out nothing.
 */

/** Full colour for a role with a page of its own, pale for one known only from other pages. */
const kindColours: Record<NodeKind, { fill: string; pale: string }> = {
  ENTRY: { fill: '#0f766e', pale: '#7fbab4' },
  STEP: { fill: '#1d4ed8', pale: '#8ea6eb' },
  TOP: { fill: '#7e22ce', pale: '#be91e6' },
  STANDALONE: { fill: '#525252', pale: '#a3a3a3' },
};
const edgeColour = '#6b7280';
/** On a large map every arrow drawn at full strength is a grey wash: faint until a focus picks some. */
const faintEdge = 'rgba(107, 114, 128, 0.12)';
/**
 * A large map draws its roles as WebGL points and its faint edges as hairlines (WebGL lines, one pixel, no
 * arrowhead); only the edges of a focus or a path are arrows. Without a GPU, WebGL runs in software, where
 * sigma's default shapes (drawn as one instance per node or edge) made a frame of 3,000 roles and 9,000
 * transitions take several hundred milliseconds, and points and lines a fraction of that. At the scale of an
 * overview an arrowhead is too small to read anyway.
 */
const dot = 'dot';
const hairline = 'hairline';


export interface Highlight {
  role: string | null;
  from: string | null;
  to: string | null;
  /** The roles and transitions of every path from start to goal, or null when no path is asked for. */
  paths: { roles: Set<string>; transitions: Set<string> } | null;
  /** The roles of a chosen neighbourhood or family; the others fade. Null: no focus. */
  focus: Set<string> | null;
  /** The roles the camera moves to and keeps in view; null keeps the camera where it is. */
  goTo: string[] | null;
}

interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: 'role' | 'cluster';
  forceLabel?: boolean;
}

interface EdgeAttributes {
  size: number;
  color: string;
  label: string | null;
  type: string;
}

const empty: Highlight = { role: null, from: null, to: null, paths: null, focus: null, goTo: null };

/** The map: roles where the server placed them, coloured by kind, with the chosen ones brought into view. */
export class GraphView {
  private renderer: Sigma<NodeAttributes, EdgeAttributes> | null = null;
  private graph: DirectedGraph<NodeAttributes, EdgeAttributes> | null = null;
  private highlight: Highlight = empty;
  private large = false;
  private readonly resizeObserver = new ResizeObserver(() => this.keepInView());
  private fullScreen = false;
  private readonly labels = new LabelPlacement((node) => this.labelRank(node));

  constructor(
    private readonly container: HTMLElement,
    private readonly onPick: (roleId: string) => void,
    private readonly onPickCluster: (clusterId: string) => void,
  ) {
    this.resizeObserver.observe(container);
    // On a touch screen one finger scrolls the page, as everywhere else on it: the renderer gets two-finger
    // gestures (pan and pinch) only, or every gesture in full screen. Caught before they reach the renderer.
    const wrapper = container.parentElement as HTMLElement;
    for (const type of ['touchstart', 'touchmove'] as const) {
      wrapper.addEventListener(type, (event) => {
        if (!this.fullScreen && event.touches.length === 1) event.stopPropagation();
      }, { capture: true, passive: true });
    }
  }

  /** In full screen the map takes every touch; otherwise one finger is the page's. */
  setFullScreen(full: boolean): void {
    this.fullScreen = full;
  }

  draw({ careerMap }: CareerMapData): void {
    this.large = careerMap.nodes.length > screenful;
    const graph = new DirectedGraph<NodeAttributes, EdgeAttributes>();
    const roleSize = this.large ? 3 : 9;
    for (const node of careerMap.nodes) {
      // A map that fits on a screen offers every name; a larger one, those the label grid has room for.
      graph.addNode(node.id, { x: node.x, y: node.y, size: roleSize, color: colourOf(node), label: node.label, kind: 'role', forceLabel: !this.large });
    }
    // Each cluster's name sits above its block on a node the colour of the paper: in the label grid it
    // outranks the small roles, so a map seen whole reads as its clusters, and zooming in brings the roles.
    if (careerMap.clusters.length > 1) {
      for (const cluster of careerMap.clusters) graph.addNode(clusterKey(cluster.id), clusterNode(cluster));
    }
    for (const edge of careerMap.edges) {
      if (edge.source === edge.target) continue;
      graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
        size: this.large ? 0.5 : 2,
        color: this.large ? faintEdge : edgeColour,
        label: edge.label,
        type: this.large ? hairline : 'arrow',
      });
    }
    this.renderer?.kill();
    this.graph = graph;
    this.renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, this.container, {
      labelSize,
      labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      labelWeight: '600',
      labelColor: { color: '#111827' },
      edgeLabelSize: 12,
      edgeLabelColor: { color: pathColour },
      edgeLabelWeight: '600',
      renderEdgeLabels: true,
      defaultEdgeType: 'arrow',
      defaultNodeType: this.large ? dot : 'circle',
      nodeProgramClasses: { [dot]: NodePointProgram },
      edgeProgramClasses: { [hairline]: EdgeLineProgram },
      labelRenderedSizeThreshold: this.large ? 5 : 0,
      labelGridCellSize: 150,
      labelDensity: 0.8,
      defaultDrawNodeLabel: this.labels.collect,
      hideEdgesOnMove: this.large,
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 2,
      stagePadding: 40,
      // The map may be drawn while the overlap view hides it; it is measured again when it shows.
      allowInvalidContainer: true,
      nodeReducer: (node, data) => this.nodeLook(node, data),
      edgeReducer: (edge, data) => this.edgeLook(edge, data),
    });
    this.renderer.on('afterRender', () => this.labels.place());
    // The constructor drew the first frame before the listener was there.
    this.labels.place();
    this.renderer.on('clickNode', ({ node }) => {
      if (node.startsWith(clusterPrefix)) this.onPickCluster(node.slice(clusterPrefix.length));
      else this.onPick(node);
    });
    this.renderer.on('enterNode', () => (this.container.style.cursor = 'pointer'));
    this.renderer.on('leaveNode', () => (this.container.style.cursor = ''));
    // The tests and the benchmark read what was drawn from the renderer, as Cytoscape's instance used to hang here.
    Object.assign(this.container, { sigma: this.renderer });
    this.container.setAttribute(
      'aria-label',
      `Career map of ${careerMap.nodes.length} roles and ${careerMap.edges.length} transitions` +
        `${careerMap.clusters.length > 1 ? ` in ${careerMap.clusters.length} clusters` : ''}, lowest level at the bottom. ` +
        'Use the Role, Start and Goal fields to explore it with the keyboard.',
    );
    // The renderer has just drawn the graph with the reducers and the current highlight: refreshing it again
    // here would index the whole graph a second time.
  }

  /** Marks the role in the panel, the start, the goal, the paths and the focus, and moves to what is chosen. */
  show(highlight: Highlight): void {
    const before = this.highlight;
    const moved = highlight.goTo !== null && highlight.goTo.join(' ') !== before.goTo?.join(' ');
    this.highlight = highlight;
    // The camera first: it reads where sigma placed the nodes, which a full refresh forgets until its render.
    if (moved) this.keepInView(true);
    this.redraw(before, highlight);
  }

  /**
   * A focus or paths change sizes, z-order and every edge, which the label grid and the programs index: a
   * full refresh, a few hundred milliseconds of script at 3,000 roles. The role in the panel, the start and
   * the goal change only their own colour, label and highlight, which sigma redraws in place; the highlighted
   * role is drawn above the others whatever its z-order.
   */
  private redraw(before: Highlight, after: Highlight): void {
    const renderer = this.renderer;
    const graph = this.graph;
    if (!renderer || !graph) return;
    if (!sameSet(before.focus, after.focus) || !sameSet(before.paths?.transitions ?? null, after.paths?.transitions ?? null) || !sameSet(before.paths?.roles ?? null, after.paths?.roles ?? null)) {
      // Scheduled, as the camera's move is: one render for both.
      renderer.refresh({ schedule: true });
      return;
    }
    const changed = [...new Set([before.role, after.role, before.from, after.from, before.to, after.to])].filter((id): id is string => id !== null && graph.hasNode(id));
    if (changed.length) renderer.refresh({ partialGraph: { nodes: changed }, skipIndexation: true, schedule: true });
  }

  zoomBy(factor: number): void {
    const camera = this.renderer?.getCamera();
    if (camera) this.move({ ratio: camera.ratio / factor }, 200);
  }

  /** The whole map in view. */
  fit(): void {
    this.highlight = { ...this.highlight, goTo: null };
    this.move({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, 300);
  }

  /** After the container changes size, as when the view comes back into sight. */
  refit(): void {
    this.renderer?.resize(true);
    this.keepInView();
  }

  /** Brings the chosen roles into view: once when they are chosen, and again whenever the map changes size. */
  private keepInView(animate = false): void {
    const renderer = this.renderer;
    const goTo = this.highlight.goTo?.filter((id) => this.graph?.hasNode(id));
    if (!renderer || !goTo?.length || !this.container.clientWidth) return;
    // Measured, not forced: a forced resize reallocates every canvas, which the next frame then fills anew.
    renderer.resize();
    const camera = renderer.getCamera();
    let state: Partial<CameraState>;
    if (goTo.length === 1) {
      // One role: on a large map, its place at a zoom where its name and its neighbours' read; on a small
      // one, whose names all read, the camera moves only if the role is out of sight.
      const data = renderer.getNodeDisplayData(goTo[0]);
      if (!data) return;
      const seen = renderer.framedGraphToViewport(data);
      const inSight = seen.x >= 0 && seen.y >= 0 && seen.x <= this.container.clientWidth && seen.y <= this.container.clientHeight;
      if (!this.large && inSight) return;
      state = { x: data.x, y: data.y, ratio: this.large ? Math.min(camera.ratio, 0.08) : camera.ratio };
    } else {
      state = getCameraStateToFitViewportToNodes(renderer as unknown as Sigma, goTo);
    }
    if (animate) this.move(state, 400);
    else camera.setState(state);
  }

  /**
   * Each frame of a large map redraws thousands of nodes and edges, which WebGL without a GPU (software, as
   * in a headless or GPU-less browser) takes a few hundred milliseconds over: there the camera goes in one
   * frame, where an animation would draw several.
   */
  private move(state: Partial<CameraState>, duration: number): void {
    const camera = this.renderer?.getCamera();
    if (!camera) return;
    if (this.large) camera.setState(state);
    else void camera.animate(state, { duration });
  }

  private nodeLook(node: string, data: NodeAttributes): Partial<NodeDisplayData> {
    const { role, from, to, paths, focus } = this.highlight;
    const look: Partial<NodeDisplayData> = { ...data };
    if (data.kind === 'cluster') {
      // A focus or a path is about roles: the cluster names step back.
      if (focus || paths) look.label = null;
      return look;
    }
    const inFocus = !focus || focus.has(node);
    const onPath = paths?.roles.has(node) ?? false;
    if (!inFocus || (paths && !onPath)) {
      look.color = mutedNode;
      look.label = null;
      look.zIndex = 0;
      return look;
    }
    look.zIndex = 1;
    if (focus || paths) look.size = Math.max(data.size, this.large ? 6 : 9);
    if (onPath) {
      look.color = pathColour;
      look.zIndex = 2;
      // Named whatever the label grid would pick at this zoom; LabelPlacement keeps them clear of each other.
      look.forceLabel = true;
    }
    const mark = node === from ? 'Start' : node === to ? 'Goal' : null;
    if (mark) {
      look.label = `${data.label} · ${mark}`;
      look.forceLabel = true;
    }
    if (node === role) {
      look.highlighted = true;
      look.forceLabel = true;
      look.color = onPath ? pathColour : currentColour;
      look.zIndex = 3;
    }
    return look;
  }

  /**
   * The chosen role, the start and the goal keep their names; a path's roles come next, then the cluster names,
   * which say where on the map one is, then every other role.
   */
  private labelRank(node: string): LabelRank {
    const { role, from, to, paths } = this.highlight;
    if (node === role || node === from || node === to) return { rank: 3, kept: true };
    if (paths?.roles.has(node)) return { rank: 2, kept: false };
    return { rank: node.startsWith(clusterPrefix) ? 1 : 0, kept: false };
  }

  private edgeLook(edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> {
    const { paths, focus } = this.highlight;
    const graph = this.graph;
    const look: Partial<EdgeDisplayData> = { ...data };
    if (!graph) return look;
    if (paths) {
      if (paths.transitions.has(edge)) return { ...look, type: 'arrow', color: pathColour, size: this.large ? 3 : 4, zIndex: 2 };
      return { ...look, hidden: this.large, color: faintEdge, label: null };
    }
    if (focus) {
      const inside = focus.has(graph.source(edge)) && focus.has(graph.target(edge));
      return inside ? { ...look, type: 'arrow', color: edgeColour, size: this.large ? 1.5 : 2, zIndex: 1 } : { ...look, hidden: true };
    }
    // Years on every arrow are for a map small enough to read them all.
    return this.large ? { ...look, label: null } : look;
  }
}

function sameSet(a: Set<string> | null, b: Set<string> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

const clusterPrefix = 'cluster:';
const clusterKey = (id: string) => `${clusterPrefix}${id}`;

function clusterNode(cluster: MapCluster): NodeAttributes {
  return {
    x: cluster.x,
    y: cluster.y + cluster.height + 1.2,
    // The size ranks its name above the roles' in the label grid; the paper colour keeps the disc unseen.
    size: 12,
    color: '#ffffff',
    label: `${cluster.name} · ${cluster.size}`,
    kind: 'cluster',
  };
}

function colourOf(node: MapNode): string {
  const { fill, pale } = kindColours[node.kind];
  return node.hasPage ? fill : pale;
}
