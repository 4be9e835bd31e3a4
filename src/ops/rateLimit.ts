/**
 * Rate limits per caller (rate-limiter-flexible): by requests (an Express middleware in front of
 * /graphql, before the body is even read) and by the summed cost the cost limit computes for each
 * operation (an Apollo plugin, once the cost is known and before anything runs). The caller is the API
 * key's name or the token's subject (`key:…`, `jwt:…`), or the client address for anonymous callers.
 * Over a limit: HTTP 429, `Retry-After` (seconds) and a RATE_LIMITED error. Counters live in this
 * process unless RATE_LIMIT_REDIS_URL names a Redis shared by the replicas.
 */
import { GraphQLError } from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { OpsConfig } from './config';
import type { Authenticator } from '../http/auth';
import type { Logger } from '../logger';
import { metrics } from './metrics';

/** Set by the middleware on the request (any value a client sent is replaced) for the cost plugin. */
export const CALLER_HEADER = 'x-collier-rate-caller';

export interface RateLimits {
  middleware: express.RequestHandler;
  plugin: ApolloServerPlugin;
  /** No limit is set: the middleware only strips CALLER_HEADER (src/http/directGraphql.ts does that itself). */
  passive: boolean;
}

type Limit = 'requests' | 'cost';

function retryAfterSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

function message(limit: Limit, config: OpsConfig['rateLimit'], seconds: number): string {
  return limit === 'requests'
    ? `Too many requests: at most ${config.requests} every ${config.windowSeconds} s per caller. Retry in ${seconds} s.`
    : `Too much work asked: at most ${config.cost} cost units (x-collier-cost) every ${config.windowSeconds} s per caller. Retry in ${seconds} s, or ask for less.`;
}

/** The caller a limit counts for: `key:<name>` / `jwt:<subject>`, else `ip:<address>`. */
async function callerOf(authenticator: Authenticator, req: express.Request): Promise<string> {
  try {
    const principal = await authenticator.authenticate(req.header('authorization'));
    if (principal) return principal.name;
  } catch {
    // a bad credential is refused later by the request's own auth; until then it counts as its address
  }
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

async function storeClient(url: string): Promise<unknown> {
  const name = 'ioredis';
  try {
    const mod = (await import(name)) as { default: new (url: string, options: object) => unknown };
    return new mod.default(url, { enableOfflineQueue: false, lazyConnect: false });
  } catch (error) {
    throw new Error(
      `RATE_LIMIT_REDIS_URL needs the ioredis package (npm install ioredis): ${(error as Error).message}`,
    );
  }
}

async function limiter(config: OpsConfig['rateLimit'], limit: Limit): Promise<RateLimiterAbstract | null> {
  const points = limit === 'requests' ? config.requests : config.cost;
  if (points <= 0) return null;
  const options = { points, duration: config.windowSeconds, keyPrefix: `collier-${limit}` };
  if (config.redisUrl == null) return new RateLimiterMemory(options);
  return new RateLimiterRedis({ ...options, storeClient: await storeClient(config.redisUrl) });
}

export async function rateLimits(deps: {
  config: OpsConfig['rateLimit'];
  authenticator: Authenticator;
  logger: Logger;
}): Promise<RateLimits> {
  const { config, authenticator, logger } = deps;
  const requests = await limiter(config, 'requests');
  const cost = await limiter(config, 'cost');

  /** Consumes points; answers the seconds to wait when over the limit, null when within it (or the store failed: fail open). */
  async function take(l: RateLimiterAbstract, limit: Limit, caller: string, points: number): Promise<number | null> {
    try {
      await l.consume(caller, points);
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        metrics.rateLimited.inc({ limit });
        return retryAfterSeconds(error);
      }
      logger.warn({ err: error, limit }, 'rate limit store failed; request let through');
      return null;
    }
  }

  const middleware: express.RequestHandler = (req, res, next) => {
    delete req.headers[CALLER_HEADER];
    if (req.method === 'OPTIONS' || (requests == null && cost == null)) return next();
    void (async () => {
      const caller = await callerOf(authenticator, req);
      req.headers[CALLER_HEADER] = caller;
      const wait = requests == null ? null : await take(requests, 'requests', caller, 1);
      if (wait == null) return next();
      res.setHeader('retry-after', String(wait));
      res.status(429).json({
        errors: [
          {
            message: message('requests', config, wait),
            extensions: { code: 'RATE_LIMITED', limit: 'requests', retryAfterSeconds: wait },
          },
        ],
      });
    })().catch(next);
  };

  const plugin: ApolloServerPlugin = {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hooks return promises
    async requestDidStart() {
      if (cost == null) return {};
      return {
        async didResolveOperation({ request, response }) {
          const caller = request.http?.headers.get(CALLER_HEADER);
          const price = Number(response.http.headers.get('x-collier-cost'));
          if (caller == null || !Number.isFinite(price) || price <= 0) return;
          const wait = await take(cost, 'cost', caller, price);
          if (wait == null) return;
          throw new GraphQLError(message('cost', config, wait), {
            extensions: {
              code: 'RATE_LIMITED',
              limit: 'cost',
              retryAfterSeconds: wait,
              http: { status: 429, headers: new HeaderMap([['retry-after', String(wait)]]) },
            },
          });
        },
      };
    },
  };

  return { middleware, plugin, passive: requests == null && cost == null };
}
