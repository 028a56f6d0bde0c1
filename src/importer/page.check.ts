import { planGraph } from './plan/graph.planner.js';
import { readPageFile } from './read/page-file.reader.js';
import { PageFormatError } from './page-format.error.js';
import type { RolePage } from './parse/page.model.js';

/** What a page holds, part by part: what `--check` prints and what the corpus tests assert. */
export interface PartCounts {
  responsibilities: number;
  skills: number;
  activities: number;
  scope: number;
  comparisons: number;
  transitions: number;
  timelines: number;
  shifts: number;
  actions: number;
  pitfalls: number;
  indicators: number;
  /** Notes the format expects, as `**Note**: …`. */
  notes: number;
  /** Content kept as generic sections because no part of the format could read it. */
  unread: number;
}

export function countParts(page: RolePage): PartCounts {
  const sum = (count: (transition: RolePage['transitions'][number]) => number) =>
    page.transitions.reduce((total, transition) => total + count(transition), 0);
  return {
    responsibilities: page.responsibilities.length,
    skills: page.skills.length,
    activities: page.activities.length,
    scope: page.scope.length,
    comparisons: page.comparisons.length,
    transitions: page.transitions.length,
    timelines: sum((transition) => (transition.timeline === null ? 0 : 1)),
    shifts: sum((transition) => transition.shifts.length),
    actions: sum((transition) => transition.actions.length),
    pitfalls: sum((transition) => transition.pitfalls.length),
    indicators: sum((transition) => transition.readiness.length),
    notes: page.sections.filter((section) => !section.unread).length,
    unread: page.sections.filter((section) => section.unread).length,
  };
}

export interface CheckResult {
  /** The report, one line per entry. */
  lines: string[];
  errors: number;
  /** Generic sections of content no part could read, over all pages. */
  unread: number;
}

/**
 * Parses and plans the pages as an import would, without a database: every page is read, so that one run
 * lists the errors of all of them, and the plan finds what only shows across pages (a role defined twice,
 * a name two roles answer to).
 */
export async function checkPages(files: string[]): Promise<CheckResult> {
  const lines: string[] = [];
  const pages: RolePage[] = [];
  let errors = 0;
  for (const file of files) {
    try {
      const page = await readPageFile(file);
      pages.push(page);
      lines.push(...describePage(page));
    } catch (error) {
      if (!(error instanceof PageFormatError)) throw error;
      errors += 1;
      lines.push(`error: ${error.message}`);
    }
  }
  try {
    lines.push(...planGraph(pages).warnings.map((warning) => `warning: ${warning}`));
  } catch (error) {
    if (!(error instanceof PageFormatError)) throw error;
    errors += 1;
    lines.push(`error: ${error.message}`);
  }
  const unread = pages.reduce((total, page) => total + countParts(page).unread, 0);
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  lines.push(
    `Checked ${plural(files.length, 'page')}: ${plural(errors, 'error')}, ${plural(unread, 'generic section')}. Nothing was written.`,
  );
  return { lines, errors, unread };
}

function describePage(page: RolePage): string[] {
  const counts = countParts(page);
  const targets = page.transitions.map((transition) => transition.target.name).join(', ');
  const at = (line: number) => `${page.file}:${line}`;
  return [
    `${page.file}: role ${page.role.id} (${page.role.title})${page.role.aliases.length > 0 ? `, also ${page.role.aliases.join(', ')}` : ''}`,
    `  responsibilities ${counts.responsibilities}, skills ${counts.skills}, activities ${counts.activities}, scope ${counts.scope}, comparison facts ${counts.comparisons}`,
    `  transitions ${counts.transitions}${targets ? ` (${targets})` : ''}: timelines ${counts.timelines}, shifts ${counts.shifts}, actions ${counts.actions}, pitfalls ${counts.pitfalls}, indicators ${counts.indicators}`,
    ...page.sections.map((section) => `  ${section.unread ? 'generic section' : 'note'}: "${section.heading}" at ${at(section.line)}`),
    // The page's warnings are the generic sections listed above.
    ...page.notes.map((note) => `  info: ${at(note.line)}: ${note.message}`),
  ];
}
