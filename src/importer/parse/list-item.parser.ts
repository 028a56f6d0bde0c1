import type { List, ListItem } from 'mdast';
import { leadingStrong, withoutSeparator } from './bold-label.parser.js';
import { lineOf } from './node-position.js';
import { inlineText } from './plain-text.renderer.js';

export interface ListEntry {
  item: ListItem;
  text: string;
  line: number;
}

/** Every bullet of a list, nested ones right after their parent: on these pages nesting only details a bullet. */
export function listItems(list: List): ListEntry[] {
  return list.children.flatMap((item) => {
    const text = ownContent(item)
      .map((child) => inlineText(child))
      .join(' ')
      .trim();
    const nested = item.children.flatMap((child) => (child.type === 'list' ? listItems(child) : []));
    return text === '' ? nested : [{ item, text, line: lineOf(item) }, ...nested];
  });
}

/** The label and the text of a `**Label**: text` bullet; null for a bullet that does not open with one. */
export function labelledItem(item: ListItem): { label: string; text: string } | null {
  const [first, ...others] = ownContent(item);
  if (first?.type !== 'paragraph') return null;
  const lead = leadingStrong(first);
  if (lead === null || !lead.colon) return null;
  const text = [withoutSeparator(lead.rest), ...others]
    .map((content) => inlineText(content))
    .join(' ')
    .trim();
  return text === '' ? null : { label: lead.label, text };
}

function ownContent(item: ListItem): ListItem['children'] {
  return item.children.filter((child) => child.type !== 'list');
}
