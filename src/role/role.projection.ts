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

/** The projection of a role held in `variable`, shared by every query that returns roles. */
export const roleProjectionOf = (variable: string) => `{
  .id, .title, .label, .question, .summary,
  level: coalesce(${variable}.level, 1),
  hasPage: ${variable}.pageFile IS NOT NULL,
  source: ${variable}.sourceFile + coalesce(':' + ${variable}.sourceLine, '')
}`;

/** The projection of a role `r`. */
export const roleProjection = roleProjectionOf('r');
