export interface RoleRecord {
  id: string;
  title: string;
  label: string | null;
  question: string | null;
  summary: string | null;
  level: number;
  hasPage: boolean;
  source: string;
}

/** The projection of a role `r`, shared by every query that returns roles. */
export const roleProjection = `{
  .id, .title, .label, .question, .summary,
  level: coalesce(r.level, 1),
  hasPage: r.pageFile IS NOT NULL,
  source: r.sourceFile + coalesce(':' + r.sourceLine, '')
}`;
