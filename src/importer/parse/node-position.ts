import type { Node } from 'mdast';

type Position = NonNullable<Node['position']>;

/** Where a node stands in the file; every node parsed from text has a position. */
export function positionOf(node: Node): Position {
  if (node.position === undefined) {
    throw new Error(`mdast ${node.type} node has no position: the page was not parsed from text`);
  }
  return node.position;
}

/** The 1-based line a node starts on, counted from the top of the file (front matter included). */
export function lineOf(node: Node): number {
  return positionOf(node).start.line;
}
