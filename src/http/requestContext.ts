/**
 * Each GraphQL request's context (src/resolvers/context.ts): its statement counter, logger, warnings,
 * response budget and trace work bound, and its DataLoaders made on first use.
 */
import { Database, StatementCounter } from '../db/database';
import { createLoaders, LoaderOptions, Loaders } from '../db/loaders';
import { Logger } from '../logger';
import { Context, Warning } from '../resolvers/context';
import { ResponseBudget } from '../resolvers/listBound';
import type { WorkBound } from '../domain/trace/workBound';
import { AuthContext } from './auth';

export interface RequestContextDeps {
  db: Database;
  logger: Logger;
  maxResponseObjects: number;
  traceWork: WorkBound;
  /** Wraps a request's loaders (their batch sizes measured: src/ops). */
  measureLoaders: <T extends object>(loaders: T) => T;
  loaderOptions?: LoaderOptions;
}

/**
 * The maker of a request's context. Its DataLoaders are made on first use, by a getter on the
 * context's prototype: Apollo copies the context for each operation (`Object.assign` onto an object of
 * the same prototype), which calls an own getter but keeps an inherited one. A light read (a
 * neighbourhood, paths) never uses them, and making and wrapping ~20 DataLoaders was ≈ 10 µs and 13 kB
 * a request (issue 14).
 */
export function requestContexts(deps: RequestContextDeps): (auth: AuthContext, requestId: string) => Context {
  class RequestContext implements Context {
    readonly db = deps.db;
    readonly counter = new StatementCounter();
    readonly logger: Logger;
    readonly warnings: Warning[] = [];
    readonly budget = new ResponseBudget(deps.maxResponseObjects);
    readonly traceWork = deps.traceWork;

    constructor(
      readonly auth: AuthContext,
      readonly requestId: string,
    ) {
      this.logger = deps.logger.child({ requestId, caller: auth.principal?.name ?? null });
    }

    get loaders(): Loaders {
      const loaders = deps.measureLoaders(createLoaders(this.db, this.counter, deps.loaderOptions));
      // the copy Apollo resolves with keeps its own (the getter is not called again)
      Object.defineProperty(this, 'loaders', { value: loaders, writable: true, enumerable: true, configurable: true });
      return loaders;
    }
  }
  return (auth, requestId) => new RequestContext(auth, requestId);
}
