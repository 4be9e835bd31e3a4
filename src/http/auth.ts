/**
 * Who is calling: reads `Authorization: Bearer <credential>` and turns it into a Principal. A
 * credential is an API key from COLLIER_API_KEYS (compared as SHA-256 digests with
 * crypto.timingSafeEqual, against every configured key so the time taken does not depend on which
 * one matched) or, when a JWKS address is configured, a JWT verified against it whose role claim names
 * the role. Credentials are never logged or echoed in errors.
 */
import { timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type * as Jose from 'jose';
import { Config, JwtConfig } from '../config';
import { ApiKeyEntry, highestRole, keyDigest, Principal, Role, rolesFromClaim } from '../domain/auth';

/** A credential was sent but is not good: the request fails (401 or 403), whatever it asked for. */
export class CredentialError extends Error {
  constructor(
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN',
    message: string,
  ) {
    super(message);
    this.name = 'CredentialError';
  }
}

export interface Authenticator {
  /** The caller behind an Authorization header value: null when none was sent. Throws CredentialError for a bad one. */
  authenticate(header: string | undefined): Promise<Principal | null>;
}

/** The caller and the policy the resolvers' auth checker applies (Context.auth). */
export interface AuthContext {
  principal: Principal | null;
  auditRole: Role;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * jose is an ES module only. Node 20.19+ loads it through require(); it is loaded on first use so
 * that a service without JWT configuration (and Jest's CommonJS runtime, which cannot load ES
 * modules on Node 20) never touches it.
 */
function loadJose(): typeof Jose {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (see above)
  return require('jose') as typeof Jose;
}

function matchApiKey(keys: readonly ApiKeyEntry[], credential: string): ApiKeyEntry | null {
  const digest = keyDigest(credential);
  let found: ApiKeyEntry | null = null;
  for (const entry of keys) {
    // Every entry is compared (no early exit), each comparison in constant time over equal-length digests.
    if (timingSafeEqual(digest, entry.digest) && found == null) found = entry;
  }
  return found;
}

function jwtVerifier(jwt: JwtConfig) {
  let jwks: ReturnType<typeof Jose.createRemoteJWKSet> | null = null;
  return async (token: string): Promise<Principal> => {
    const jose = loadJose();
    jwks ??= jose.createRemoteJWKSet(new URL(jwt.jwksUrl));
    let payload: Jose.JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(token, jwks, { issuer: jwt.issuer, audience: jwt.audience }));
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
      throw new CredentialError('UNAUTHENTICATED', `The bearer token was not accepted (${code}).`);
    }
    const role = highestRole(rolesFromClaim(payload[jwt.roleClaim]));
    if (role == null) {
      throw new CredentialError(
        'FORBIDDEN',
        `The token grants no Collier role: its "${jwt.roleClaim}" claim must name reader, editor or admin.`,
      );
    }
    const subject = typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : 'unknown-subject';
    return { role, name: `jwt:${subject}`, via: 'jwt' };
  };
}

export function createAuthenticator(auth: Config['auth']): Authenticator {
  const verifyJwt = auth.jwt ? jwtVerifier(auth.jwt) : null;
  return {
    async authenticate(header) {
      if (header == null || header.trim() === '') return null;
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
      if (!m)
        throw new CredentialError('UNAUTHENTICATED', 'Send credentials as "Authorization: Bearer <key or token>".');
      const credential = m[1];
      if (verifyJwt && JWT_SHAPE.test(credential)) return verifyJwt(credential);
      const entry = matchApiKey(auth.apiKeys, credential);
      if (!entry) throw new CredentialError('UNAUTHENTICATED', 'The API key was not accepted.');
      return { role: entry.role, name: `key:${entry.name}`, via: 'api-key' };
    },
  };
}

/**
 * The auth part of a request's context. A bad credential, or no credential when reads need a key,
 * fails the whole request with UNAUTHENTICATED (HTTP 401) or FORBIDDEN (403).
 */
export async function requestAuth(
  authenticator: Authenticator,
  header: string | undefined,
  auth: Config['auth'],
): Promise<AuthContext> {
  let principal: Principal | null;
  try {
    principal = await authenticator.authenticate(header);
  } catch (error) {
    if (error instanceof CredentialError) throw authError(error.code, error.message);
    throw error;
  }
  if (principal == null && auth.readsNeedKey) {
    throw authError(
      'UNAUTHENTICATED',
      'This service needs a key for every request: send "Authorization: Bearer <key>".',
    );
  }
  return { principal, auditRole: auth.auditRole };
}

export function authError(code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: code === 'UNAUTHENTICATED' ? 401 : 403 } } });
}
