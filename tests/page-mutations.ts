import { readFileSync } from 'node:fs';
import fc from 'fast-check';

/** The seed pages, as text: what the mutations start from. */
export const seedPageTexts = ['vp', 'director', 'manager', 'individual-contributor'].map((name) => ({
  file: `seed/${name}.md`,
  text: readFileSync(new URL(`../seed/${name}.md`, import.meta.url), 'utf8'),
}));

/** Text a page's author or a broken editor might put in: Markdown's own marks, odd whitespace, any Unicode. */
const fragment = fc.oneof(
  fc.constantFrom('#', '## ', '### ', '|', '| --- |', '**', '*', '- ', '1. ', '---', '```', '>', '[', ']', '(', ')', '\\', '<br>', '\t', '\r', ' ', '\u00a0', '\u200b', '\ufeff', ':', '—', 'Transition to ', 'Path to ', 'years', '10+', '\u0000'),
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  fc.string({ maxLength: 12, unit: 'binary' }),
);

/** One edit of a page's lines, at positions given as fractions so that they fit any page. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), to: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fragment }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), column: fc.nat(80), cut: fc.nat(20), text: fragment }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

export type PageEdit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

export function applyEdits(text: string, edits: PageEdit[]): string {
  let lines = text.split('\n');
  const index = (fraction: number) => Math.min(lines.length - 1, Math.floor(fraction * lines.length));
  for (const change of edits) {
    const at = index(change.at);
    if (change.kind === 'delete') lines.splice(at, change.count);
    else if (change.kind === 'duplicate') lines.splice(at, 0, ...lines.slice(at, at + change.count));
    else if (change.kind === 'swap') {
      const to = index(change.to);
      [lines[at], lines[to]] = [lines[to] ?? '', lines[at] ?? ''];
    } else if (change.kind === 'insert') lines.splice(at, 0, change.text);
    else if (change.kind === 'splice') {
      const line = lines[at] ?? '';
      lines[at] = line.slice(0, change.column) + change.text + line.slice(change.column + change.cut);
    } else lines = lines.slice(0, at);
    if (lines.length === 0) lines = [''];
  }
  return lines.join('\n');
}

/** A seed page with one to a dozen random edits, as the bytes of a file. */
export const mutatedSeedPage = fc
  .record({ page: fc.constantFrom(...seedPageTexts), edits: fc.array(edit, { minLength: 1, maxLength: 12 }) })
  .map(({ page, edits }) => ({ file: page.file, bytes: new TextEncoder().encode(applyEdits(page.text, edits)), edits }));
