/**
 * Limits on every GraphQL operation, so that no request can make the service or Neo4j do unbounded
 * work: depth, aliases, directives and tokens (graphql-armor), list arguments, and a cost weighed by
 * caps and work (src/costModel.ts, with graphql-query-complexity). The cost check fails closed: an
 * operation whose cost cannot be computed is refused, never run unpriced. Page sizes, hop caps and
 * path counts are also checked by each resolver, and every Neo4j transaction has a timeout.
 */
import { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { DocumentNode, GraphQLError, GraphQLSchema, Kind, ParseOptions, ValidationRule, visit } from 'graphql';
import { fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import { Config } from './config';
import { CostTally, listAwareEstimator, PROJECTION_FIELDS } from './costModel';

export { listAwareEstimator, UNCAPPED_LIST_WEIGHT } from './costModel';

function tooCostly(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'OPERATION_TOO_COSTLY', ...extensions, http: { status: 400 } },
  });
}

/** The longest list the document or the variables hold (list arguments are capped by GRAPHQL_MAX_LIST_ARGUMENT). */
export function longestList(document: DocumentNode, variables: Record<string, unknown> | undefined): number {
  let longest = 0;
  visit(document, {
    [Kind.LIST]: (node) => {
      longest = Math.max(longest, node.values.length);
    },
  });
  const stack: unknown[] = [variables];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      longest = Math.max(longest, value.length);
      if (value.length <= 100_000) stack.push(...(value as unknown[]));
    } else if (value != null && typeof value === 'object') {
      stack.push(...Object.values(value as Record<string, unknown>));
    }
  }
  return longest;
}

/** Variable and argument values that do not fit the operation are the caller's mistake, not a cost failure. */
function isInputError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && /^(Variable "\$|Argument "|Expected value of type)/.test(error.message);
}

/** The operation a cost check looks at (an HTTP request's, or a subscription's over WebSocket). */
export interface PricedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables: Record<string, unknown> | null | undefined;
  operationName: string | null | undefined;
}

/**
 * Checks an operation's list arguments, analytics fields and cost against the limits; throws
 * OPERATION_TOO_COSTLY (or BAD_USER_INPUT) when it is over one, else answers its cost. `onCost` hears
 * the cost as soon as it is known, so that a refused operation still reports it.
 */
export function checkOperation(l: Config['limits'], op: PricedOperation, onCost?: (cost: number) => void): number {
  const longest = longestList(op.document, op.variables ?? undefined);
  if (longest > l.maxListArgument) {
    throw new GraphQLError(
      `A list argument holds ${longest} entries, over the limit of ${l.maxListArgument}: send fewer at a time.`,
      { extensions: { code: 'BAD_USER_INPUT', maxListArgument: l.maxListArgument, http: { status: 400 } } },
    );
  }
  const tally: CostTally = { heavy: [] };
  let value: number;
  try {
    value = getComplexity({
      schema: op.schema,
      query: op.document,
      operationName: op.operationName ?? undefined,
      variables: op.variables ?? {},
      // a field with its own `complexity` (screen: by its number of queries) first
      estimators: [fieldExtensionsEstimator(), listAwareEstimator],
      context: tally,
      maxQueryNodes: l.maxNodes,
    });
  } catch (error) {
    if (isInputError(error)) {
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    // Fail closed: an operation that cannot be priced (it expands past GRAPHQL_MAX_NODES fields
    // once fragments are spread, or the estimator fails) is refused, never run unpriced.
    throw tooCostly(
      `This operation's cost could not be computed: it expands to more than ${l.maxNodes} fields once every fragment is spread where it is used. Spread fewer fragments, or nest them less.`,
      { maxNodes: l.maxNodes },
    );
  }
  if (!Number.isFinite(value)) value = Number.MAX_SAFE_INTEGER;
  onCost?.(value);
  // the projection rule first: its message names the measures, whatever GRAPHQL_MAX_HEAVY_FIELDS is
  const projections = tally.heavy.filter((f) => PROJECTION_FIELDS.has(f)).length;
  if (projections > 1) {
    throw tooCostly(
      `This operation holds ${projections} network measures (centrality, clusters); each projects the graph, so one operation may hold one: send them as separate requests.`,
      { projections, maxProjections: 1, cost: value, maxCost: l.maxCost },
    );
  }
  if (tally.heavy.length > l.maxHeavyFields) {
    const names = [...new Set(tally.heavy)].join(', ');
    throw tooCostly(
      `This operation holds ${tally.heavy.length} analytics fields (${names}); at most ${l.maxHeavyFields} may run in one operation: send them as separate requests.`,
      { heavyFields: tally.heavy.length, maxHeavyFields: l.maxHeavyFields, cost: value, maxCost: l.maxCost },
    );
  }
  if (value > l.maxCost) {
    throw tooCostly(
      `This operation would cost ${value}, over the limit of ${l.maxCost}: ask for fewer items (first, limit, k), fewer hops or less nesting.`,
      { cost: value, maxCost: l.maxCost },
    );
  }
  return value;
}

/** How many (operation name, variables) costs are kept per parsed document. */
const PRICED_PER_DOCUMENT = 64;

export function operationLimits(config: Config): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
} {
  const l = config.limits;
  const armor = new ApolloArmor({
    maxDepth: { n: l.maxDepth, flattenFragments: true },
    maxAliases: { n: l.maxAliases },
    maxDirectives: { n: l.maxDirectives },
    // Tokens are capped by Apollo's own parser (parseOptions below): armor's token plugin re-parses in
    // parsingDidStart and throws from there, which Apollo answers with a 500 for every syntax error.
    maxTokens: { enabled: false },
    costLimit: { enabled: false }, // replaced by the cap- and work-aware cost below
    blockFieldSuggestion: { enabled: !l.fieldSuggestions },
  }).protect();

  // The cost of an operation depends only on its document, operation name and variables. Apollo keeps
  // one parsed document per query text (its document store), so the costs of a known document are kept
  // with it, per operation name and variables (at most PRICED_PER_DOCUMENT; only accepted operations:
  // a refused one is priced again, to build its error). A client sending the same query with the same
  // variables (a dashboard, a poller) is priced once.
  const priced = new WeakMap<DocumentNode, Map<string, number>>();
  const cost: ApolloServerPlugin = {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hooks return promises; async keeps a throw a rejection
    async requestDidStart() {
      return {
        // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hooks return promises; async keeps a throw a rejection
        async didResolveOperation({ request, document, schema, response }) {
          const key = `${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let known = priced.get(document);
          let value = known?.get(key);
          if (value === undefined) {
            value = checkOperation(
              l,
              { schema, document, variables: request.variables, operationName: request.operationName },
              (v) => response.http.headers.set('x-collier-cost', String(v)),
            );
            if (!known) priced.set(document, (known = new Map<string, number>()));
            if (known.size >= PRICED_PER_DOCUMENT) known.clear();
            known.set(key, value);
          } else {
            response.http.headers.set('x-collier-cost', String(value));
          }
        },
      };
    },
  };
  return {
    plugins: [...armor.plugins, cost],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: l.maxTokens },
  };
}
