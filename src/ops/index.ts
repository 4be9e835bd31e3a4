/**
 * The operations side of the HTTP service, in one place for src/server.ts: metrics (GET /metrics and
 * what feeds it), rate limits per caller, and trusted documents. See docs/operations.md.
 */
import * as path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Authenticator } from '../http/auth';
import type { Logger } from '../logger';
import { observeDbMetrics, watchDriverPool } from './metrics';
import { measureLoaderBatches, metricsPlugin } from './metricsPlugin';
import { metricsHandler } from './metricsRoute';
import { rateLimits } from './rateLimit';
import { loadManifest, trustedDocumentsOnly } from './trustedDocuments';
import { findRepoRoot } from '../db/runtime/build';

export interface Ops {
  /** Apollo plugins, after the operation limits (the cost limit reads the cost they compute). */
  plugins: ApolloServerPlugin[];
  /** Middleware in front of /graphql before its body is read (request rate limit). */
  beforeBody: express.RequestHandler[];
  /** Middleware in front of Apollo once the body is read (trusted documents). */
  afterBody: express.RequestHandler[];
  /** GET /metrics. */
  metrics: express.RequestHandler;
  /** Wraps a request's loaders so that their batch sizes are measured. */
  measureLoaders<T extends object>(loaders: T): T;
  /** beforeBody and afterBody do nothing but strip the rate-limit caller header: /graphql may skip Express. */
  passiveOnGraphql: boolean;
}

export async function createOps(deps: {
  config: Config;
  db: Database;
  logger: Logger;
  authenticator: Authenticator;
}): Promise<Ops> {
  const { config, db, logger, authenticator } = deps;
  observeDbMetrics();
  const unwatch = watchDriverPool(db.driver);
  const limits = await rateLimits({ config: config.ops.rateLimit, authenticator, logger });
  const trusted = config.ops.trustedDocuments;
  const afterBody: express.RequestHandler[] = [];
  if (trusted.required) {
    const manifest = loadManifest(path.resolve(findRepoRoot(), trusted.manifestPath));
    afterBody.push(trustedDocumentsOnly(manifest));
    logger.info({ operations: manifest.size }, 'trusted documents: only the operations of the manifest run');
  }
  return {
    plugins: [
      metricsPlugin() as ApolloServerPlugin,
      limits.plugin,
      { serverWillStart: () => Promise.resolve({ serverWillStop: () => Promise.resolve(void unwatch()) }) },
    ],
    beforeBody: [limits.middleware],
    afterBody,
    metrics: metricsHandler(config.ops.metrics),
    measureLoaders: measureLoaderBatches,
    passiveOnGraphql: limits.passive && afterBody.length === 0,
  };
}
