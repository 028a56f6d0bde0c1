import { Random, WeightedSampler, zipfWeights } from './random.js';

export interface TaxonomyOptions {
  roles: number;
  skills: number;
  /** Role–skill links in all: every skill is needed by at least one role. */
  links: number;
  transitions: number;
  seed: number;
  /**
   * The exponent of the skills' Zipf popularity. 0.65 makes the most popular skill needed by about a third of
   * the roles at 3,000 roles and 120,000 links, the median skill by a handful, which is the shape of public
   * occupation–skill taxonomies; 1 would make the top skills needed by nearly every role.
   */
  zipfExponent: number;
  /**
   * Moves per role on top of the ladder's transitions, as in occupational data such as O*NET's career changers
   * (about 9 per occupation): half lateral, to another role of the same family and rung, half to another
   * family, a rung down, level or up. Moves go sideways and down as well as up, so they make cycles. 0 unless
   * given: the ladder alone.
   */
  lateralMoves?: number;
}

export interface GeneratedSkill {
  name: string;
  /** The category roles usually list it in. */
  category: string;
  /** The category some roles list it in instead, so that a skill may appear in two categories. */
  otherCategory: string;
}

export interface GeneratedRole {
  title: string;
  /** 1 (entry) to tierCount (top): the ladder's transitions only go up, so the ladder alone has no cycles. */
  tier: number;
  family: string;
  /** Indexes into Taxonomy.skills, with the category this role lists each in. */
  skills: { skill: number; category: string }[];
  /** Indexes into Taxonomy.roles of the roles this one leads to: the ladder's, each of a higher tier, then the lateral moves. */
  targets: number[];
}

export interface Taxonomy {
  roles: GeneratedRole[];
  skills: GeneratedSkill[];
}

export const tierCount = 6;

const families = [
  'Data', 'Cloud', 'Security', 'Mobile', 'Platform', 'Payments', 'Search', 'Identity', 'Observability', 'Infrastructure',
  'Frontend', 'Backend', 'Machine Learning', 'Analytics', 'Networking', 'Storage', 'Compliance', 'Quality', 'Release', 'Developer Experience',
  'Embedded', 'Firmware', 'Robotics', 'Graphics', 'Games', 'Audio', 'Video', 'Messaging', 'Billing', 'Logistics',
  'Healthcare', 'Retail', 'Marketing', 'Growth', 'Localization', 'Accessibility', 'Reliability', 'Database', 'Compiler', 'Research',
];
const functions = ['Engineer', 'Analyst', 'Architect', 'Scientist', 'Designer', 'Specialist', 'Consultant', 'Administrator', 'Manager', 'Strategist', 'Tester', 'Operator'];
const seniority = ['Junior', 'Associate', 'Senior', 'Lead', 'Principal', 'Distinguished'];
const categories = [
  'Technical Depth', 'Architecture', 'Delivery', 'Operations', 'Data Literacy', 'Security Practice', 'Product Sense', 'Communication',
  'Leadership', 'Talent', 'Strategy', 'Business Acumen', 'Execution', 'Quality Engineering', 'Collaboration', 'Research Methods',
  'Tooling', 'Regulation', 'Customer Focus', 'Finance', 'Design Craft', 'Mentoring', 'Planning', 'Innovation',
];
const qualities = ['Distributed', 'Real-time', 'Secure', 'Scalable', 'Embedded', 'Regulated', 'Cross-team', 'Customer-facing', 'Low-latency', 'Large-scale'];
const topics = [
  'API', 'cost', 'capacity', 'incident', 'schema', 'query', 'cache', 'pipeline', 'contract', 'vendor',
  'budget', 'roadmap', 'hiring', 'onboarding', 'release', 'deployment', 'network', 'storage', 'identity', 'access',
  'privacy', 'experiment', 'metrics', 'alerting', 'logging', 'tracing', 'workflow', 'model', 'feature', 'interface',
  'payment', 'search', 'ranking', 'recommendation', 'content', 'localization', 'accessibility', 'firmware', 'sensor', 'protocol',
  'compiler', 'runtime', 'memory', 'concurrency', 'dependency', 'backlog', 'stakeholder', 'risk', 'compliance', 'audit',
  'license', 'documentation', 'test', 'build', 'container', 'cluster', 'database', 'event', 'stream', 'batch',
];
const activities = [
  'design', 'planning', 'modelling', 'review', 'tuning', 'analysis', 'automation', 'governance', 'reporting', 'negotiation',
  'testing', 'migration', 'forecasting', 'monitoring', 'optimization', 'writing', 'coaching', 'estimation', 'auditing', 'integration',
  'troubleshooting', 'benchmarking', 'scheduling', 'evaluation', 'prototyping',
];

/**
 * A career taxonomy of the given size, the same for the same options: roles in families and tiers, skills
 * with a Zipf popularity (global, and per family, so that roles of a family resemble each other),
 * transitions from each tier to the next one or two, and as many lateral moves per role as asked for.
 */
export function generateTaxonomy(options: TaxonomyOptions): Taxonomy {
  checkOptions(options);
  const random = new Random(options.seed);
  const skills = skillNames(options.skills, random).map((name): GeneratedSkill => {
    const category = random.pick(categories);
    return { name, category, otherCategory: random.pick(categories.filter((other) => other !== category)) };
  });
  const roles = roleTitles(options.roles, random);
  linkSkills(roles, skills, options, random);
  linkTransitions(roles, options.transitions, random);
  linkLateralMoves(roles, options.lateralMoves ?? 0, random);
  return { roles, skills };
}

function checkOptions(options: TaxonomyOptions): void {
  const { roles, skills, links, transitions } = options;
  for (const [name, value] of Object.entries({ roles, skills, links, transitions })) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`--${name} must be a whole number, got ${value}`);
  }
  if (roles < tierCount) throw new RangeError(`--roles must be at least ${tierCount}, one per tier`);
  if (links < skills) throw new RangeError('--links must be at least --skills: every skill is needed by some role');
  // Sampling draws links until it has enough distinct ones, which needs the graph to stay sparse.
  if (links > (roles * skills) / 2) throw new RangeError('--links must be at most half of --roles × --skills');
  if (!(options.zipfExponent >= 0)) throw new RangeError('the Zipf exponent must be a number from 0');
  const moves = options.lateralMoves ?? 0;
  if (!Number.isInteger(moves) || moves < 0) throw new RangeError(`--lateral-moves must be a whole number, got ${moves}`);
  // Drawing stays quick while at most half of the roles of the rungs a move can reach are taken.
  if (moves > roles / tierCount) throw new RangeError(`--lateral-moves must be at most ${Math.floor(roles / tierCount)} for ${roles} roles`);
}

/** Distinct names with distinct slugs, in random order so that popularity is not alphabetical. */
function skillNames(count: number, random: Random): string[] {
  const combinations = qualities.length * topics.length * activities.length;
  const order = random.permutation(combinations);
  return Array.from({ length: count }, (_, index) => {
    const combination = order[index % combinations] as number;
    const quality = qualities[combination % qualities.length] as string;
    const topic = topics[Math.floor(combination / qualities.length) % topics.length] as string;
    const activity = activities[Math.floor(combination / (qualities.length * topics.length))] as string;
    const round = Math.floor(index / combinations);
    return `${quality} ${topic} ${activity}${round > 0 ? ` ${round + 1}` : ''}`;
  });
}

function roleTitles(count: number, random: Random): GeneratedRole[] {
  const seen = new Map<string, number>();
  return Array.from({ length: count }, (_, index): GeneratedRole => {
    // Every tier has roles: the first tierCount roles take one each, the rest spread evenly.
    const tier = 1 + (index % tierCount);
    const family = random.pick(families);
    const base = `${seniority[tier - 1]} ${family} ${random.pick(functions)}`;
    const repeat = (seen.get(base) ?? 0) + 1;
    seen.set(base, repeat);
    return { title: repeat === 1 ? base : `${base} ${repeat}`, tier, family, skills: [], targets: [] };
  });
}

function linkSkills(roles: GeneratedRole[], skills: GeneratedSkill[], options: TaxonomyOptions, random: Random): void {
  const linked = roles.map(() => new Set<number>());
  const add = (role: number, skill: number): void => {
    const set = linked[role] as Set<number>;
    if (set.has(skill)) return;
    set.add(skill);
    const info = skills[skill] as GeneratedSkill;
    (roles[role] as GeneratedRole).skills.push({ skill, category: random.chance(0.1) ? info.otherCategory : info.category });
  };
  // Every skill is someone's: a skill no role needs would not exist in the graph at all.
  for (let skill = 0; skill < skills.length; skill += 1) add(random.below(roles.length), skill);

  // Roles differ in breadth: log-normal weights give most roles a few dozen skills and some many more.
  const roleSampler = new WeightedSampler(roles.map(() => Math.exp(0.5 * random.normal())));
  const rankSampler = new WeightedSampler(zipfWeights(skills.length, options.zipfExponent));
  const globalOrder = random.permutation(skills.length);
  const familyOrders = new Map(families.map((family) => [family, random.permutation(skills.length)]));
  let count = skills.length;
  while (count < options.links) {
    const role = roleSampler.draw(random);
    const rank = rankSampler.draw(random);
    // Half the draws follow the popularity shared by all roles, half that of the role's family.
    const order = random.chance(0.5) ? globalOrder : (familyOrders.get((roles[role] as GeneratedRole).family) as Int32Array);
    const before = (linked[role] as Set<number>).size;
    add(role, order[rank] as number);
    count += (linked[role] as Set<number>).size - before;
  }
}

/** The roles' indexes by rung, and by rung and family (keyed "tier family"). */
function indexByRung(roles: GeneratedRole[]): { byTier: number[][]; byTierAndFamily: Map<string, number[]> } {
  const byTier = Array.from({ length: tierCount + 2 }, () => [] as number[]);
  const byTierAndFamily = new Map<string, number[]>();
  roles.forEach((role, index) => {
    byTier[role.tier]?.push(index);
    const key = `${role.tier} ${role.family}`;
    const group = byTierAndFamily.get(key);
    if (group) group.push(index);
    else byTierAndFamily.set(key, [index]);
  });
  return { byTier, byTierAndFamily };
}

function linkTransitions(roles: GeneratedRole[], count: number, random: Random): void {
  const { byTier, byTierAndFamily } = indexByRung(roles);
  const sources = roles.flatMap((role, index) => (role.tier < tierCount ? [index] : []));
  // Targets are one or two rungs up; drawing stays quick while at most half of those pairs are taken.
  const possible = sources.reduce((sum, index) => {
    const tier = (roles[index] as GeneratedRole).tier;
    return sum + (byTier[tier + 1] as number[]).length + (tier + 2 <= tierCount ? (byTier[tier + 2] as number[]).length : 0);
  }, 0);
  if (count > possible / 2) throw new RangeError(`--transitions must be at most ${Math.floor(possible / 2)} for ${roles.length} roles`);

  const made = new Set<string>();
  while (made.size < count) {
    const from = random.pick(sources);
    const source = roles[from] as GeneratedRole;
    // Mostly one rung up, sometimes two; mostly within the family.
    const tier = Math.min(tierCount, source.tier + (random.chance(0.8) ? 1 : 2));
    const family = byTierAndFamily.get(`${tier} ${source.family}`);
    const to = random.pick(family !== undefined && random.chance(0.7) ? family : (byTier[tier] as number[]));
    const key = `${from} ${to}`;
    if (made.has(key)) continue;
    made.add(key);
    source.targets.push(to);
  }
}
/**
 * `perRole` distinct moves out of every role, none to itself nor to a role the ladder already leads it to: half
 * to a role of the same family and rung (or of another family when the rung has no other role of its family),
 * half to another family, from a rung down to a rung up (or, in a graph too small to have enough of those, to
 * any other role).
 */
function linkLateralMoves(roles: GeneratedRole[], perRole: number, random: Random): void {
  if (perRole === 0) return;
  const { byTier, byTierAndFamily } = indexByRung(roles);
  const everyone = roles.map((_, index) => index);
  roles.forEach((role, index) => {
    const taken = new Set([index, ...role.targets]);
    const peers = (byTierAndFamily.get(`${role.tier} ${role.family}`) as number[]).filter((other) => !taken.has(other));
    const nearby = [role.tier - 1, role.tier, role.tier + 1].flatMap((tier) => byTier[tier] ?? []).filter((other) => (roles[other] as GeneratedRole).family !== role.family);
    const open = (pool: number[]) => pool.some((other) => !taken.has(other));
    for (let made = 0; made < perRole; ) {
      const pool = made % 2 === 0 && open(peers) ? peers : open(nearby) ? nearby : everyone;
      if (!open(pool)) throw new RangeError(`--lateral-moves ${perRole} is more than ${role.title} has roles to move to`);
      const to = random.pick(pool);
      if (taken.has(to)) continue;
      taken.add(to);
      role.targets.push(to);
      made += 1;
    }
  });
}
