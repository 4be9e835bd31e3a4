/**
 * `/reconcile`: the W3C Entity Reconciliation API over screening, for OpenRefine and the tools that
 * speak it. GET answers the service manifest (or, with `?queries=`, the queries); POST takes
 * `queries` form-encoded (what OpenRefine sends) or as JSON. Reads follow the GraphQL read rules
 * (a bad credential is refused; with COLLIER_READS_NEED_KEY every request needs one) and the same
 * body limit; a batch costs the same three statements as GraphQL `screen`.
 */
import express from 'express';
import { GraphQLError } from 'graphql';
import { Config } from '../config';
import { Logger } from '../logger';
import { Database, isUnavailable, StatementCounter } from '../db/database';
import { screenBatch } from '../db/read/screenBatch';
import { labelOfId } from '../domain/ids';
import {
  parseReconcileQueries,
  RECONCILE_THRESHOLD,
  reconcileManifest,
  ReconcileInputError,
  RECONCILE_TYPES,
  toReconcileCandidates,
} from '../domain/reconcile';
import { Authenticator, requestAuth } from './auth';

export interface ReconcileDeps {
  db: Database;
  config: Config;
  logger: Logger;
  authenticator: Authenticator;
}

function fail(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export function reconcileRouter(deps: ReconcileDeps): express.Router {
  const { db, config, logger, authenticator } = deps;
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: config.bodyLimit }));
  router.use(express.json({ limit: config.bodyLimit }));

  const handle = async (req: express.Request, res: express.Response): Promise<void> => {
    const started = process.hrtime.bigint();
    try {
      await requestAuth(authenticator, req.header('authorization'), config.auth);
    } catch (error) {
      const e = error as GraphQLError;
      const code = e.extensions?.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      return fail(res, code === 'FORBIDDEN' ? 403 : 401, code, e.message);
    }
    const raw: unknown =
      req.method === 'GET' ? req.query.queries : (req.body as Record<string, unknown> | undefined)?.queries;
    if (raw == null) {
      if (req.method === 'GET') {
        res.json(reconcileManifest());
        return;
      }
      return fail(res, 400, 'BAD_REQUEST', 'Send "queries": a JSON object of named queries, {"q0": {"query": "…"}}.');
    }
    let queries;
    try {
      queries = parseReconcileQueries(raw);
    } catch (error) {
      if (error instanceof ReconcileInputError) return fail(res, 400, 'BAD_USER_INPUT', error.message);
      throw error;
    }
    const counter = new StatementCounter();
    try {
      const limit = Math.max(1, ...queries.map((q) => q.limit));
      const outcomes = await screenBatch(
        db,
        queries.map((q) => q.fields),
        { threshold: RECONCILE_THRESHOLD, limit },
        counter,
      );
      const kindOf = (id: string) => RECONCILE_TYPES.find((t) => t.id === labelOfId(id))?.kind ?? null;
      const body: Record<string, { result: ReturnType<typeof toReconcileCandidates> }> = {};
      queries.forEach((q, i) => {
        body[q.key] = { result: toReconcileCandidates(outcomes[i].candidates.slice(0, q.limit), kindOf) };
      });
      res.setHeader('x-collier-statements', String(counter.count));
      res.json(body);
      logger.info(
        {
          queries: queries.length,
          statements: counter.count,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          requestId: String(res.locals.requestId),
        },
        'reconcile',
      );
    } catch (error) {
      if (isUnavailable(error)) {
        return fail(
          res,
          503,
          'SERVICE_UNAVAILABLE',
          'The graph database is not reachable right now. Try again shortly.',
        );
      }
      logger.error({ err: error }, 'reconcile failed');
      return fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  };

  router.get('/', (req, res, next) => {
    handle(req, res).catch(next);
  });
  router.post('/', (req, res, next) => {
    handle(req, res).catch(next);
  });
  return router;
}
