import type { GraphPlan, Properties } from './plan/graph.model.js';
import type { PageWarning, RolePage } from './parse/page.model.js';

/** What one kind of node or relationship looked like, by id, within the part of the graph an import touches. */
export type Snapshot = Map<string, Map<string, Properties>>;

export type Counts = Record<string, number>;

export interface ImportReport {
  files: string[];
  created: Counts;
  updated: Counts;
  removed: Counts;
  /** Parts of pages kept as generic sections, names two roles answer to, and other things to look at. */
  warnings: string[];
  /** Parts read from an unfamiliar heading or by their shape. */
  notes: string[];
}

/** The warnings and notes of the pages and of their plan, each as `file:line: what`. */
export function pageFindings(pages: RolePage[], plan: GraphPlan): Pick<ImportReport, 'warnings' | 'notes'> {
  const located = (page: RolePage, items: PageWarning[]) => items.map((item) => `${page.file}:${item.line}: ${item.message}`);
  return {
    warnings: [...pages.flatMap((page) => located(page, page.warnings)), ...plan.warnings],
    notes: pages.flatMap((page) => located(page, page.notes)),
  };
}

/**
 * Properties that are not what a page says: where a fact was stated (a page that only moved lines is not
 * "updated"), and what the graph derives from all pages together (a role's level and skillCount, a skill's
 * centrality, the pair counts behind it and its keyStem, a transition's stems), which moves with every page
 * that names the role or skill, and which an import in runs derives only in its last run.
 */
const notContent = new Set(['sourceLine', 'level', 'skillCount', 'roleCount', 'betweenness', 'sharedPairs', 'keyStem', 'stems']);

export function diffSnapshots(before: Snapshot, after: Snapshot): Pick<ImportReport, 'created' | 'updated' | 'removed'> {
  const created: Counts = {};
  const updated: Counts = {};
  const removed: Counts = {};
  for (const kind of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(kind) ?? new Map<string, Properties>();
    const now = after.get(kind) ?? new Map<string, Properties>();
    for (const [id, properties] of now) {
      const previous = old.get(id);
      if (!previous) add(created, kind);
      else if (!sameContent(previous, properties)) add(updated, kind);
    }
    for (const id of old.keys()) if (!now.has(id)) add(removed, kind);
  }
  return { created, updated, removed };
}

function add(counts: Counts, kind: string): void {
  counts[kind] = (counts[kind] ?? 0) + 1;
}

function sameContent(a: Properties, b: Properties): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => !notContent.has(key)));
  return [...keys].every((key) => JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null));
}

/** The report of an import made in several runs: what each run did, added up. */
export function mergeReports(reports: ImportReport[]): ImportReport {
  const sum = (pick: (report: ImportReport) => Counts): Counts => {
    const total: Counts = {};
    for (const report of reports) for (const [kind, count] of Object.entries(pick(report))) total[kind] = (total[kind] ?? 0) + count;
    return total;
  };
  return {
    files: reports.flatMap((report) => report.files),
    created: sum((report) => report.created),
    updated: sum((report) => report.updated),
    removed: sum((report) => report.removed),
    warnings: reports.flatMap((report) => report.warnings),
    notes: reports.flatMap((report) => report.notes),
  };
}

export function formatReport(report: ImportReport): string {
  const line = (verb: string, counts: Counts): string => {
    const parts = Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, count]) => `${count} ${kind}`);
    return `  ${verb}: ${parts.length ? parts.join(', ') : 'nothing'}`;
  };
  return [
    `Imported ${report.files.length} page${report.files.length === 1 ? '' : 's'}: ${fileList(report.files)}`,
    line('created', report.created),
    line('updated', report.updated),
    line('removed', report.removed),
    ...report.notes.map((note) => `  info: ${note}`),
    ...report.warnings.map((warning) => `  warning: ${warning}`),
  ].join('\n');
}

/** The files of a run, or the first of them when there are so many that the counts would scroll away. */
function fileList(files: string[], shown = 10): string {
  if (files.length <= shown) return files.join(', ');
  return `${files.slice(0, shown).join(', ')} and ${files.length - shown} more`;
}
