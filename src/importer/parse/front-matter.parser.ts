import type { Yaml } from 'mdast';
import { parseDocument } from 'yaml';
import { lineOf } from './node-position.js';
import { PageFormatError } from '../page-format.error.js';

/** The YAML front matter as an object; an empty object when the page has none. */
export function parseFrontMatter(node: Yaml | undefined, file: string): Record<string, unknown> {
  if (node === undefined) return {};
  const document = parseDocument(node.value);
  const [error] = document.errors;
  if (error !== undefined) {
    // The YAML starts on the line after the opening `---`.
    const line = lineOf(node) + (error.linePos?.[0].line ?? 0);
    throw new PageFormatError(file, line, `front matter is not valid YAML: ${error.message.split('\n')[0]}`);
  }
  const value: unknown = document.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new PageFormatError(file, lineOf(node), 'front matter is not a mapping of keys to values');
  }
  return value as Record<string, unknown>;
}

/** The `label` of the front matter, the short name the role is known by; null when it has none. */
export function frontMatterLabel(frontMatter: Record<string, unknown>): string | null {
  const label = frontMatter['label'];
  if (typeof label === 'number') return String(label);
  return typeof label === 'string' && label.trim() !== '' ? label.trim() : null;
}
