/**
 * Operations settings (docs/operations.md), read once at start with the rest of the configuration:
 * a bad value stops the process with a message naming the variable.
 */
import { bool, ConfigError, Env, int, str } from '../config';

export interface OpsConfig {
  metrics: {
    /** Serve `GET /metrics` at all (METRICS_ENABLED, default true). */
    enabled: boolean;
    /** When set, /metrics needs `Authorization: Bearer <key>`; when not, it answers loopback callers only. */
    key: string | null;
  };
  rateLimit: {
    /** Requests per caller per window; 0: no request limit. */
    requests: number;
    /** Summed operation cost (x-collier-cost) per caller per window; 0: no cost limit. */
    cost: number;
    windowSeconds: number;
    /** A Redis shared by the replicas (redis://…); null: each replica counts on its own. */
    redisUrl: string | null;
  };
  trustedDocuments: {
    /** Only operations of the manifest run (GRAPHQL_TRUSTED_DOCUMENTS=true; off by default). */
    required: boolean;
    /** The manifest (`npm run build:ts` writes dist/trusted-documents.json). */
    manifestPath: string;
  };
}

const KEY_SHAPE = /^[A-Za-z0-9._~+/=-]{16,512}$/;

export function opsConfig(env: Env): OpsConfig {
  const key = env.METRICS_KEY?.trim() || null;
  if (key != null && !KEY_SHAPE.test(key)) {
    throw new ConfigError('METRICS_KEY', 'must be 16 to 512 characters from A-Z a-z 0-9 . _ ~ + / = -');
  }
  const redisUrl = env.RATE_LIMIT_REDIS_URL?.trim() || null;
  if (redisUrl != null && !/^rediss?:\/\/\S+$/.test(redisUrl)) {
    throw new ConfigError('RATE_LIMIT_REDIS_URL', `must be a redis:// or rediss:// address`);
  }
  return {
    metrics: { enabled: bool(env, 'METRICS_ENABLED', true), key },
    rateLimit: {
      requests: int(env, 'RATE_LIMIT_REQUESTS', 0, 0, 100_000_000),
      cost: int(env, 'RATE_LIMIT_COST', 0, 0, 1_000_000_000_000),
      windowSeconds: int(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
      redisUrl,
    },
    trustedDocuments: {
      required: bool(env, 'GRAPHQL_TRUSTED_DOCUMENTS', false),
      manifestPath: str(env, 'GRAPHQL_TRUSTED_DOCUMENTS_MANIFEST', 'dist/trusted-documents.json'),
    },
  };
}
