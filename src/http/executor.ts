/**
 * The executor behind Apollo Server (issue 14): graphql-jit compiles each query document once into a
 * function that completes the answer without graphql-js's per-field interpretation (type tests,
 * argument coercion, `completeValue` dispatch), and graphql-js runs everything else.
 *
 * Apollo Server takes an executor only through its gateway interface (`gateway: { load,
 * onSchemaLoadOrUpdate, stop }` answering `{ schema, executor }`). Everything around the execution is
 * Apollo's as before: parsing and validation (and their document cache), every plugin hook (operation
 * limits and cost, `x-collier-*` headers, warnings, logs, metrics), `didEncounterErrors`, `formatError`
 * (codes, masking of internal errors) and the HTTP status. The schema is the one type-graphql built, with
 * its resolvers, `resolveType`/`isTypeOf` and scalars; subscriptions (src/http/subscriptions.ts) do not
 * go through Apollo and are untouched.
 *
 * What goes to graphql-js instead:
 * - mutations (serial, rare: nothing to gain) and any operation jit cannot compile;
 * - introspection (`__schema`, `__type` at the root: the playground's, once per page);
 * - `COLLIER_EXECUTOR=graphql-js`, and a service traced with OpenTelemetry (OTEL_EXPORTER_OTLP_ENDPOINT):
 *   the GraphQL instrumentation wraps graphql-js's `execute`, and the trace keeps its execution span;
 * - a request whose variables do not coerce: nothing ran, and graphql-js words the error the way Apollo
 *   classifies it (`BAD_USER_INPUT`, 400).
 *
 * Compiled queries live with the parsed document (a WeakMap on it, per operation name): Apollo keeps one
 * parsed document per query text in its bounded LRU document store, so a compiled query lives exactly as
 * long as its document is cached, and a client sending new texts cannot grow the map.
 */
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  DocumentNode,
  execute,
  ExecutionResult,
  getOperationAST,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Context } from '../resolvers/context';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];
type Executor = Awaited<ReturnType<Gateway['load']>>['executor'];
type Run = (root: unknown, context: unknown, variables: Record<string, unknown>) => unknown;

export type ExecutorKind = 'jit' | 'graphql-js';

/** `jit` unless COLLIER_EXECUTOR=graphql-js, or the service is traced (the trace keeps graphql-js's execution span). */
export function executorKind(env: NodeJS.ProcessEnv = process.env): ExecutorKind {
  if (env.COLLIER_EXECUTOR === 'graphql-js') return 'graphql-js';
  if (exportsTraces(env)) return 'graphql-js';
  return 'jit';
}

/** The service exports OpenTelemetry traces: its spans (graphql-js's execution, Express's middleware) are kept. */
export function exportsTraces(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Root fields of introspection: answered by graphql-js. */
function introspects(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some(
    (s) => s.kind === Kind.FIELD && (s.name.value === '__schema' || s.name.value === '__type'),
  );
}

/** The compiled query of a document's operation, or null where graphql-js runs it. */
function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Run | null {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== OperationTypeNode.QUERY || introspects(operation)) return null;
  try {
    const compiled = compileQuery(schema, document, operationName);
    return isCompiledQuery(compiled) ? (compiled.query as Run) : null;
  } catch {
    return null;
  }
}

/**
 * A field error as graphql-js builds it (`locatedError`): jit's own error object leaves `extensions`
 * undefined where the cause has none, and Apollo reads `extensions.code` of every error.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const located = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  (located as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return located;
}

/** An Apollo gateway that serves `schema` and executes queries with graphql-jit (see above). */
export function jitGateway(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, Run | null>>();
  const runFor = (document: DocumentNode, operationName: string | undefined): Run | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map<string, Run | null>()));
    const key = operationName ?? '';
    let run = byName.get(key);
    if (run === undefined) byName.set(key, (run = compile(schema, document, operationName)));
    return run;
  };
  const executor: Executor = async (request) => {
    const operationName = request.request.operationName ?? undefined;
    const variables = request.request.variables ?? {};
    const graphqlJs = () =>
      execute({
        schema,
        document: request.document,
        contextValue: request.context,
        variableValues: variables,
        operationName,
      });
    const run = runFor(request.document, operationName);
    if (!run) return graphqlJs();
    const result = (await run(undefined, request.context, variables)) as ExecutionResult;
    // no data at all: the variables did not coerce and nothing ran; graphql-js words that error
    if (result.data === undefined) return graphqlJs();
    // errors first, as graphql-js answers
    return result.errors ? { errors: result.errors.map(asGraphQLError), data: result.data } : result;
  };
  return {
    load: () => Promise.resolve({ schema, executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: () => Promise.resolve(),
  };
}
