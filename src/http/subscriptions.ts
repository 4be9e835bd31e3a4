/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol, `ws` server) on the HTTP server's own
 * port and path (/graphql). A connection authenticates once, with the same keys and tokens as HTTP,
 * sent as `connectionParams: { authorization: "Bearer <key or token>" }`; a credential that is not
 * accepted closes it (4401, or 4403 for a token without a Collier role). Every subscription goes
 * through the same limits as an HTTP operation (tokens, depth, aliases, directives, list arguments,
 * cost); only subscriptions are served here — queries and mutations go over HTTP, where the request
 * logs, response budgets and headers live. Alerts come from this replica's AlertFeed.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  getOperationAST,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { useServer as UseServer } from 'graphql-ws/dist/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import { Config } from '../config';
import { Database } from '../db/database';
import { Logger } from '../logger';
import { checkOperation, operationLimits } from '../operationLimits';
import { Context } from '../resolvers/context';
import { AlertFeed } from './alertFeed';
import { AuthContext, Authenticator, requestAuth } from './auth';

/**
 * graphql-ws publishes its `ws` adapter as the subpath export "graphql-ws/use/ws", which this
 * project's module resolution (node, for CommonJS) cannot see at compile time; Node resolves it.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const { useServer } = require('graphql-ws/use/ws') as { useServer: typeof UseServer };

/** Largest message a client may send (a subscription is a short document and a few variables). */
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface SubscriptionDeps {
  httpServer: http.Server;
  schema: GraphQLSchema;
  config: Config;
  db: Database;
  logger: Logger;
  authenticator: Authenticator;
  limits: ReturnType<typeof operationLimits>;
  /** Builds an operation's context, as for an HTTP request. */
  context: (auth: AuthContext, requestId: string) => Context;
  /** Formats errors as the HTTP answers do (no internals outside development). */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

export interface SubscriptionServer {
  feed: AlertFeed;
  /** Closes the WebSocket server and the alert feed when Apollo drains (SIGTERM, tests). */
  plugin: ApolloServerPlugin<Context>;
}

function closeReason(message: string): string {
  // a close frame's reason is at most 123 bytes
  return Buffer.byteLength(message) <= 123 ? message : `${message.slice(0, 110)}…`;
}

export function attachSubscriptions(deps: SubscriptionDeps): SubscriptionServer {
  const { schema, config, logger, limits } = deps;
  const feed = new AlertFeed(deps.db, config.subscriptions, logger);
  const wss = new WebSocketServer({ server: deps.httpServer, path: '/graphql', maxPayload: MAX_MESSAGE_BYTES });
  const callers = new WeakMap<WebSocket, AuthContext>();
  const rules = [...specifiedRules, ...limits.validationRules];
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => deps.formatError(e.toJSON(), e));

  const cleanup = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization;
        try {
          const auth = await requestAuth(
            deps.authenticator,
            typeof header === 'string' ? header : undefined,
            config.auth,
          );
          callers.set(ctx.extra.socket, auth);
          return true;
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          const code = error.extensions.code === 'FORBIDDEN' ? CloseCode.Forbidden : CloseCode.Unauthorized;
          ctx.extra.socket.close(code, closeReason(error.message));
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query, limits.parseOptions);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('The operation could not be parsed.')];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length > 0) return invalid;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Name the operation to run (operationName).')];
        if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [
            new GraphQLError(
              'Only subscriptions are served over WebSocket: send queries and mutations with HTTP POST to /graphql.',
              { extensions: { code: 'BAD_REQUEST' } },
            ),
          ];
        }
        try {
          checkOperation(config.limits, {
            schema,
            document,
            variables: payload.variables,
            operationName: payload.operationName,
          });
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const auth = callers.get(ctx.extra.socket) ?? { principal: null, auditRole: config.auth.auditRole };
        // assigned, not spread: a context's DataLoaders are made by a getter of its prototype (server.ts)
        const contextValue: Context = Object.assign(deps.context(auth, randomUUID()), { alertFeed: feed });
        contextValue.logger.info({ operationName: payload.operationName ?? null }, 'subscription started');
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
  );

  return {
    feed,
    plugin: {
      // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hooks return promises
      async serverWillStart() {
        return {
          async drainServer() {
            feed.stop();
            await cleanup.dispose();
          },
        };
      },
    },
  };
}
