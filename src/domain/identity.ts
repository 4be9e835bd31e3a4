/**
 * A vessel's identity is a history of claims (name, flag, numbers) with time spans and a status; its
 * current name and flag are derived from that history, never stored as a separate truth.
 */
export interface ClaimLike {
  name: string | null;
  flagCode: string | null;
  flagText: string | null;
  status: 'ASSERTED' | 'VERIFIED' | 'FALSE';
  kind: string;
  periodFrom: string | null;
  periodTo: string | null;
}

export interface CurrentFlag {
  /** The flag state's code, or null when unknown, stateless or contested. */
  code: string | null;
  /** How the sources put it, including a conflict between them. */
  text: string | null;
}

const FLAG_KINDS = new Set(['REGISTRATION', 'DOCUMENTS']);

function latestDay(c: ClaimLike): string {
  return c.periodTo ?? c.periodFrom ?? '';
}

/**
 * The flag a vessel flies now, as far as the sources tell: among the claims that are not false, the one
 * with the latest dated period; a tie between claims naming different flags is a conflict and gives no
 * code (the text names both).
 */
export function currentFlag(claims: readonly ClaimLike[]): CurrentFlag {
  const candidates = claims.filter((c) => c.status !== 'FALSE' && FLAG_KINDS.has(c.kind) && (c.flagCode || c.flagText));
  if (candidates.length === 0) return { code: null, text: null };
  const latest = candidates.reduce((best, c) => (latestDay(c) > best ? latestDay(c) : best), '');
  const top = candidates.filter((c) => latestDay(c) === latest);
  const verified = top.filter((c) => c.status === 'VERIFIED');
  const pool = verified.length > 0 ? verified : top;
  const codes = [...new Set(pool.map((c) => c.flagCode))];
  if (codes.length === 1) return { code: codes[0], text: pool[0].flagText };
  // Named in a fixed order, whatever order the claims were written in (an export imported again reads the same).
  const named = [...new Set(pool.map((c) => c.flagText ?? c.flagCode ?? ''))].sort();
  return { code: null, text: `sources conflict: ${named.join(' / ')}` };
}
