import type { ManagedTransaction } from 'neo4j-driver';
import { run } from './database.js';

/**
 * Every transaction that changes the graph's content (an import, a curator's edit) writes this one node first.
 * Neo4j holds a written node's lock until the transaction ends, so such transactions run one after another:
 * each reads what the one before committed. Without it, two imports of the same pages each deleted what the
 * pages had contributed (nothing the other had written yet) and then both wrote it, duplicating every
 * relationship. The constraint on `GraphWriteLock.id` makes MERGE create the node at most once, even when
 * the first two writers race for it; setting a value it already has changes nothing, yet still takes the lock.
 */
const lockGraphWrites = 'MERGE (lock:GraphWriteLock {id: $id}) SET lock.held = true RETURN lock.derivedFacts AS derivedFacts';

/** The lock node's id, for what else is kept on it (the version of the derived facts, src/derived/). */
export const graphWriteLockId = 'graph';

/** Takes the lock, and returns in the same round trip what is kept on it: the version of the derived facts the graph holds. */
export async function takeGraphWriteLock(tx: ManagedTransaction): Promise<{ derivedFacts: number | null }> {
  const [lock] = await run<{ derivedFacts: number | null }>(tx, lockGraphWrites, { id: graphWriteLockId });
  return lock ?? { derivedFacts: null };
}
