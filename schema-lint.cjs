// The schema lint (issue 22): the rules the served GraphQL schema must keep, checked with
// @graphql-eslint on the printed SDL. eslint.config.mjs applies them to `schema.graphql` (printed by
// `npm run schema`); test/unit/schemaDocs.test.ts applies them to the schema built from the code, so
// the check holds even before that file is regenerated.
//
// A rule may have documented exceptions: names that break it but cannot change without breaking
// clients (renaming or retyping a type they name in queries or variables). Each one says why. Add one
// only for the same reason; a new type follows the rules.
const graphqlPlugin = require('@graphql-eslint/eslint-plugin');

/** Rule → type name → why it is exempt. */
const EXCEPTIONS = {
  'naming-convention': {
    VesselFilter:
      'the input of `vessels(filter:)`: renaming it (VesselFilterInput) breaks every operation that declares `$filter: VesselFilter`.',
    PartyFilter:
      'the input of `companies(filter:)`: renaming it (PartyFilterInput) breaks every operation that declares `$filter: PartyFilter`.',
  },
  'relay-connection-types': {
    Connection:
      'the item type of `commonConnections` (a shared entity and the paths to it), not a Relay connection; renaming it breaks fragments on it (`fragment … on Connection`) and generated client types.',
  },
  'relay-edge-types': {
    ChangeEdge:
      'audit entries (Change) have ids but are not refetchable by `node(id)`, so Change does not implement Node; the edge is otherwise a Relay edge.',
    WatchlistEdge:
      'watchlists stand apart from the graph (fetched by `watchlist(id)`, not `node(id)`), so Watchlist does not implement Node; the edge is otherwise a Relay edge.',
    AlertEdge:
      'alerts stand apart from the graph (listed by `alerts(watchlistId)`, not refetchable by `node(id)`), so Alert does not implement Node; the edge is otherwise a Relay edge.',
    MergeCandidateEdge:
      'merge candidates (pairs of parties found when official lists load) have ids but are not refetchable by `node(id)`, so MergeCandidate does not implement Node; the edge is otherwise a Relay edge.',
    InvestigationEdge:
      'investigations stand apart from the graph (fetched by `investigation(id)`, not `node(id)`), so Investigation does not implement Node; the edge is otherwise a Relay edge.',
    TimelineEventEdge:
      'timeline events are views of facts (their `refId` names the fact), with no id of their own to refetch, so TimelineEvent does not implement Node; the edge is otherwise a Relay edge.',
  },
};

/** The name of the type definition a reported AST node belongs to. */
function enclosingTypeName(node) {
  for (let n = node; n; n = n.parent) {
    if (typeof n.kind === 'string' && /TypeDefinition$|TypeExtension$/.test(n.kind) && n.name) return n.name.value;
  }
  return null;
}

/** A rule that reports what `rule` reports, except on the types listed for it. */
function withExceptions(name, rule) {
  const exempt = EXCEPTIONS[name];
  if (!exempt) return rule;
  return {
    ...rule,
    create(context) {
      const filtered = Object.create(context, {
        report: {
          value: (descriptor) => {
            const type = descriptor.node ? enclosingTypeName(descriptor.node) : null;
            if (type == null || !(type in exempt)) context.report(descriptor);
          },
        },
      });
      return rule.create(filtered);
    },
  };
}

const RULES = {
  // every type, field, argument, input field and enum value says what it is
  'require-description': [
    'error',
    {
      types: true,
      rootField: true,
      FieldDefinition: true,
      InputValueDefinition: true,
      EnumValueDefinition: true,
      DirectiveDefinition: true,
    },
  ],
  'naming-convention': [
    'error',
    {
      types: 'PascalCase',
      FieldDefinition: 'camelCase',
      InputValueDefinition: 'camelCase',
      Argument: 'camelCase',
      EnumValueDefinition: 'UPPER_CASE',
      InputObjectTypeDefinition: { style: 'PascalCase', suffix: 'Input' },
    },
  ],
  // Relay cursor connections: `…Connection { edges pageInfo }`, `…Edge { cursor node }`, PageInfo.
  // Plain lists stay allowed for small nested lists (a vessel's legs), hence listTypeCanWrapOnlyEdgeType off.
  'relay-connection-types': 'error',
  'relay-edge-types': [
    'error',
    { withEdgeSuffix: true, shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false },
  ],
  'relay-page-info': 'error',
  'no-unreachable-types': 'error',
};

/** The plugin, with each rule that has exceptions wrapped to skip them. */
const plugin = {
  ...graphqlPlugin,
  rules: Object.fromEntries(
    Object.entries(graphqlPlugin.rules).map(([name, rule]) => [name, withExceptions(name, rule)]),
  ),
};

/**
 * The flat-config block for a schema file. `schema` is what @graphql-eslint loads as the schema (a
 * path or the SDL itself): the schema-aware rules (relay-edge-types, no-unreachable-types) need it.
 */
function schemaLintConfig(files, schema) {
  return {
    files,
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema } } },
    plugins: { '@graphql-eslint': plugin },
    rules: Object.fromEntries(Object.entries(RULES).map(([name, setting]) => [`@graphql-eslint/${name}`, setting])),
  };
}

module.exports = { schemaLintConfig, EXCEPTIONS };
