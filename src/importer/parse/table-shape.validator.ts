import type { Nodes, Root, Table } from 'mdast';
import { PageFormatError } from '../page-format.error.js';
import { positionOf } from './node-position.js';

/**
 * Rejects a table with a row of more or fewer cells than its header. GFM pads or cuts such rows silently,
 * which would shift a value into the wrong column, so the cells are counted in the source text.
 */
export function assertTableShapes(root: Root, source: string, file: string): void {
  const lines = source.split(/\r\n|\r|\n/);
  for (const table of tablesIn(root)) {
    const [header, ...rows] = table.children.map((row) => {
      const { start, end } = positionOf(row);
      // A row is one line: its cells lie between the columns where the row node starts and ends.
      const text = (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1);
      return { cells: countCells(text), line: start.line };
    });
    if (header === undefined) continue;
    for (const row of rows) {
      if (row.cells !== header.cells) {
        throw new PageFormatError(file, row.line, `table row has ${row.cells} cells, its header has ${header.cells}`);
      }
    }
  }
}

function tablesIn(node: Nodes): Table[] {
  if (node.type === 'table') return [node];
  if (!('children' in node)) return [];
  const children: Nodes[] = node.children;
  return children.flatMap(tablesIn);
}

/** The cells of a raw table row: `|` separates them unless escaped, and the outer pipes are optional. */
function countCells(row: string): number {
  const text = row.trim();
  let pipes = 0;
  let escaped = false;
  for (const char of text) {
    if (char === '|' && !escaped) pipes += 1;
    escaped = char === '\\' && !escaped;
  }
  const leading = text.startsWith('|') ? 1 : 0;
  const trailing = text.length > 1 && text.endsWith('|') && !endsEscaped(text) ? 1 : 0;
  return pipes - leading - trailing + 1;
}

function endsEscaped(text: string): boolean {
  let backslashes = 0;
  for (let i = text.length - 2; i >= 0 && text[i] === '\\'; i -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}
