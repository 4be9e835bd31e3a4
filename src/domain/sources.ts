/** A source's id is derived from its address, so the same document is one Source wherever it is cited. */
import { createHash } from 'node:crypto';

/** `source:` + the first 12 hex digits of the SHA-1 of the address. */
export function sourceId(url: string): string {
  return `source:${createHash('sha1').update(url).digest('hex').slice(0, 12)}`;
}
