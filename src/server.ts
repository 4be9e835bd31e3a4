/**
 * Builds the HTTP service: the GraphQL schema, Apollo Server on Express 5 with a body-size limit,
 * health and readiness probes, the offline playground, request ids and structured logs.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import express from 'express';
import cors from 'cors';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
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
import { Database, isUnavailable, StatementCounter } from './db/database';
import { createLoaders, LoaderOptions } from './db/loaders';
import { Context } from './resolvers/context';
import { RESOLVERS } from './resolvers';
import { playgroundHandler } from './playgroundRoute';
import { operationLimits } from './operationLimits';
import { explorerHandler } from './explorerRoute';
import { createAuthenticator, requestAuth } from './http/auth';
import { collierAuthChecker } from './resolvers/authChecker';
import { reconcileRouter } from './http/reconcile';

export async function buildCollierSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: false, authChecker: collierAuthChecker, authMode: 'error' });
}

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
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

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
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code == null) {
      logger.error({ err: original, path: formatted.path }, 'unexpected error in a resolver');
      if (config.env === 'production') {
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

/** Logs one line per operation and reports how many Cypher statements it cost. */
function operationLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue: ctx, response, operationName, errors }) {
          response.http.headers.set('x-collier-statements', String(ctx.counter.count));
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
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const limits = operationLimits(config);
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.env !== 'production',
    csrfPrevention: true,
    stopOnTerminationSignals: false, // main.ts owns the signals: drain, close the driver, stop Neo4j
    formatError: formatError(config, logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      ApolloServerPluginLandingPageDisabled(),
      // Collier sets no cache hints; without this Apollo wraps every resolved field to compute them.
      ApolloServerPluginCacheControlDisabled(),
      operationLogPlugin(),
      ...limits.plugins,
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const given = req.header('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

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

  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = String(res.locals.requestId);
        const auth = await requestAuth(authenticator, req.header('authorization'), config.auth);
        const counter = new StatementCounter();
        return {
          db,
          counter,
          loaders: createLoaders(db, counter, deps.loaderOptions),
          requestId,
          logger: logger.child({ requestId, caller: auth.principal?.name ?? null }),
          auth,
          warnings: [],
        };
      },
    }),
  );

  // Bodies that are too large or not JSON: a clear answer instead of Express's HTML error page.
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
        err.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
      if (status >= 500) logger.error({ err }, 'request failed');
      const message =
        code === 'PAYLOAD_TOO_LARGE'
          ? `The request body is larger than this service accepts (BODY_LIMIT ${config.bodyLimit}); import large files with \`npm run import\`, or raise BODY_LIMIT`
          : status < 500
            ? String(err.message)
            : 'Internal server error';
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
    },
  );

  return { app, httpServer, apollo, schema };
}
