import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { leadingStrong, withoutSeparator } from './bold-label.parser.js';
import { lineOf, positionOf } from './node-position.js';
import { inlineText } from './plain-text.renderer.js';

/** What the blocks of a page after its title are, for finding its parts. */
export type PageEvent =
  | { type: 'heading'; depth: number; text: string; line: number }
  /** A paragraph of bold text only, as `**Key Actions**`: the pages use it as a heading. */
  | { type: 'label'; text: string; line: number; node: Paragraph }
  /** A paragraph that opens with a bold label and a colon, as `**Note**: …` or `**Timeline**: 2-4 years`. */
  | { type: 'lead'; label: string; content: Paragraph; line: number; node: Paragraph }
  | { type: 'block'; node: RootContent; line: number };

export function parsePageEvents(blocks: RootContent[]): PageEvent[] {
  return blocks.flatMap(eventsOf);
}

function eventsOf(node: RootContent): PageEvent[] {
  const line = lineOf(node);
  switch (node.type) {
    case 'thematicBreak':
      // Rules only separate parts visually; headings and labels carry the structure.
      return [];
    case 'html':
      // A comment is a note to the page's editors, not content.
      return /^\s*<!--[\s\S]*-->\s*$/.test(node.value) ? [] : [{ type: 'block', node, line }];
    case 'heading':
      // A second `# ` heading cannot be a second title: it is read as a section.
      return [{ type: 'heading', depth: Math.max(node.depth, 2), text: inlineText(node), line }];
    case 'paragraph':
      return paragraphEvents(node, line);
    default:
      return [{ type: 'block', node, line }];
  }
}

function paragraphEvents(node: Paragraph, line: number): PageEvent[] {
  const lead = leadingStrong(node);
  if (lead === null) return [{ type: 'block', node, line }];
  const content = withoutSeparator(lead.rest);
  if (content.length === 0) return [{ type: 'label', text: lead.label, line, node }];
  if (startsOnNextLine(lead.rest)) {
    // "**Timeline**" with its text on the next line and no blank line between: a label, then a paragraph.
    const contentLine = positionOf(lead.strong).end.line + 1;
    return [
      { type: 'label', text: lead.label, line, node },
      { type: 'block', node: paragraphOf(content, contentLine, node), line: contentLine },
    ];
  }
  if (lead.colon) return [{ type: 'lead', label: lead.label, content: paragraphOf(content, line, node), line, node }];
  return [{ type: 'block', node, line }];
}

function startsOnNextLine(rest: PhrasingContent[]): boolean {
  const first = rest[0];
  return first?.type === 'break' || (first?.type === 'text' && /^[ \t]*:?[ \t]*\r?\n/.test(first.value));
}

/** The content after a label as a paragraph of its own, starting on the line the content starts on. */
function paragraphOf(children: PhrasingContent[], line: number, source: Paragraph): Paragraph {
  return { type: 'paragraph', children, position: { start: { line, column: 1 }, end: positionOf(source).end } };
}
