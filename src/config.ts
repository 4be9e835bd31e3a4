import { ApiKeyEntry, parseApiKeys, Role, ROLES } from './domain/auth';
import { parseRiskWeights, RiskWeights } from './domain/risk';
import { OpsConfig, opsConfig } from './ops/config';
import { DEFAULT_WORK_BOUND } from './domain/trace/workBound';

/**
 * The service's configuration, read from the environment once at start and validated: a bad value
 * stops the process with a message naming the variable.
 */
export interface Config {
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimit: string;
  /** Browser origins allowed to call the API from other sites (CORS); empty: same origin only. */
  corsOrigins: string[];
  /** An existing Neo4j to use; when unset the service starts its own local one. */
  neo4j: {
    uri: string | null;
    user: string;
    password: string;
    database: string | undefined;
    /** Bounds every transaction the service runs. */
    queryTimeoutMs: number;
    connectionTimeoutMs: number;
  };
  localNeo4j: {
    boltPort: number;
    dataDir: string;
    heap: string;
    pageCache: string;
  };
  seedOnStart: boolean;
  /** Node's HTTP server limits (see the README's security section). */
  http: {
    /** Time to receive a request's headers. */
    headersTimeoutMs: number;
    /** Time to receive a whole request, body included (a trickled body is cut off after it). */
    requestTimeoutMs: number;
    /** Idle time a kept-alive connection is held open. */
    keepAliveTimeoutMs: number;
    /** Most open connections; more are refused. */
    maxConnections: number;
    /** POST /graphql answered without Express when nothing of its middleware acts (src/http/directGraphql.ts). */
    directGraphql: boolean;
  };
  shutdownGraceMs: number;
  introspection: boolean;
  /** Overrides of the risk-factor weights (RISK_WEIGHTS, a JSON object such as {"DPRK_FLAG": 20}); {} keeps the defaults of src/domain/risk.ts. */
  riskWeights: Partial<RiskWeights>;
  /** Operation limits applied to every GraphQL request (see src/operationLimits.ts). */
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxCost: number;
    /** Most fields an operation may expand to once fragments are spread; past it the cost cannot be computed and the operation is refused. */
    maxNodes: number;
    /**
     * Most analytics fields (centrality, clusters, paths, traces, exports …) in one operation; default 1:
     * two of them at once (Louvain with a neighbourhood, betweenness with a trace) were the slowest
     * accepted reads of bench/worstRead.ts and held /healthz longest, and a client loses nothing by
     * sending them as separate requests (they would run one after the other in Neo4j's threads anyway).
     */
    maxHeavyFields: number;
    /** Most entries in any list argument (ids, cargoOrigins, labels …). */
    maxListArgument: number;
    /** Most list items one answer may hold (the items of every bounded list field together). */
    maxResponseObjects: number;
    /** Largest answer body, in bytes; a larger one is replaced by a RESPONSE_TOO_LARGE error. */
    maxResponseBytes: number;
    /** "Did you mean …?" hints in validation errors (they reveal the schema). */
    fieldSuggestions: boolean;
    /** The work bound of a trace walk (src/domain/trace/workBound.ts, docs/trace-engine.md). */
    traceWork: { maxStates: number; budgetMs: number };
  };
  /** Live alerts over WebSocket (src/http/subscriptions.ts, docs/watchlists.md). */
  subscriptions: {
    /** Most open subscriptions per key (or token subject) on one replica. */
    maxPerKey: number;
    /** How often each replica asks Neo4j for new alerts while someone is subscribed. */
    pollIntervalMs: number;
    /** Most alerts waiting for one subscriber; past it the subscription is dropped (SLOW_CONSUMER). */
    queueMax: number;
  };
  /** Who may read and write (see src/domain/auth.ts). Keys are kept as SHA-256 digests only. */
  auth: {
    apiKeys: ApiKeyEntry[];
    readsNeedKey: boolean;
    /** The lowest role that may list the audit trail (`changes`). */
    auditRole: Role;
    jwt: JwtConfig | null;
  };
  /** Metrics, rate limits, trusted documents (src/ops, docs/operations.md). */
  ops: OpsConfig;
}

export interface JwtConfig {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** The claim that names the caller's role(s): "reader", "editor" or "admin" (a string or a list). */
  roleClaim: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

function authConfig(env: Env): Config['auth'] {
  let apiKeys: ApiKeyEntry[];
  try {
    apiKeys = parseApiKeys(env.COLLIER_API_KEYS);
  } catch (error) {
    throw new ConfigError('COLLIER_API_KEYS', (error as Error).message);
  }
  const jwksUrl = env.COLLIER_JWKS_URL?.trim() || null;
  let jwt: JwtConfig | null = null;
  if (jwksUrl != null) {
    let url: URL;
    try {
      url = new URL(jwksUrl);
    } catch {
      throw new ConfigError('COLLIER_JWKS_URL', `must be an http(s) address (got "${jwksUrl}")`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ConfigError('COLLIER_JWKS_URL', `must be an http(s) address (got "${jwksUrl}")`);
    }
    const issuer = env.COLLIER_JWT_ISSUER?.trim();
    const audience = env.COLLIER_JWT_AUDIENCE?.trim();
    if (!issuer)
      throw new ConfigError(
        'COLLIER_JWT_ISSUER',
        'is required when COLLIER_JWKS_URL is set (the "iss" tokens must carry)',
      );
    if (!audience)
      throw new ConfigError(
        'COLLIER_JWT_AUDIENCE',
        'is required when COLLIER_JWKS_URL is set (the "aud" tokens must carry)',
      );
    jwt = { jwksUrl: url.toString(), issuer, audience, roleClaim: str(env, 'COLLIER_JWT_ROLE_CLAIM', 'collier_role') };
  } else {
    for (const name of ['COLLIER_JWT_ISSUER', 'COLLIER_JWT_AUDIENCE', 'COLLIER_JWT_ROLE_CLAIM']) {
      if (env[name]?.trim()) throw new ConfigError(name, 'has no effect without COLLIER_JWKS_URL');
    }
  }
  return {
    apiKeys,
    readsNeedKey: bool(env, 'COLLIER_READS_NEED_KEY', false),
    auditRole: oneOf(env, 'COLLIER_AUDIT_ROLE', 'reader', ROLES),
    jwt,
  };
}

/** RISK_WEIGHTS, checked at start (an unknown factor or a weight outside -100..100 stops the process). */
export function riskWeightsFromEnv(env: Env): Partial<RiskWeights> {
  const raw = env.RISK_WEIGHTS;
  if (raw == null || raw.trim() === '') return {};
  try {
    return parseRiskWeights(raw);
  } catch (error) {
    throw new ConfigError('RISK_WEIGHTS', (error as Error).message);
  }
}

/** A comma-separated list of http(s) origins ("https://analyst.example.org"), each checked. */
function origins(env: Env, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  return raw.split(',').map((o) => {
    const origin = o.trim();
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError(name, `must list origins such as https://analyst.example.org (got "${origin}")`);
    }
    if (!/^https?:$/.test(url.protocol) || url.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(name, `must list bare http(s) origins, without a path (got "${origin}")`);
    }
    return url.origin;
  });
}

export function str(env: Env, name: string, fallback: string): string {
  const v = env[name];
  return v == null || v === '' ? fallback : v;
}

export function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw == null || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number (got "${raw}")`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${n})`);
  return n;
}

export function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw == null || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name];
  if (raw == null || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function size(env: Env, name: string, fallback: string): string {
  const v = str(env, name, fallback);
  if (!/^\d+[kmg]?b?$/i.test(v)) throw new ConfigError(name, `must be a size such as 512m or 1g (got "${v}")`);
  return v;
}

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** A size in bytes ("10mb", "512k"). */
function bytes(env: Env, name: string, fallback: string): number {
  const v = size(env, name, fallback).toLowerCase();
  const m = /^(\d+)([kmg]?)b?$/.exec(v)!;
  return Number(m[1]) * UNITS[m[2]];
}

export function loadConfig(env: Env = process.env): Config {
  // Production unless told otherwise: `npm start` is safe to expose; `npm run dev` sets development.
  const nodeEnv = oneOf(env, 'NODE_ENV', 'production', ['production', 'development', 'test'] as const);
  const uri = env.NEO4J_URI?.trim() || null;
  if (uri != null && !/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/.test(uri)) {
    throw new ConfigError('NEO4J_URI', `must be a bolt:// or neo4j:// address (got "${uri}")`);
  }
  const host = str(env, 'HOST', '127.0.0.1');
  return {
    env: nodeEnv,
    host,
    port: int(env, 'PORT', 4000, 0, 65535),
    logLevel: oneOf(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info', [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ] as const),
    bodyLimit: size(env, 'BODY_LIMIT', '1mb'),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    neo4j: {
      uri,
      user: str(env, 'NEO4J_USER', 'neo4j'),
      password: str(env, 'NEO4J_PASSWORD', ''),
      database: env.NEO4J_DATABASE?.trim() || undefined,
      queryTimeoutMs: int(env, 'NEO4J_QUERY_TIMEOUT_MS', 15_000, 100, 600_000),
      connectionTimeoutMs: int(env, 'NEO4J_CONNECTION_TIMEOUT_MS', 5_000, 100, 120_000),
    },
    localNeo4j: {
      boltPort: int(env, 'NEO4J_BOLT_PORT', 7687, 1, 65535),
      dataDir: str(env, 'NEO4J_DATA_DIR', '.data/neo4j'),
      heap: size(env, 'NEO4J_HEAP', '1g'),
      pageCache: size(env, 'NEO4J_PAGE_CACHE', '256m'),
    },
    seedOnStart: bool(env, 'SEED_ON_START', true),
    http: {
      headersTimeoutMs: int(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
      requestTimeoutMs: int(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
      keepAliveTimeoutMs: int(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
      maxConnections: int(env, 'HTTP_MAX_CONNECTIONS', 256, 1, 100_000),
      directGraphql: bool(env, 'HTTP_DIRECT_GRAPHQL', true),
    },
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    limits: {
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 12, 1, 100),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 15, 1, 1000),
      maxDirectives: int(env, 'GRAPHQL_MAX_DIRECTIVES', 10, 1, 1000),
      maxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 3000, 100, 1_000_000),
      maxCost: int(env, 'GRAPHQL_MAX_COST', 50_000, 10, 100_000_000),
      maxNodes: int(env, 'GRAPHQL_MAX_NODES', 5_000, 10, 1_000_000),
      maxHeavyFields: int(env, 'GRAPHQL_MAX_HEAVY_FIELDS', 1, 1, 100),
      maxListArgument: int(env, 'GRAPHQL_MAX_LIST_ARGUMENT', 1_000, 1, 1_000_000),
      maxResponseObjects: int(env, 'GRAPHQL_MAX_RESPONSE_OBJECTS', 20_000, 10, 100_000_000),
      maxResponseBytes: bytes(env, 'RESPONSE_MAX_BYTES', '10mb'),
      fieldSuggestions: bool(env, 'GRAPHQL_FIELD_SUGGESTIONS', nodeEnv !== 'production'),
      traceWork: {
        maxStates: int(env, 'TRACE_MAX_STATES', DEFAULT_WORK_BOUND.maxStates, 100, 100_000_000),
        budgetMs: int(env, 'TRACE_WALK_BUDGET_MS', DEFAULT_WORK_BOUND.budgetMs, 10, 600_000),
      },
    },
    subscriptions: {
      maxPerKey: int(env, 'GRAPHQL_MAX_SUBSCRIPTIONS_PER_KEY', 5, 1, 10_000),
      pollIntervalMs: int(env, 'ALERT_POLL_INTERVAL_MS', 500, 50, 60_000),
      queueMax: int(env, 'ALERT_QUEUE_MAX', 100, 1, 100_000),
    },
    auth: authConfig(env),
    riskWeights: riskWeightsFromEnv(env),
    ops: opsConfig(env),
  };
}
