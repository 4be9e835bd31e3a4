/** Shared argument checks: page sizes and cursors, ids, country codes. */

import { decodeCursor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page, pageSizeProblem, toPage } from '../domain/pagination';
import { isValidCountryCode, normalizeCountryCode } from '../domain/identifiers';
import { labelOfId, NodeLabel } from '../domain/ids';
import { badInput, check } from './errors';

export function pageArgs(first: number | null | undefined, after: string | null | undefined, max = MAX_PAGE_SIZE) {
  const size = first ?? DEFAULT_PAGE_SIZE;
  check('first', pageSizeProblem(size, max));
  let offset = 0;
  if (after != null) {
    const at = decodeCursor(after);
    if (at == null) throw badInput('after', 'is not a cursor from a previous page of this list');
    offset = at + 1;
  }
  return { first: size, offset };
}

/** A connection over one page of a list: checks `first` and `after`, reads the page, numbers its cursors. */
export async function readPage<T>(
  args: { first?: number | null; after?: string | null },
  read: (page: { first: number; offset: number }) => Promise<{ total: number; items: T[] }>,
): Promise<Page<T>> {
  const page = pageArgs(args.first, args.after);
  const { total, items } = await read(page);
  return toPage(items, page.offset, total);
}

export function countryArg(argument: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  check(
    argument,
    isValidCountryCode(value) ? null : `must be an ISO 3166-1 alpha-2 country code such as "KP" (got "${value}")`,
  );
  return normalizeCountryCode(value);
}

/** An id of the expected kind(s), or BAD_USER_INPUT. */
export function idArg(argument: string, id: string, allowed?: NodeLabel[]): NodeLabel {
  const label = labelOfId(id);
  if (!label) throw badInput(argument, `is not a Collier id (ids look like "vessel:wise-honest"; got "${id}")`);
  if (allowed && !allowed.includes(label)) {
    throw badInput(argument, `must be the id of a ${allowed.join(' or ')} (got a ${label} id)`);
  }
  return label;
}
