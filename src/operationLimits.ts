/**
 * Limits on every GraphQL operation, so that no request can make the service or Neo4j do unbounded
 * work: depth, aliases, directives and tokens (graphql-armor), and a cost in which list fields weigh by
 * their caps (graphql-query-complexity). Page sizes, hop caps and path counts are also checked by
 * each resolver, and every Neo4j transaction has a timeout.
 */
import { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { getNamedType, getNullableType, GraphQLError, isListType, ParseOptions, ValidationRule } from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import { Config } from './config';

/** How many items an uncapped list (a vessel's legs, a party's holdings …) is assumed to hold. */
export const UNCAPPED_LIST_WEIGHT = 5;
/** The arguments that cap how many items a field returns. */
const CAP_ARGS = ['first', 'limit', 'k'] as const;

/**
 * A field costs 1 plus its children; a list field multiplies its children by its cap (`first`,
 * `limit`, `k`, with the schema's default when omitted) or by UNCAPPED_LIST_WEIGHT. A connection's
 * `edges` are already counted by the connection's `first`.
 */
export const listAwareEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const children = Math.max(1, childComplexity);
  const capArg = CAP_ARGS.find((a) => typeof args[a] === 'number');
  if (capArg) return 1 + (args[capArg] as number) * children;
  const listed = isListType(getNullableType(field.type));
  const insideConnection = field.name === 'edges' && getNamedType(field.type).name.endsWith('Edge');
  if (listed && !insideConnection) return 1 + UNCAPPED_LIST_WEIGHT * children;
  return 1 + childComplexity;
};

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
    costLimit: { enabled: false }, // replaced by the cap-aware cost below
    blockFieldSuggestion: { enabled: !l.fieldSuggestions },
  }).protect();

  const cost: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, response }) {
          let value: number;
          try {
            value = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              // a field with its own `complexity` (screen: by its number of queries) first
              estimators: [fieldExtensionsEstimator(), listAwareEstimator],
            });
          } catch {
            // Variables that do not fit the operation: execution answers that with BAD_USER_INPUT.
            return;
          }
          response.http.headers.set('x-collier-cost', String(value));
          if (value > l.maxCost) {
            throw new GraphQLError(
              `This operation would cost ${value}, over the limit of ${l.maxCost}: ask for fewer items (first, limit, k), fewer hops or less nesting.`,
              { extensions: { code: 'OPERATION_TOO_COSTLY', cost: value, maxCost: l.maxCost, http: { status: 400 } } },
            );
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
