import { createHash } from 'node:crypto';
import {
  decideAccess,
  derivedKeyName,
  highestRole,
  parseApiKeys,
  Principal,
  requiredRole,
  roleAtLeast,
  rolesFromClaim,
} from '../../../src/domain/auth';
import { ConfigError, loadConfig } from '../../../src/config';
import { createAuthenticator, CredentialError, requestAuth } from '../../../src/http/auth';

const EDITOR_KEY = 'editor-key-0123456789abcdef';
const ADMIN_KEY = 'admin-key-0123456789abcdef';

describe('roles', () => {
  it('are ordered reader < editor < admin', () => {
    expect(roleAtLeast('admin', 'editor')).toBe(true);
    expect(roleAtLeast('editor', 'editor')).toBe(true);
    expect(roleAtLeast('reader', 'editor')).toBe(false);
    expect(roleAtLeast('editor', 'admin')).toBe(false);
    expect(highestRole(['reader', 'admin', 'editor'])).toBe('admin');
    expect(highestRole([])).toBeNull();
  });

  it('decides access: nobody → UNAUTHENTICATED, too low → FORBIDDEN, enough → ALLOWED', () => {
    const reader: Principal = { role: 'reader', name: 'key:r', via: 'api-key' };
    const admin: Principal = { role: 'admin', name: 'key:a', via: 'api-key' };
    expect(decideAccess(null, ['EDITOR'], 'reader')).toBe('UNAUTHENTICATED');
    expect(decideAccess(reader, ['EDITOR'], 'reader')).toBe('FORBIDDEN');
    expect(decideAccess(admin, ['EDITOR'], 'reader')).toBe('ALLOWED');
    expect(decideAccess(reader, ['AUDIT'], 'reader')).toBe('ALLOWED');
    expect(decideAccess(reader, ['AUDIT'], 'editor')).toBe('FORBIDDEN');
    expect(requiredRole('AUDIT', 'admin')).toBe('admin');
    expect(() => decideAccess(admin, ['SUPERUSER'], 'reader')).toThrow(/unknown requirement/);
  });

  it('reads roles from a JWT claim given as a string, a space-separated string or a list', () => {
    expect(rolesFromClaim('editor')).toEqual(['editor']);
    expect(rolesFromClaim('reader admin')).toEqual(['reader', 'admin']);
    expect(rolesFromClaim(['Editor', 'other'])).toEqual(['editor']);
    expect(rolesFromClaim(42)).toEqual([]);
  });
});

describe('COLLIER_API_KEYS', () => {
  it('parses role:key and role:name:key entries and keeps only digests', () => {
    const keys = parseApiKeys(`editor:${EDITOR_KEY}, admin:lead-analyst:${ADMIN_KEY}`);
    expect(keys.map((k) => [k.role, k.name])).toEqual([
      ['editor', derivedKeyName(EDITOR_KEY)],
      ['admin', 'lead-analyst'],
    ]);
    expect(keys[0].digest.equals(createHash('sha256').update(EDITOR_KEY).digest())).toBe(true);
    expect(JSON.stringify(keys)).not.toContain(EDITOR_KEY);
    expect(derivedKeyName(EDITOR_KEY)).toMatch(/^sha256-[0-9a-f]{8}$/);
  });

  it.each([
    ['owner:somekey-0123456789abcdef', /unknown role "owner"/],
    ['editor', /must look like role:key/],
    ['editor:short', /16 to 512 characters/],
    [`editor:a:${EDITOR_KEY},admin:a:${ADMIN_KEY}`, /name "a" is used twice/],
    [`editor:${EDITOR_KEY},admin:${EDITOR_KEY}`, /same key is listed twice/],
    ['editor:bad name:0123456789abcdef0', /name must be/],
  ])('rejects %s with a message that names no key', (spec, message) => {
    expect(() => loadConfig({ COLLIER_API_KEYS: spec })).toThrow(ConfigError);
    expect(() => loadConfig({ COLLIER_API_KEYS: spec })).toThrow(message);
    try {
      loadConfig({ COLLIER_API_KEYS: spec });
    } catch (error) {
      expect((error as Error).message).toMatch(/^COLLIER_API_KEYS: /);
      expect((error as Error).message).not.toContain(EDITOR_KEY);
      expect((error as Error).message).not.toContain('0123456789abcdef0');
    }
  });

  it('validates the JWT and read settings, each error naming its variable', () => {
    expect(() => loadConfig({ COLLIER_JWKS_URL: 'not a url' })).toThrow(
      /COLLIER_JWKS_URL: must be an http\(s\) address/,
    );
    expect(() => loadConfig({ COLLIER_JWKS_URL: 'https://idp.example.org/jwks' })).toThrow(
      /COLLIER_JWT_ISSUER: is required/,
    );
    expect(() => loadConfig({ COLLIER_JWKS_URL: 'https://idp.example.org/jwks', COLLIER_JWT_ISSUER: 'x' })).toThrow(
      /COLLIER_JWT_AUDIENCE: is required/,
    );
    expect(() => loadConfig({ COLLIER_JWT_AUDIENCE: 'collier' })).toThrow(
      /COLLIER_JWT_AUDIENCE: has no effect without COLLIER_JWKS_URL/,
    );
    expect(() => loadConfig({ COLLIER_READS_NEED_KEY: 'sometimes' })).toThrow(
      /COLLIER_READS_NEED_KEY: must be true or false/,
    );
    expect(() => loadConfig({ COLLIER_AUDIT_ROLE: 'owner' })).toThrow(
      /COLLIER_AUDIT_ROLE: must be one of reader, editor, admin/,
    );
    const c = loadConfig({
      COLLIER_JWKS_URL: 'https://idp.example.org/jwks',
      COLLIER_JWT_ISSUER: 'https://idp.example.org/',
      COLLIER_JWT_AUDIENCE: 'collier',
    });
    expect(c.auth.jwt).toEqual({
      jwksUrl: 'https://idp.example.org/jwks',
      issuer: 'https://idp.example.org/',
      audience: 'collier',
      roleClaim: 'collier_role',
    });
    expect(c.auth.readsNeedKey).toBe(false);
    expect(c.auth.auditRole).toBe('reader');
  });
});

describe('the authenticator', () => {
  const config = loadConfig({ COLLIER_API_KEYS: `editor:${EDITOR_KEY},admin:lead:${ADMIN_KEY}` }).auth;
  const auth = createAuthenticator(config);

  it('turns a Bearer API key into its role and name', async () => {
    await expect(auth.authenticate(`Bearer ${ADMIN_KEY}`)).resolves.toEqual({
      role: 'admin',
      name: 'key:lead',
      via: 'api-key',
    });
    await expect(auth.authenticate(`bearer ${EDITOR_KEY}`)).resolves.toMatchObject({
      role: 'editor',
      name: `key:${derivedKeyName(EDITOR_KEY)}`,
    });
    await expect(auth.authenticate(undefined)).resolves.toBeNull();
    await expect(auth.authenticate('')).resolves.toBeNull();
  });

  it('refuses an unknown key or another scheme, without echoing the credential', async () => {
    const wrong = 'not-a-configured-key-0123456789';
    await expect(auth.authenticate(`Bearer ${wrong}`)).rejects.toThrow(CredentialError);
    await expect(auth.authenticate(`Bearer ${wrong}`)).rejects.not.toThrow(wrong);
    await expect(auth.authenticate(`Basic ${ADMIN_KEY}`)).rejects.toThrow(/Authorization: Bearer/);
    // A key that differs in the last character only is refused too (digests of equal length are compared whole).
    await expect(auth.authenticate(`Bearer ${ADMIN_KEY.slice(0, -1)}0`)).rejects.toThrow(CredentialError);
  });

  it('makes a request fail with 401 for a bad key, and for no key when reads need one', async () => {
    await expect(requestAuth(auth, 'Bearer nope-nope-nope-nope-nope', config)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
    await expect(requestAuth(auth, undefined, config)).resolves.toEqual({ principal: null, auditRole: 'reader' });
    await expect(requestAuth(auth, undefined, { ...config, readsNeedKey: true })).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
