import type { Paragraph, PhrasingContent, Strong } from 'mdast';
import { inlineText } from './plain-text.renderer.js';

export interface LeadingStrong {
  /** The bold node itself: where it ends tells whether the content after it starts on the next line. */
  strong: Strong;
  /** The bold text, without a trailing colon. */
  label: string;
  /** Whether a colon ends the bold text or follows it, as in `**Key**: value`. */
  colon: boolean;
  /** What follows the bold text in the paragraph. */
  rest: PhrasingContent[];
}

/** The bold text a paragraph opens with, as in `**Key Actions**` or `**Note**: …`; null when it opens otherwise. */
export function leadingStrong(paragraph: Paragraph): LeadingStrong | null {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'strong') return null;
  const text = inlineText(first);
  const next = rest[0];
  const colon = text.endsWith(':') || (next?.type === 'text' && /^\s*:/.test(next.value));
  return { strong: first, label: text.replace(/\s*:$/, ''), colon, rest };
}

/** The content after a bold label, without the colon, spaces and line break that separate it from the label. */
export function withoutSeparator(rest: PhrasingContent[]): PhrasingContent[] {
  const [first, ...others] = rest;
  if (first === undefined) return [];
  if (first.type === 'break') return withoutSeparator(others);
  if (first.type !== 'text') return rest;
  const value = first.value.replace(/^[\s:]+/, '');
  return value === '' ? withoutSeparator(others) : [{ ...first, value }, ...others];
}
