import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * Text without Markdown markers, on one line: labels, cells and bullets are compared and stored this way,
 * so a bullet wrapped over two source lines reads as one sentence.
 */
export function inlineText(nodes: Nodes | Nodes[]): string {
  return toString(nodes).replace(/\s+/g, ' ').trim();
}

/** The text of a block for a generic section: blocks apart, one line per list item or table row. */
export function blockText(node: Nodes): string {
  switch (node.type) {
    case 'list':
    case 'listItem':
      return node.children.map(blockText).join('\n');
    case 'table':
      return node.children.map((row) => row.children.map((cell) => inlineText(cell)).join(' | ')).join('\n');
    case 'code':
    case 'html':
      return node.value;
    case 'blockquote':
    case 'footnoteDefinition':
      return node.children.map(blockText).join('\n\n');
    default:
      return inlineText(node);
  }
}
