import type { Database } from './database.js';

/**
 * Has Neo4j sample again the indexes that writes have changed by more than a few per cent since their last
 * sample. Neo4j plans a query text once and keeps the plan, costed with the indexes' statistics as they were
 * then; it samples an index again only in the background, later. Right after an import into an empty or small
 * graph the statistics still describe it, and a lookup by id planned then scans the whole index where it
 * should seek: after loading the 3,000-role graph, removeSkillFromRole read 14,000 index entries, and the skill
 * centrality of a deleted role 750,000, where a seek reads a handful. Sampling takes milliseconds at that size;
 * plans made on the old statistics are made again once Neo4j sees them diverge.
 */
export async function resampleOutdatedIndexes(database: Database): Promise<void> {
  await database.write('CALL db.resampleOutdatedIndexes()');
}
