/** A vessel's events in time order: dated events by their earliest day, undated ones last. */
export interface Dated {
  date: { from: string | null; to: string | null } | null;
}

export function sortByDate<T extends Dated>(events: T[]): T[] {
  const key = (e: T) => e.date?.from ?? e.date?.to ?? '9999-12-31';
  return [...events].sort((a, b) => key(a).localeCompare(key(b)));
}
