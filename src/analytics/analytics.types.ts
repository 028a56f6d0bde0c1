import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Role } from '../role/role.types.js';
import { Skill } from '../skill/skill.types.js';

/** Where the analytics' scores are defined once, for every field that carries one. */
const jaccardText = 'Jaccard index |A ∩ B| / |A ∪ B| of the two skill sets: 1 for the same skills, 0 for none in common or an empty set.';
const overlapText = 'Overlap coefficient |A ∩ B| / min(|A|, |B|): 1 when one set contains the other, 0 when either is empty.';

@ObjectType({ description: 'How the skill sets of two roles overlap: what they share and what only one of them needs.' })
export class SkillOverlap {
  @Field(() => Role, { description: 'The first role, whose skills are A.' })
  a!: Role;

  @Field(() => Role, { description: 'The second role, whose skills are B.' })
  b!: Role;

  @Field(() => [Skill], { description: 'Skills both roles need (A ∩ B), by id.' })
  shared!: Skill[];

  @Field(() => [Skill], { description: 'Skills only the first role needs (A \\ B), by id.' })
  onlyA!: Skill[];

  @Field(() => [Skill], { description: 'Skills only the second role needs (B \\ A), by id.' })
  onlyB!: Skill[];

  @Field(() => Int, { description: 'The number of shared skills, |A ∩ B|.' })
  sharedCount!: number;

  @Field(() => Float, { description: jaccardText })
  jaccard!: number;

  @Field(() => Float, { description: overlapText })
  overlapCoefficient!: number;
}

@ObjectType({ description: 'One cell of an overlap matrix: the overlap of role a\'s skills with role b\'s.', simpleResolvers: true })
export class OverlapCell {
  @Field(() => ID, { description: 'The id of the row\'s role.' })
  a!: string;

  @Field(() => ID, { description: 'The id of the column\'s role.' })
  b!: string;

  @Field(() => Int, { description: 'The number of skills both need; on the diagonal, the number of skills of the role.' })
  sharedCount!: number;

  @Field(() => Float, { description: `${jaccardText} 1 on the diagonal for a role that has skills.` })
  jaccard!: number;

  @Field(() => Float, { description: overlapText })
  overlapCoefficient!: number;
}

@ObjectType({ description: 'The pairwise skill overlap of a list of roles.' })
export class OverlapMatrix {
  @Field(() => [Role], { description: 'The roles compared, in the order asked for (every role, lowest level first, when none were named).' })
  roles!: Role[];

  @Field(() => [OverlapCell], {
    description:
      'Every ordered pair of roles (a, b), row by row in the order of `roles`, the diagonal included: n × n cells for n roles, less those under minJaccard. The matrix is symmetric.',
  })
  cells!: OverlapCell[];

  @Field(() => [[Float]], {
    description:
      'The Jaccard indexes of the same pairs as n rows of n numbers, rows and columns in the order of `roles`: the matrix without the ids, far smaller for many roles. Pairs under minJaccard read 0.',
  })
  jaccardRows!: number[][];
}

@ObjectType({ description: 'A role that shares skills with another, and how much.' })
export class SimilarRole {
  @Field(() => Role, { description: 'The similar role.' })
  role!: Role;

  @Field(() => Float, { description: jaccardText })
  jaccard!: number;

  @Field(() => Float, { description: overlapText })
  overlapCoefficient!: number;

  @Field(() => Int, { description: 'The number of skills the two roles share.' })
  sharedCount!: number;

  // Resolved by SimilarRoleResolver, which reads them only when asked for.
  shared!: Skill[];
}

@ObjectType({ description: 'How much a skill bridges roles in the bipartite graph of roles and the skills they need.' })
export class SkillCentrality {
  @Field(() => Skill, { description: 'The skill.' })
  skill!: Skill;

  @Field(() => Int, { description: 'How many roles need it.' })
  roleCount!: number;

  @Field(() => Int, { description: 'In how many skill categories pages list it.' })
  categories!: number;

  @Field(() => Float, {
    description:
      'Betweenness over role pairs at distance 2, exact and unnormalised: the sum, over every pair of roles {a, b} that both need the skill, of 1 / (the number of skills a and b share). ' +
      'In the bipartite role–skill graph the shortest paths between two roles that share k skills are the k paths a–skill–b, so this is the skill\'s share of those paths. ' +
      'Pairs of roles that share no skill (distance 4 or more) and paths between skills are not counted.',
  })
  betweenness!: number;
}

@ObjectType({ description: 'How ready a person with a given set of skills is for a role.' })
export class RoleReadiness {
  @Field(() => Role, { description: 'The role.' })
  role!: Role;

  @Field(() => Float, { description: 'The share of the role\'s skills the person has, |have| / |role\'s skills|, from 0 to 1.' })
  coverage!: number;

  @Field(() => [Skill], { description: 'The role\'s skills the person has, by id.' })
  have!: Skill[];

  @Field(() => [Skill], { description: 'The role\'s skills the person lacks, by id.' })
  missing!: Skill[];

  @Field(() => [String], { description: 'The given skill ids that no skill has, which count for no role; the same on every entry.' })
  unknownSkills!: string[];
}
