import { drawDiscNodeLabel, type NodeLabelDrawingFunction } from 'sigma/rendering';

/**
 * Sigma's label grid picks how many names each cell of the screen shows from the zoom alone; it never measures
 * a name (its authors leave collisions out as too costly for every frame: sigma.js issues #891, #1295). Zoomed
 * into a large map, a cell of 500 pixels then shows nine names of up to 300 pixels each, and on one rung,
 * where roles stand 100 pixels apart, they run into each other. So sigma still chooses which names are worth
 * showing, and this draws them: the most important first, each where no name drawn before it lies, as map
 * labelling does.
 */

/** How much a name matters: higher ones are placed first; kept ones are drawn whatever lies under them. */
export interface LabelRank {
  rank: number;
  kept: boolean;
}

type Drawn = Parameters<NodeLabelDrawingFunction>;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Space left free around each name, so that two never touch. */
const gap = 2;
/** sigma's own drawing: the text starts 3 pixels right of the disc; a highlighted node's box pads it by 2. */
const textOffset = 3;
const hoverPadding = 2;

export class LabelPlacement {
  private pending: { drawn: Drawn; order: number }[] = [];

  constructor(private readonly rankOf: (node: string) => LabelRank) {}

  /** sigma's defaultDrawNodeLabel: notes each name it has chosen for this frame; place() draws them. */
  readonly collect: NodeLabelDrawingFunction = (...drawn) => {
    this.pending.push({ drawn, order: this.pending.length });
  };

  /** After sigma's render (its afterRender event), once every name of the frame is known. */
  place(): void {
    const ranked = this.pending.map((entry) => ({ ...entry, ...this.rankOf(keyOf(entry.drawn)) }));
    this.pending = [];
    // Within a rank, sigma's order: in each cell of its grid, the largest nodes first.
    ranked.sort((a, b) => b.rank - a.rank || a.order - b.order);
    const placed: Box[] = [];
    for (const { drawn, kept } of ranked) {
      const box = boxOf(drawn);
      if (!kept && placed.some((other) => overlap(box, other))) continue;
      placed.push(box);
      drawDiscNodeLabel(...drawn);
    }
  }
}

/** sigma hands each label's node key along with its display data. */
const keyOf = ([, data]: Drawn) => (data as { key?: string }).key ?? '';

/** Where a name's text goes as sigma draws it, with the white box it gets when its node is highlighted. */
function boxOf([context, data, settings]: Drawn): Box {
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const text = context.measureText(data.label ?? '');
  const baseline = data.y + size / 3;
  const box = {
    left: data.x + data.size + textOffset,
    top: baseline - text.fontBoundingBoxAscent,
    right: data.x + data.size + textOffset + text.width,
    bottom: baseline + text.fontBoundingBoxDescent,
  };
  if (data.highlighted) {
    const radius = Math.max(data.size, size / 2) + hoverPadding;
    box.left = data.x - radius;
    box.right = Math.max(box.right, data.x + radius + text.width + 5);
    box.top = Math.min(box.top, data.y - size / 2 - hoverPadding);
    box.bottom = Math.max(box.bottom, data.y + size / 2 + hoverPadding);
  }
  return { left: box.left - gap, top: box.top - gap, right: box.right + gap, bottom: box.bottom + gap };
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
