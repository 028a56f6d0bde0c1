import type { ApolloServerPlugin } from '@apollo/server';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, validate, visit, type ASTNode, type DocumentNode, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode, InvalidVariablesError, QueryTooComplexError } from '../errors/error-codes.js';
import { toApiError } from '../errors/neo4j-errors.js';
import { costArguments, type CostContext, type GraphSize } from './query-cost.js';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  maxMatrixRoles: number;
}

/** The most fields (aliases and fragments' included) the complexity check walks: graphql-query-complexity's own default. */
export const maxQueryNodes = 10_000;

/**
 * Refuses operations deeper or costlier than the limits after parsing and validation, before any resolver
 * runs, so an expensive query never reaches the database. Fields declare their cost (query-cost.ts); those
 * that follow the graph's size make the check read it first (two counts Neo4j keeps, one round trip), given the
 * request's context to read it for.
 * Variables that do not fit their declared types are refused here too, as BAD_USER_INPUT: the cost depends
 * on them.
 */
export function queryLimitsPlugin(schema: GraphQLSchema, limits: QueryLimits, readGraphSize: (context: object) => Promise<GraphSize>): ApolloServerPlugin {
  // Apollo hands the same parsed document for the same query text (its document store), so what the checks
  // find is kept per document: the depth, and the complexity per operation name, graph size and the values of
  // the variables it depends on (lists cost what their `first` asks, some fields what the graph holds): the
  // same text need not be walked twice more on every request. Only the variables a cost or an @include/@skip
  // reads are part of the key, so that a document asked with ever new ids, as most are, is walked once.
  const known = new WeakMap<DocumentNode, { depth: number; costVariables: string[]; complexity: Map<string, number> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, contextValue }) {
          let checked = known.get(document);
          if (!checked) {
            checked = { depth: depthOf(schema, document, limits.maxDepth), costVariables: costVariablesOf(document), complexity: new Map() };
            known.set(document, checked);
          }
          if (checked.depth > limits.maxDepth) throw new QueryTooComplexError('depth', checked.depth, limits.maxDepth);

          const variables = coercedVariables(schema, operation?.variableDefinitions ?? [], request.variables ?? {});
          const costs: CostContext = { graphSize: null, needsGraphSize: false, maxMatrixRoles: limits.maxMatrixRoles };
          const complexityOf = () => {
            const key = JSON.stringify([request.operationName ?? null, checked.costVariables.map((name) => variables[name] ?? null), costs.graphSize]);
            let complexity = checked.complexity.get(key);
            if (complexity === undefined) {
              complexity = complexityWithin(schema, document, request.operationName ?? undefined, variables, costs);
              // Bounded: a document asked with ever new variables keeps the last thousand.
              if (checked.complexity.size >= 1000) checked.complexity.clear();
              if (!costs.needsGraphSize || costs.graphSize) checked.complexity.set(key, complexity);
            }
            return complexity;
          };
          let complexity = complexityOf();
          if (costs.needsGraphSize) {
            costs.graphSize = await readGraphSize(contextValue as object).catch((cause: unknown) => {
              throw withStatus(toApiError(cause instanceof Error ? cause : new Error(String(cause))));
            });
            complexity = complexityOf();
          }
          if (complexity > limits.maxComplexity) throw new QueryTooComplexError('complexity', complexity, limits.maxComplexity);
        },
      };
    },
  };
}

/**
 * The error a resolver would have met, here before any resolver runs, where Apollo answers 500 unless the error
 * names a status: 503 while Neo4j is unreachable.
 */
function withStatus(error: GraphQLError): GraphQLError {
  const status = error.extensions.code === ErrorCode.ServiceUnavailable ? 503 : 500;
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
}

/** The operation's variables as its definitions type them; BAD_USER_INPUT naming the first that does not fit. */
function coercedVariables(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[], inputs: Record<string, unknown>): Record<string, unknown> {
  const result = getVariableValues(schema, definitions, inputs, { maxErrors: 1 });
  if (result.errors) throw new InvalidVariablesError(result.errors[0]?.message ?? 'The variables do not fit the operation.');
  return result.coerced;
}

function complexityWithin(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, context: CostContext): number {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      context: context as unknown as Record<string, unknown>,
      maxQueryNodes,
      estimators: [declaredCostEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // Its only GraphQLError of its own, once the variables are known to fit: too many fields to walk.
    if (error instanceof GraphQLError) throw new QueryTooComplexError('fields', null, maxQueryNodes);
    throw error;
  }
}

const fieldExtensionsCost = fieldExtensionsEstimator();

/** A field's declared cost (query-cost.ts), shown only the arguments costs may read: the key of known complexities names no others. */
const declaredCostEstimator: ComplexityEstimator = (estimate) =>
  fieldExtensionsCost({ ...estimate, args: Object.fromEntries(Object.entries(estimate.args).filter(([name]) => costArguments.has(name))) });

/**
 * The variables the operation's complexity depends on: those given to an argument that costs read, and to a
 * directive, such as @include(if: $withSkills), which decides whether a field counts at all.
 */
function costVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (value: ASTNode) => visit(value, { Variable: (variable) => void names.add(variable.name.value) });
  visit(document, {
    Field: (field) => field.arguments?.filter((argument) => costArguments.has(argument.name.value)).forEach(collect),
    Directive: (directive) => directive.arguments?.forEach(collect),
    // A variable's definition names it, and its default value holds none.
    VariableDefinition: () => false,
  });
  return [...names].sort();
}

/** The depth of the operation's deepest field, fragments included. */
function depthOf(schema: GraphQLSchema, document: DocumentNode, maxDepth: number): number {
  let depth = 0;
  validate(schema, document, [
    maxDepthRule({
      n: maxDepth,
      flattenFragments: true,
      propagateOnRejection: false,
      onAccept: [(_context, details) => (depth = Math.max(depth, details.n))],
      onReject: [(_context, error) => (depth = Math.max(depth, Number(/found (\d+)/.exec(error.message)?.[1] ?? maxDepth + 1)))],
    }),
  ]);
  return depth;
}
