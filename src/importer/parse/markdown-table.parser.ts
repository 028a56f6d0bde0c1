import type { Table } from 'mdast';
import { lineOf } from './node-position.js';
import { inlineText } from './plain-text.renderer.js';

export interface TableRowText {
  cells: string[];
  line: number;
}

export interface TableText {
  header: string[];
  headerLine: number;
  rows: TableRowText[];
}

/** A table as plain-text cells; bold markers in cells, as in `| **Scope** |`, are dropped. */
export function parseTable(table: Table): TableText {
  const [header, ...rows] = table.children.map((row) => ({
    cells: row.children.map((cell) => inlineText(cell)),
    line: lineOf(row),
  }));
  // A GFM table always has a header row: micromark does not make a table without one.
  if (header === undefined) throw new Error('mdast table without a header row');
  return { header: header.cells, headerLine: header.line, rows };
}
