import type { SkillBasis } from '../derived/skill-basis.js';

export interface EvidenceRecord {
  text: string;
  file: string;
  line: number | null;
}

/** A skill as a role needs it; the skill on its own, where no role is in question, is a SkillRecord. */
export interface RoleSkillRecord {
  id: string;
  name: string;
  category: string | null;
  /** Why the role has it, strongest first; absent where no role is in question (skill(id), analytics). */
  bases?: SkillBasis[];
  inheritedFrom?: string[];
  evidence?: EvidenceRecord[];
}

/** A skill on its own, not under a role: its first category, and how many roles need it. */
export interface SkillRecord extends RoleSkillRecord {
  roleCount: number;
}

/** Stored on every skill with each write (see derived/), so ordering thousands of skills by it counts nothing. */
export const skillRoleCount = 'coalesce(s.roleCount, 0)';

/** The projection of a skill `s` on its own. */
export const skillProjection = `{
  .id, .name,
  category: COLLECT { MATCH (s)-[:IN_CATEGORY]->(c) RETURN c.name ORDER BY c.name LIMIT 1 }[0],
  roleCount: ${skillRoleCount}
}`;

/** The projection of a skill `s` that the role `r` needs through the link `q`. */
export const roleSkillProjection = `{
  .id, .name, category: q.category, bases: coalesce(q.bases, ['STATED']), inheritedFrom: coalesce(q.inheritedFrom, []),
  evidence: CASE WHEN 'DEVELOPED' IN coalesce(q.bases, []) THEN COLLECT {
    MATCH (r)<-[:LEADS_TO]-(:Transition)-[d:DEVELOPS]->(s)
    WITH d ORDER BY d.sourceFile, d.sourceLine, d.text
    RETURN DISTINCT {text: d.text, file: d.sourceFile, line: d.sourceLine} } ELSE [] END
}`;
