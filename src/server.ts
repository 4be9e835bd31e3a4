/**
 * Builds the HTTP service: the GraphQL schema, Apollo Server on Express 5 with a body-size limit,
 * health and readiness probes, the offline playground, request ids and structured logs.
 */
import 'reflect-metadata';
import http from 'node:http';
import express from 'express';
import cors from 'cors';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { stopExportRenderer } from './render/renderExport';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { Config } from './config';
import { Logger } from './logger';
import { Database, isUnavailable, QueryTimeoutError, QueryTooLargeError } from './db/database';
import { LoaderOptions } from './db/loaders';
import { Context } from './resolvers/context';
import { RESOLVERS } from './resolvers';
import { playgroundHandler } from './playgroundRoute';
import { operationLimits } from './operationLimits';
import { explorerHandler } from './explorerRoute';
import { createAuthenticator, requestAuth } from './http/auth';
import { attachSubscriptions } from './http/subscriptions';
import { AlertFeed } from './http/alertFeed';
import { collierAuthChecker } from './resolvers/authChecker';
import { Statistic } from './schema/statistic';
import { reconcileRouter } from './http/reconcile';
import { resolverContainer, syncArgValidation, syncResolveType, trimResolverPipeline } from './resolverPipeline';
import { createOps } from './ops';
import { executorKind, exportsTraces, jitGateway } from './http/executor';
import { bodyErrorOr, directGraphql, requestIdOf } from './http/directGraphql';
import { responseByteBudget } from './http/responseBudget';
import { requestContexts } from './http/requestContext';

export async function buildCollierSchema(): Promise<GraphQLSchema> {
  trimResolverPipeline();
  syncArgValidation();
  syncResolveType();
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    container: resolverContainer(),
    // reached only through `node(id: "statistic:…")` and Evidenced lists, so no resolver names it
    orphanedTypes: [Statistic],
    // type-graphql wants one; Collier's only subscription brings its own source (src/http/alertFeed.ts)
    pubSub: NO_PUBSUB,
    validate: false,
    authChecker: collierAuthChecker,
    authMode: 'error',
  });
  // type-graphql has no decorator for the root types' own descriptions
  const query = schema.getQueryType();
  if (query) query.description = ROOT_DESCRIPTIONS.query;
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = ROOT_DESCRIPTIONS.mutation;
  const subscription = schema.getSubscriptionType();
  if (subscription) subscription.description = ROOT_DESCRIPTIONS.subscription;
  return schema;
}

const NO_PUBSUB = {
  publish(): void {
    throw new Error('Collier publishes nothing through a pub/sub: alerts are polled from Neo4j');
  },
  subscribe(): never {
    throw new Error('Collier publishes nothing through a pub/sub: alerts are polled from Neo4j');
  },
};

const ROOT_DESCRIPTIONS = {
  query:
    'Reads: entities by id or key, lists and search, cargo traces, link analysis, risk and the audit trail. Every operation is limited in depth, aliases, tokens and cost (OPERATION_TOO_COSTLY); list sizes and hops have hard caps (BAD_USER_INPUT above them).',
  mutation:
    'Writes, each with its evidence, idempotent on natural keys (writing the same fact twice changes nothing). Editor role for facts, admin for merges and imports (UNAUTHENTICATED / FORBIDDEN otherwise); every change is audited.',
  subscription:
    'Live alerts over WebSocket (graphql-ws protocol) at /graphql, authenticated with connectionParams { authorization: "Bearer <key or token>" }; limited like every operation, and per key (GRAPHQL_MAX_SUBSCRIPTIONS_PER_KEY).',
};

export interface ServiceDeps {
  config: Config;
  db: Database;
  logger: Logger;
  loaderOptions?: LoaderOptions;
}

export interface Service {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  schema: GraphQLSchema;
  /** This replica's live alerts (subscriptions over WebSocket). */
  alertFeed: AlertFeed;
}

function formatError(config: Config, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isUnavailable(original)) {
      return {
        message: 'The graph database is not reachable right now. Try again shortly.',
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    if (original instanceof QueryTooLargeError) {
      logger.warn({ path: formatted.path }, 'a query hit the database memory limit');
      return {
        message:
          'This request needs more memory than the database grants one query. Narrow it: fewer hops (maxHops, depth, maxLength), a smaller limit or first, a date window, or fewer labels and relationship types.',
        path: formatted.path,
        extensions: { code: 'QUERY_TOO_LARGE' },
      };
    }
    if (original instanceof QueryTimeoutError) {
      logger.warn({ path: formatted.path, timeoutMs: original.timeoutMs }, 'a query hit the database timeout');
      return {
        message: `This request ran longer than the database allows (${Math.round(original.timeoutMs / 1000)} s). Narrow it: fewer hops (maxHops, depth, maxLength), a smaller limit or first, a date window, or fewer labels and relationship types.`,
        path: formatted.path,
        extensions: { code: 'TIMEOUT' },
      };
    }
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code == null) {
      logger.error({ err: original, path: formatted.path }, 'unexpected error in a resolver');
      // Outside development nothing internal leaves the service: no message, no stack, no path on disk.
      if (config.env !== 'development') {
        return {
          message: 'Internal server error',
          path: formatted.path,
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        };
      }
    }
    return formatted;
  };
}

/** Request bodies in UTF-8 only: a body declared in another charset (UTF-7, UTF-16, Latin-1 …) is refused with 415. */
function utf8Only(req: express.Request, res: express.Response, next: express.NextFunction): void {
  const type = req.header('content-type');
  const charset = type ? /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1] : undefined;
  if (charset == null || /^utf-?8$/i.test(charset)) return next();
  res.status(415).json({
    errors: [
      {
        message: `Request bodies must be UTF-8 (got charset "${charset.slice(0, 40)}").`,
        extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
      },
    ],
  });
}

/** Logs one line per operation and reports how many Cypher statements it cost. */
function operationLogPlugin(): ApolloServerPlugin<Context> {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hooks return promises; async keeps a throw a rejection
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      // the operation is in flight until its answer (Database.alone)
      const ended = contextValue.db.requestStarted();
      return {
        // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hooks return promises; async keeps a throw a rejection
        async willSendResponse({ contextValue: ctx, response, operationName, errors }) {
          ended();
          response.http.headers.set('x-collier-statements', String(ctx.counter.count));
          // a request the database could not finish is not a success: 422 (narrow it) or 504 (too slow)
          const originals = (errors ?? []).map((e) => unwrapResolverError(e));
          if (originals.some((e) => e instanceof QueryTooLargeError)) response.http.status = 422;
          else if (originals.some((e) => e instanceof QueryTimeoutError)) response.http.status = 504;
          // answers that are complete but not whole (a trace that reached its path cap) say so
          if (ctx.warnings.length > 0 && response.body.kind === 'single') {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, warnings: ctx.warnings };
          }
          ctx.logger.info(
            {
              operationName: operationName ?? null,
              durationMs: Number(process.hrtime.bigint() - started) / 1e6,
              statements: ctx.counter.count,
              errors: errors?.map((e) => e.extensions?.code ?? 'ERROR') ?? [],
              warnings: ctx.warnings.map((w) => w.code),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}

export async function createService(deps: ServiceDeps): Promise<Service> {
  const { config, db, logger } = deps;
  const schema = await buildCollierSchema();
  const authenticator = createAuthenticator(config.auth);
  const ops = await createOps({ config, db, logger, authenticator });
  const app = express();
  app.disable('x-powered-by');
  // POST /graphql skips Express when nothing of its middleware would act (src/http/directGraphql.ts)
  let listener: http.RequestListener = app;
  // A client gets this long to send its headers, and its whole request: a trickled body is cut off
  // (checked every second rather than Node's default 30 s).
  const httpServer = http.createServer(
    {
      headersTimeout: Math.min(config.http.headersTimeoutMs, config.http.requestTimeoutMs),
      requestTimeout: config.http.requestTimeoutMs,
      connectionsCheckingInterval: 1000,
    },
    (req, res) => listener(req, res),
  );
  httpServer.keepAliveTimeout = config.http.keepAliveTimeoutMs;
  httpServer.maxConnections = config.http.maxConnections;

  const limits = operationLimits(config);
  const format = formatError(config, logger);
  const context = requestContexts({
    db,
    logger,
    maxResponseObjects: config.limits.maxResponseObjects,
    traceWork: config.limits.traceWork,
    measureLoaders: (loaders) => ops.measureLoaders(loaders),
    loaderOptions: deps.loaderOptions,
  });
  const subscriptions = attachSubscriptions({
    httpServer,
    schema,
    config,
    db,
    logger,
    authenticator,
    limits,
    context,
    formatError: format,
  });
  // graphql-jit behind Apollo's gateway interface (src/http/executor.ts); graphql-js with COLLIER_EXECUTOR=graphql-js
  const executes = executorKind() === 'jit' ? { gateway: jitGateway(schema) } : { schema };
  const apollo = new ApolloServer<Context>({
    ...executes,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.env === 'development',
    csrfPrevention: true,
    stopOnTerminationSignals: false, // main.ts owns the signals: drain, close the driver, stop Neo4j
    formatError: format,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      ApolloServerPluginLandingPageDisabled(),
      // Collier sets no cache hints; without this Apollo wraps every resolved field to compute them.
      ApolloServerPluginCacheControlDisabled(),
      operationLogPlugin(),
      subscriptions.plugin,
      ...limits.plugins,
      ...ops.plugins, // metrics, and the cost rate limit (after the cost is computed)
      // the export thread (src/render) ends with the server
      { serverWillStart: () => Promise.resolve({ serverWillStop: stopExportRenderer }) },
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const id = requestIdOf(req);
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/metrics', ops.metrics);

  app.get('/readyz', async (_req, res) => {
    try {
      await db.ping();
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness probe: Neo4j does not answer');
      res.status(503).json({ status: 'unavailable', reason: 'Neo4j does not answer' });
    }
  });

  // Other sites' pages may call the API only when listed in CORS_ORIGINS (none by default). First, so
  // that preflight requests get their answer here rather than from the page routes.
  app.use(
    '/graphql',
    cors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, credentials: false, maxAge: 600 }),
  );
  // W3C reconciliation (OpenRefine) over screening: the same read rules, CORS list and body limit as /graphql
  app.use(
    '/reconcile',
    cors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, credentials: false, maxAge: 600 }),
    reconcileRouter({ db, config, logger, authenticator }),
  );
  app.use('/', playgroundHandler());
  app.use('/', explorerHandler());

  // GraphQL answers come from an app of their own whose only difference is no ETag: Express would
  // hash every answer (SHA-1 of the whole body) to send one, and a POSTed GraphQL answer is never
  // revalidated (issue 14). The pages keep theirs (a `no-cache` page is revalidated with it).
  const graphql = express();
  graphql.disable('x-powered-by');
  graphql.set('etag', false);
  const parseJson = express.json({ limit: config.bodyLimit });
  graphql.use(
    ...ops.beforeBody,
    utf8Only,
    responseByteBudget(config.limits.maxResponseBytes),
    bodyErrorOr(parseJson),
    ...ops.afterBody,
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        context(
          await requestAuth(authenticator, req.header('authorization'), config.auth),
          String(res.locals.requestId),
        ),
    }),
  );
  app.use('/graphql', graphql);
  // POST /graphql without Express when none of its middleware acts (src/http/directGraphql.ts); a
  // service exporting traces keeps Express, whose spans are part of the trace
  if (config.corsOrigins.length === 0 && ops.passiveOnGraphql && config.http.directGraphql && !exportsTraces()) {
    listener = directGraphql({
      apollo,
      parseJson,
      maxResponseBytes: config.limits.maxResponseBytes,
      context: async (req, requestId) =>
        context(await requestAuth(authenticator, req.headers.authorization, config.auth), requestId),
      fallback: app,
    });
  }

  // Anything else: a JSON 404 that names nothing of the install.
  app.use((_req: express.Request, res: express.Response) => {
    res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });

  // Bodies that are too large or not JSON, unknown assets: a clear answer instead of Express's HTML
  // error page, and never the error's own message unless it is body-parser's (which names no file).
  app.use(
    (
      err: { type?: string; status?: number; message?: string },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (res.headersSent) return next(err);
      const status = err.status ?? 500;
      const code =
        err.type === 'entity.too.large'
          ? 'PAYLOAD_TOO_LARGE'
          : status === 404
            ? 'NOT_FOUND'
            : status === 415
              ? 'UNSUPPORTED_MEDIA_TYPE'
              : status < 500
                ? 'BAD_REQUEST'
                : 'INTERNAL_SERVER_ERROR';
      if (status >= 500) logger.error({ err }, 'request failed');
      const message =
        code === 'PAYLOAD_TOO_LARGE'
          ? `The request body is larger than this service accepts (BODY_LIMIT ${config.bodyLimit}); import large files with \`npm run import\`, or raise BODY_LIMIT`
          : code === 'NOT_FOUND'
            ? 'Not found'
            : status < 500 && typeof err.type === 'string' // body-parser's own errors
              ? String(err.message)
              : status < 500
                ? 'Bad request'
                : 'Internal server error';
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
    },
  );

  return { app, httpServer, apollo, schema, alertFeed: subscriptions.feed };
}
