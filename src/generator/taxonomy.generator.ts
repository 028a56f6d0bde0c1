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
  /** 1 (entry) to tierCount (top): transitions only go up, so the ladder has no cycles. */
  tier: number;
  family: string;
  /** Indexes into Taxonomy.skills, with the category this role lists each in. */
  skills: { skill: number; category: string }[];
  /** Indexes into Taxonomy.roles of the roles this one leads to, each of a higher tier. */
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
 * with a Zipf popularity (global, and per family, so that roles of a family resemble each other), and
 * transitions from each tier to the next one or two.
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

function linkTransitions(roles: GeneratedRole[], count: number, random: Random): void {
  const byTier = Array.from({ length: tierCount + 2 }, () => [] as number[]);
  const byTierAndFamily = new Map<string, number[]>();
  roles.forEach((role, index) => {
    byTier[role.tier]?.push(index);
    const key = `${role.tier} ${role.family}`;
    const group = byTierAndFamily.get(key);
    if (group) group.push(index);
    else byTierAndFamily.set(key, [index]);
  });
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