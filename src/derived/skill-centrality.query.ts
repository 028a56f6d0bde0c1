/**
 * Cypher giving one row (s, roleCount, betweenness) for every skill that `considered` (a test on a skill
 * variable and, but for 'null', a REQUIRES_SKILL one) lets in, those no role needs included with 0 and 0.0. The analytics run it live for a subset of
 * skills; for all of them, the derived facts keep the same figures stored (skill-centrality.store.ts), since
 * at 3,000 roles this takes seconds (it enumerates every pair of roles that share a skill).
 *
 * Betweenness of skill s over pairs of roles at distance 2: each pair {a, b} that shares k skills has k
 * shortest paths a–s–b, one through each shared skill, which gets 1/k of the pair. Most pairs share one
 * skill and give it 1, so a skill starts from the number of pairs of the roles that need it, C(d, 2), and
 * only pairs that share k ≥ 2 skills are enumerated, each taking 1 - 1/k off every skill it shares. They
 * are found per role a, among the roles b reached through a's skills (b after a, so each pair counts once).
 * The inner patterns leave out labels: REQUIRES_SKILL only leads from a Role to a Skill, and checking
 * labels on a million rows costs.
 */
export function skillCentralityRows(considered: (skill: string, link: string) => string): string {
  return `
    CALL () {
      MATCH (s:Skill)
      WHERE ${considered('s', 'null')}
      WITH s, COUNT { MATCH (r:Role)-[q:REQUIRES_SKILL]->(s) WHERE ${considered('s', 'q')} RETURN DISTINCT r } AS roleCount
      RETURN s, roleCount, toFloat(roleCount * (roleCount - 1)) / 2 AS share
      UNION ALL
      MATCH (a:Role)
      CALL (a) {
        MATCH (a)-[q:REQUIRES_SKILL]->(s)
        WHERE ${considered('s', 'q')}
        WITH DISTINCT s
        MATCH (s)<-[q2:REQUIRES_SKILL]-(b)
        WHERE elementId(a) < elementId(b) AND ${considered('s', 'q2')}
        WITH b, collect(DISTINCT s) AS shared
        WHERE size(shared) > 1
        WITH shared, 1.0 / size(shared) - 1.0 AS correction
        UNWIND shared AS s
        RETURN s, sum(correction) AS share
      }
      RETURN s, 0 AS roleCount, share
    }
    WITH s, max(roleCount) AS roleCount, sum(share) AS betweenness`;
}
