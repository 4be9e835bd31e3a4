/**
 * Who may do what: three roles in a strict order (reader < editor < admin), the API keys that grant
 * them, and the decision for one operation. Pure: keys are parsed into digests here and compared in
 * constant time by the caller (src/http/auth.ts); a key itself never leaves this module in an error.
 */
import { createHash } from 'node:crypto';

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a resolver demands (`@Authorized('EDITOR')`); AUDIT stands for the configured audit-reading role. */
export type Requirement = 'READER' | 'EDITOR' | 'ADMIN' | 'AUDIT';

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** Does `have` include everything `need` may do? */
export function roleAtLeast(have: Role, need: Role): boolean {
  return roleRank(have) >= roleRank(need);
}

/** The highest of several roles (a JWT may carry a list), or null for none. */
export function highestRole(roles: readonly Role[]): Role | null {
  return roles.reduce<Role | null>((best, r) => (best == null || roleRank(r) > roleRank(best) ? r : best), null);
}

/** Who is calling: the role granted and the name the audit trail records (never the key). */
export interface Principal {
  role: Role;
  /** `key:<name>` for an API key, `jwt:<subject>` for a token, `cli:<user>` for the import command. */
  name: string;
  via: 'api-key' | 'jwt' | 'cli';
}

export interface ApiKeyEntry {
  role: Role;
  name: string;
  /** SHA-256 of the key: what the service keeps and compares. */
  digest: Buffer;
}

export function keyDigest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** A non-secret name for a key given without one: the first 8 hex digits of its SHA-256. */
export function derivedKeyName(key: string): string {
  return `sha256-${keyDigest(key).toString('hex').slice(0, 8)}`;
}

const KEY_SHAPE = /^[A-Za-z0-9._~+/=-]{16,512}$/;
const NAME_SHAPE = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Parses `COLLIER_API_KEYS`: comma-separated `role:key` or `role:name:key` entries. Throws an Error
 * whose message names the entry by position (and its name, if any) but never shows the key.
 */
export function parseApiKeys(spec: string | undefined): ApiKeyEntry[] {
  if (spec == null || spec.trim() === '') return [];
  const entries: ApiKeyEntry[] = [];
  const names = new Set<string>();
  const digests = new Set<string>();
  spec.split(',').forEach((raw, i) => {
    const at = `entry ${i + 1}`;
    const parts = raw.trim().split(':');
    if (parts.length < 2 || parts.length > 3) {
      throw new Error(`${at} must look like role:key or role:name:key (roles: ${ROLES.join(', ')})`);
    }
    const role = parts[0].trim().toLowerCase();
    if (!isRole(role)) throw new Error(`${at} has an unknown role "${parts[0]}" (roles: ${ROLES.join(', ')})`);
    const key = parts[parts.length - 1].trim();
    const name = parts.length === 3 ? parts[1].trim() : derivedKeyName(key);
    if (parts.length === 3 && !NAME_SHAPE.test(name)) {
      throw new Error(`${at}: the name must be 1 to 64 letters, digits, ".", "_" or "-"`);
    }
    if (!KEY_SHAPE.test(key)) {
      throw new Error(`${at} (${name}): the key must be 16 to 512 characters from A-Z a-z 0-9 . _ ~ + / = -`);
    }
    const digest = keyDigest(key);
    if (digests.has(digest.toString('hex'))) throw new Error(`${at} (${name}): the same key is listed twice`);
    if (names.has(name)) throw new Error(`${at}: the name "${name}" is used twice`);
    names.add(name);
    digests.add(digest.toString('hex'));
    entries.push({ role, name, digest });
  });
  return entries;
}

/** Roles named by a JWT claim value: a string ("editor", or several separated by spaces) or a list. */
export function rolesFromClaim(value: unknown): Role[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return items
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim().toLowerCase())
    .filter(isRole);
}

/** The role a requirement stands for, given the configured audit-reading role. */
export function requiredRole(requirement: string, auditRole: Role): Role | null {
  if (requirement === 'AUDIT') return auditRole;
  const role = requirement.toLowerCase();
  return isRole(role) ? role : null;
}

export type AccessDecision = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** May `principal` do something that needs any one of `requirements`? */
export function decideAccess(
  principal: Principal | null,
  requirements: readonly string[],
  auditRole: Role,
): AccessDecision {
  const needed = requirements.map((r) => requiredRole(r, auditRole));
  if (needed.some((r) => r == null)) throw new Error(`unknown requirement in ${requirements.join(', ')}`);
  if (principal == null) return 'UNAUTHENTICATED';
  return needed.some((r) => roleAtLeast(principal.role, r!)) ? 'ALLOWED' : 'FORBIDDEN';
}
