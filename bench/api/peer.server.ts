import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j from 'neo4j-driver';
import { announce, neo4jAuth, neo4jConnection } from './child.js';

/**
 * The peer: @neo4j/graphql serving the same database on Apollo Server and Express, as its documentation sets it
 * up. Its type definitions describe the graph as the importer writes it; what its generated API cannot say
 * (paths with skill deltas, skill overlap) is a @cypher field, the library's own way to extend it.
 */

const skillOrder = 'ORDER BY coalesce(q.derived, false), q.position, q.sourceLine, s.id';

const paths = `
  MATCH p = (:Role {id: $from})-[:TRANSITIONS_TO*1..6]->(:Role {id: $to})
  WHERE length(p) <= $maxHops AND all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
  WITH p LIMIT 1000
  WITH p,
    [n IN nodes(p) | n {.id, .title, skills: COLLECT { MATCH (n)-[q:REQUIRES_SKILL]->(s) WITH s, q ${skillOrder} RETURN s {.id, .name} }}] AS roles,
    [rel IN relationships(p) | COLLECT { MATCH (t:Transition {id: rel.transitionId}) RETURN t }[0]] AS transitions
  WITH roles, transitions,
    [i IN range(0, size(transitions) - 1) | {
      id: transitions[i].id,
      from: {id: roles[i].id}, to: {id: roles[i + 1].id},
      timeline: {minYears: transitions[i].minYears, maxYears: transitions[i].maxYears, openEnded: coalesce(transitions[i].openEnded, false)},
      skillDelta: {
        gained: [s IN roles[i + 1].skills WHERE NOT s.id IN [x IN roles[i].skills | x.id]],
        dropped: [s IN roles[i].skills WHERE NOT s.id IN [x IN roles[i + 1].skills | x.id]]
      }
    }] AS steps
  WITH roles, steps,
    reduce(sum = 0.0, t IN transitions | sum + coalesce(t.minYears, 0)) AS minYears,
    reduce(sum = 0.0, t IN transitions | sum + coalesce(t.maxYears, t.minYears, 0)) AS maxYears,
    any(t IN transitions WHERE t.minYears IS NOT NULL OR t.maxYears IS NOT NULL) AS anyYears,
    any(t IN transitions WHERE coalesce(t.openEnded, false) OR (t.minYears IS NOT NULL AND t.maxYears IS NULL)) AS openEnded
  WITH roles, steps, minYears, maxYears, anyYears, openEnded, head(roles).skills AS first, last(roles).skills AS final
  ORDER BY size(steps), minYears, CASE WHEN anyYears THEN maxYears ELSE 0 END
  RETURN {
    hops: size(steps),
    roles: [r IN roles | {id: r.id, title: r.title}],
    years: {min: minYears, max: CASE WHEN anyYears THEN maxYears END, openEnded: openEnded},
    steps: steps,
    skillDelta: {
      gained: [s IN final WHERE NOT s.id IN [x IN first | x.id]],
      retained: [s IN final WHERE s.id IN [x IN first | x.id]],
      dropped: [s IN first WHERE NOT s.id IN [x IN final | x.id]]
    }
  } AS path`;

const overlap = `
  MATCH (a:Role {id: $a}), (b:Role {id: $b})
  WITH COLLECT { MATCH (a)-[:REQUIRES_SKILL]->(s:Skill) RETURN DISTINCT s {.id, .name} AS s ORDER BY s.id } AS skillsA,
       COLLECT { MATCH (b)-[:REQUIRES_SKILL]->(s:Skill) RETURN DISTINCT s {.id, .name} AS s ORDER BY s.id } AS skillsB
  WITH skillsA, skillsB, [s IN skillsA WHERE s IN skillsB] AS shared
  WITH skillsA, skillsB, shared, size(shared) AS n, size(skillsA) AS sizeA, size(skillsB) AS sizeB
  RETURN {
    sharedCount: n,
    jaccard: CASE WHEN sizeA + sizeB - n = 0 THEN 0.0 ELSE toFloat(n) / (sizeA + sizeB - n) END,
    overlapCoefficient: CASE WHEN sizeA = 0 OR sizeB = 0 THEN 0.0 ELSE toFloat(n) / CASE WHEN sizeA < sizeB THEN sizeA ELSE sizeB END END,
    shared: shared,
    onlyA: [s IN skillsA WHERE NOT s IN skillsB | s {.id}],
    onlyB: [s IN skillsB WHERE NOT s IN skillsA | s {.id}]
  } AS overlap`;

const similar = `
  MATCH (r:Role {id: $to})
  WITH r, COUNT { MATCH (r)-[:REQUIRES_SKILL]->(x:Skill) RETURN DISTINCT x } AS sizeA
  MATCH (r)-[:REQUIRES_SKILL]->(s:Skill)
  WITH DISTINCT r, sizeA, s
  MATCH (s)<-[:REQUIRES_SKILL]-(other:Role) WHERE other <> r
  WITH sizeA, other, count(DISTINCT s) AS sharedCount
  WITH other, sharedCount, sizeA, COUNT { MATCH (other)-[:REQUIRES_SKILL]->(x:Skill) RETURN DISTINCT x } AS sizeB
  WITH other, sharedCount, toFloat(sharedCount) / (sizeA + sizeB - sharedCount) AS jaccard,
    toFloat(sharedCount) / CASE WHEN sizeA < sizeB THEN sizeA ELSE sizeB END AS overlapCoefficient
  ORDER BY round(jaccard, 9) DESC, sharedCount DESC, other.id LIMIT $first
  RETURN {role: other {.id, .title}, jaccard: jaccard, overlapCoefficient: overlapCoefficient, sharedCount: sharedCount} AS similar`;

// The words as this project's search turns them into a Lucene query (the bench's words are letters only, so
// nothing needs escaping), and the hits' titles or names.
const search = `
  WITH [w IN split(toLower($text), ' ') WHERE w <> ''] AS words
  WITH reduce(q = '', w IN words | q + CASE q WHEN '' THEN '' ELSE ' AND ' END + '(' + w + '^2 OR ' + w + '*)') AS query
  CALL db.index.fulltext.queryNodes('search_text', query) YIELD node, score
  WITH node, score ORDER BY score DESC, node.id LIMIT $first
  RETURN {kind: CASE WHEN node:Role THEN 'Role' ELSE 'Skill' END, id: node.id, label: coalesce(node.title, node.name)} AS hit`;

const typeDefs = /* GraphQL */ `
  type Role @node {
    id: ID!
    title: String!
    level: Int
    skills: [Skill!]! @relationship(type: "REQUIRES_SKILL", direction: OUT, properties: "RequiresSkill")
    responsibilities: [Responsibility!]! @relationship(type: "HAS_RESPONSIBILITY", direction: OUT)
    transitionsOut: [Transition!]! @relationship(type: "HAS_TRANSITION", direction: OUT)
  }

  type RequiresSkill @relationshipProperties {
    category: String
    position: Int
    sourceLine: Int
    derived: Boolean
  }

  type Skill @node {
    id: ID!
    name: String!
  }

  type Responsibility @node {
    area: String!
    text: String!
    sourceLine: Int
  }

  type Transition @node {
    id: ID!
    minYears: Float
    maxYears: Float
    openEnded: Boolean
    to: [Role!]! @relationship(type: "LEADS_TO", direction: OUT)
  }

  type PathRole {
    id: ID!
    title: String
  }
  type PathSkill {
    id: ID!
    name: String
  }
  type PathTimeline {
    minYears: Float
    maxYears: Float
    openEnded: Boolean!
  }
  type PathStepDelta {
    gained: [PathSkill!]!
    dropped: [PathSkill!]!
  }
  type PathStep {
    id: ID!
    from: PathRole!
    to: PathRole!
    timeline: PathTimeline!
    skillDelta: PathStepDelta!
  }
  type PathDelta {
    gained: [PathSkill!]!
    retained: [PathSkill!]!
    dropped: [PathSkill!]!
  }
  type PathYears {
    min: Float!
    max: Float
    openEnded: Boolean!
  }
  type TransitionPath {
    hops: Int!
    roles: [PathRole!]!
    years: PathYears!
    steps: [PathStep!]!
    skillDelta: PathDelta!
  }
  type SkillOverlap {
    sharedCount: Int!
    jaccard: Float!
    overlapCoefficient: Float!
    shared: [PathSkill!]!
    onlyA: [PathSkill!]!
    onlyB: [PathSkill!]!
  }
  type SimilarRole {
    role: PathRole!
    jaccard: Float!
    overlapCoefficient: Float!
    sharedCount: Int!
  }

  type SearchHit {
    kind: String!
    id: ID!
    label: String
  }

  type Query {
    transitionPaths(from: ID!, to: ID!, maxHops: Int! = 4): [TransitionPath!]! @cypher(statement: """${paths}""", columnName: "path")
    skillOverlap(a: ID!, b: ID!): SkillOverlap @cypher(statement: """${overlap}""", columnName: "overlap")
    similarRoles(to: ID!, first: Int! = 10): [SimilarRole!]! @cypher(statement: """${similar}""", columnName: "similar")
    search(text: String!, first: Int! = 20): [SearchHit!]! @cypher(statement: """${search}""", columnName: "hit")
  }
`;

async function main(): Promise<void> {
  const driver = neo4j.driver(neo4jConnection().uri, neo4jAuth(), { notificationFilter: { minimumSeverityLevel: 'OFF' } });
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginDrainHttpServer({ httpServer })] });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  announce(httpServer, async () => {
    await apollo.stop();
    await driver.close();
  });
}

await main();
