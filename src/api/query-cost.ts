import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';

/**
 * What fields cost, for the query-complexity limit: roughly the items an answer holds, each at the cost of
 * its own selection. Aliases of a field each cost it again. Costs that follow the graph's size read it from
 * the context that the query-limits plugin passes; see queryLimitsPlugin.
 */

/** The graph's counts that some costs follow. */
export interface GraphSize {
  roles: number;
  transitions: number;
}

/** What the query-limits plugin hands the estimators: the graph's size once it has read it. */
export interface CostContext {
  graphSize: GraphSize | null;
  /** Set by an estimator that needed the size before the plugin had read it: the plugin reads it and asks again. */
  needsGraphSize: boolean;
  maxMatrixRoles: number;
}

type CostArgs = Pick<ComplexityEstimatorArgs, 'args' | 'childComplexity' | 'context'>;

/**
 * The only arguments a cost is shown (the query-limits plugin keeps an operation's complexity by their values):
 * a cost that reads another must add it here.
 */
export const costArguments: ReadonlySet<string> = new Set(['first', 'roles', 'categories']);

/**
 * A matrix entry is arithmetic on skill sets already in memory, about a hundredth of the work of an item read
 * from Neo4j and shaped for the answer: so a matrix of the most roles (500 by default) fits the default limit
 * once, and fifty of them do not.
 */
const matrixEntriesPerUnit = 100;

function graphSize(context: CostArgs['context']): GraphSize {
  const costs = context as CostContext;
  if (costs.graphSize) return costs.graphSize;
  costs.needsGraphSize = true;
  return { roles: 0, transitions: 0 };
}

/** A nested list (a role's skills, a skill's roles): five items is the typical length. */
export const nestedListCost = ({ childComplexity }: CostArgs) => 5 * childComplexity;

/** A page of results: `first` items. */
export const pageCost = ({ args, childComplexity }: CostArgs) => Math.max(1, Number(args.first) || 0) * childComplexity;

/** A page of results ranked over every role, which the database reads to rank them. */
export const rankedOverRolesCost = (estimate: CostArgs) => pageCost(estimate) + graphSize(estimate.context).roles;

/** Every role of the graph, each with its selection. */
export const everyRoleCost = ({ childComplexity, context }: CostArgs) => graphSize(context).roles * childComplexity;

/** Every transition of the graph, each with its selection. */
export const everyTransitionCost = ({ childComplexity, context }: CostArgs) => graphSize(context).transitions * childComplexity;

/** n × n entries for the n roles asked for, or every role (at most MAX_MATRIX_ROLES) when none are. */
export const overlapMatrixCost = ({ args, childComplexity, context }: CostArgs) => {
  const roles = Array.isArray(args.roles) ? args.roles.length : Math.min(graphSize(context).roles, (context as CostContext).maxMatrixRoles);
  return Math.max(1, Math.ceil((roles * roles * childComplexity) / matrixEntriesPerUnit));
};

/** A list of paths: most answers hold a handful, and each path's own lists are costed within it. */
export const pathListCost = ({ childComplexity }: CostArgs) => 20 * childComplexity;
