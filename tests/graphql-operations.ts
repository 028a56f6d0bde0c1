import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** An operation to send: its text, its variables, and whether it goes with the curators' token. */
export interface FuzzedOperation {
  query: string;
  variables: Record<string, unknown>;
  curator: boolean;
}

const ids = fc.constantFrom('vp', 'cto', 'ceo', 'director', 'manager', 'individual-contributor', 'budgeting', 'Not a Slug!', '');
const anyString = fc.oneof(ids, fc.string({ maxLength: 30 }), fc.string({ maxLength: 12, unit: 'binary' }), fc.constantFrom('x'.repeat(1200), '"\\', '*', 'AND OR', '\u0000'));
const anyNumber = fc.oneof(fc.integer({ min: -3, max: 120 }), fc.integer(), fc.double(), fc.constantFrom(2 ** 53, -(2 ** 31) - 1, 1e300));

/** A JSON value for a variable of this type, mostly of the type, sometimes not. */
function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 3) return fc.constant(null);
  const wrong = fc.oneof(fc.constant(null), anyNumber, anyString, fc.boolean(), fc.constant({ nested: [1] }));
  const inner = isNonNullType(type) ? type.ofType : type;
  let right: fc.Arbitrary<unknown>;
  if (isListType(inner)) right = fc.array(valueOf(inner.ofType, depth + 1), { maxLength: 6 });
  else if (isEnumType(inner)) right = fc.constantFrom(...inner.getValues().map((value) => value.name));
  else if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    right = fc.record(Object.fromEntries(fields.map((field) => [field.name, valueOf(field.type, depth + 1)])), { requiredKeys: [] });
  } else if (isScalarType(inner) && (inner.name === 'Int' || inner.name === 'Float')) right = anyNumber;
  else if (isScalarType(inner) && inner.name === 'Boolean') right = fc.boolean();
  else right = anyString;
  return fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: wrong, weight: 1 });
}

/** A literal written in the document, of any kind: GraphQL validation or the resolver must refuse what does not fit. */
const literal = fc.oneof(
  anyString.map((text) => JSON.stringify(text)),
  anyNumber.filter(Number.isFinite).map(String),
  fc.constantFrom('true', 'null', 'LEVEL_ASC', '[]', '["vp", "cto"]', '{ id: "x" }', '$undeclared'),
);

/** A selection for a field's type: a few of its fields, nested a little, now and then one that does not exist. */
function selectionOf(schema: GraphQLSchema, type: ReturnType<typeof getNamedType>, depth: number): fc.Arbitrary<string> {
  if (!isObjectType(type)) return isScalarType(type) || isEnumType(type) ? fc.constant('') : fc.constant('{ __typename }');
  const fields = Object.values(type.getFields()).filter((field) => depth < 3 || !isObjectType(getNamedType(field.type)));
  if (fields.length === 0) return fc.constant('{ __typename }');
  const one = fc.oneof(
    { arbitrary: fc.constantFrom(...fields).chain((field) => fieldCall(schema, field, depth + 1, field.args.map((arg) => fc.option(literal.map((value) => `${arg.name}: ${value}`), { nil: '' })))), weight: 20 },
    { arbitrary: fc.constantFrom('__typename', 'notAField', 'id(x: 1)'), weight: 1 },
  );
  return fc.array(one, { minLength: 1, maxLength: 4 }).map((parts) => `{ ${parts.join(' ')} }`);
}

/** A call of a field with the arguments given (empty strings left out) and a selection of its type. */
function fieldCall(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>, depth: number, args: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.tuple(fc.tuple(...args), selectionOf(schema, getNamedType(field.type), depth)).map(([given, selection]) => {
    const list = given.filter(Boolean);
    return `${field.name}${list.length ? `(${list.join(', ')})` : ''} ${selection}`;
  });
}

/** An operation on one root field with its arguments as variables, declared with their types, their values fuzzed. */
function withVariables(schema: GraphQLSchema, root: GraphQLObjectType, keyword: 'query' | 'mutation'): fc.Arbitrary<FuzzedOperation> {
  const fields = fc.constantFrom(...Object.values(root.getFields()));
  return fc.tuple(fields, fc.boolean()).chain(([field, declaredTypes]) =>
    // Every required argument, and some of the others.
    fc.subarray(field.args.filter((arg) => !isNonNullType(arg.type))).chain((optional) => {
      const used = [...field.args.filter((arg) => isNonNullType(arg.type)), ...optional];
      // Variables with the argument's type, or now and then with a type of their own that may not fit it.
      const types = used.map((arg) => (declaredTypes ? fc.constant(String(arg.type)) : fc.constantFrom(String(arg.type), 'String', 'Int!', '[ID!]!', 'Float')));
      const values = fc.record(Object.fromEntries(used.map((arg) => [arg.name, valueOf(arg.type)])), { requiredKeys: [] });
      const call = fieldCall(schema, field, 0, used.map((arg) => fc.constant(`${arg.name}: $${arg.name}`)));
      return fc.tuple(fc.tuple(...types), call, values, fc.boolean(), fc.integer({ min: 1, max: 40 })).map(([declared, text, variables, curator, copies]) => {
        const definitions = used.map((arg, i) => `$${arg.name}: ${declared[i]}`).join(', ');
        const calls = copies > 1 && keyword === 'query' ? Array.from({ length: copies }, (_, i) => `x${i}: ${text}`).join(' ') : text;
        return { query: `${keyword}${definitions ? `(${definitions})` : ''} { ${calls} }`, variables, curator };
      });
    }),
  );
}

/** Operations of every kind: typed ones on the schema's fields, inline literals, and text that is barely GraphQL. */
export function fuzzedOperations(schema: GraphQLSchema): fc.Arbitrary<FuzzedOperation> {
  const query = schema.getQueryType() as GraphQLObjectType;
  const mutation = schema.getMutationType() as GraphQLObjectType;
  const inline = fc
    .array(
      fc.constantFrom(...Object.values(query.getFields())).chain((field) =>
        fieldCall(schema, field, 0, field.args.map((arg) => fc.option(literal.map((value) => `${arg.name}: ${value}`), { nil: '' }))),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((calls) => ({ query: `{ ${calls.map((call, i) => `f${i}: ${call}`).join(' ')} }`, variables: {}, curator: false }));
  const garbage = fc
    .oneof(fc.string({ maxLength: 200 }), fc.constantFrom('{', '}', 'query', 'fragment F on Role { ...F }', '{ role(id: "vp") { ...F } } fragment F on Role { ...F }', 'subscription { x }', '{ __schema { types { name } } }'))
    .map((text) => ({ query: text, variables: {}, curator: false }));
  return fc.oneof(
    { arbitrary: withVariables(schema, query, 'query'), weight: 5 },
    { arbitrary: inline, weight: 3 },
    { arbitrary: withVariables(schema, mutation, 'mutation'), weight: 1 },
    { arbitrary: garbage, weight: 1 },
  );
}
