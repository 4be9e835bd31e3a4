import { Database, StatementCounter } from '../../../src/db/database';
import { NamedPageQuery, readNamedPage } from '../../../src/db/read/page';

type Row = Record<string, unknown>;

/**
 * A Database answering a page's statements from a list of vessel ids (in page order), as Neo4j would:
 * `ids` the page's ids, each half its items (`item-<id>`); `moved` gives the second statement another
 * view of the page (a write between the two reads).
 */
function fakeDb(all: string[], moved?: string[]) {
  const sent: { cypher: string; params: Row }[] = [];
  const db = {
    alone: true,
    read: (cypher: string, params: Row, counter?: StatementCounter) => {
      if (counter) counter.count++;
      return Promise.resolve(answer(cypher, params));
    },
  } as unknown as Database;
  const answer = (cypher: string, params: Row) => {
    sent.push({ cypher, params });
    const view = moved && sent.length > 1 ? moved : all;
    const num = (k: string) => Number((params[k] as { toNumber(): number }).toNumber());
    const page = view.slice(num('offset'), num('offset') + num('first'));
    if (!cypher.includes('$partOffset')) {
      // the page as one statement
      const rows = page.map((id) => ({ total: view.length, item: `item-${id}` }));
      return rows.length > 0 ? rows : [{ total: view.length, item: null }];
    }
    const part = view.slice(num('partOffset'), num('partOffset') + num('partFirst'));
    const withCount = cypher.includes('count(');
    const ids = page.map((id) => `${id} `).join('');
    const rows = part.map((id) => ({ ...(withCount ? { total: view.length } : {}), ids, item: `item-${id}`, id }));
    return rows.length > 0 ? rows : [{ ...(withCount ? { total: view.length } : {}), ids, item: null, id: null }];
  };
  return { db, sent };
}

const vessels = Array.from({ length: 30 }, (_, i) => `vessel:${String(i).padStart(2, '0')}`);
const query = (first: number, offset = 0): NamedPageQuery => ({
  label: 'Vessel',
  variable: 'v',
  where: '',
  params: {},
  offset,
  first,
  item: '[v.id]',
  halves: true,
});

describe('a page of large items read in two halves at once', () => {
  it('answers the items of the one statement, in order, with the count, from two statements', async () => {
    for (const [first, offset] of [
      [20, 0],
      [21, 3],
      [16, 20], // the second half short
      [16, 28], // the second half empty
      [16, 40], // past the end: no items
    ]) {
      const halves = fakeDb(vessels);
      const one = fakeDb(vessels);
      const counter = new StatementCounter();
      const read = await readNamedPage(halves.db, query(first, offset), counter);
      const expected = await readNamedPage(one.db, { ...query(first, offset), halves: false });
      expect([first, offset, read]).toEqual([first, offset, expected]);
      expect(counter.count).toBe(2);
      // the count in the first statement only; the halves cover the page
      expect(halves.sent.map((s) => s.cypher.includes('count('))).toEqual([true, false]);
      const parts = halves.sent.map((s) => [
        (s.params.partOffset as { toNumber(): number }).toNumber(),
        (s.params.partFirst as { toNumber(): number }).toNumber(),
      ]);
      expect(parts).toEqual([
        [offset, Math.ceil(first / 2)],
        [offset + Math.ceil(first / 2), first - Math.ceil(first / 2)],
      ]);
    }
  });

  it('reads the page as one statement where a write moved it between the two reads', async () => {
    // a vessel deleted before the second statement: its half would skip one
    const moved = vessels.filter((v) => v !== 'vessel:03');
    const { db, sent } = fakeDb(vessels, moved);
    const counter = new StatementCounter();
    const read = await readNamedPage(db, query(20), counter);
    expect(counter.count).toBe(3);
    expect(sent[2].cypher).not.toContain('$partOffset');
    // the third statement's view, whole
    expect(read.items).toEqual(moved.slice(0, 20).map((id) => `item-${id}`));
  });

  it('keeps one statement for a page not asked to be halved, or while the request does not have Neo4j to itself', async () => {
    const { db, sent } = fakeDb(vessels);
    await readNamedPage(db, { ...query(20), halves: false });
    expect(sent).toHaveLength(1);
    (db as { alone: boolean }).alone = false;
    await readNamedPage(db, query(20));
    expect(sent).toHaveLength(2);
    expect(sent[1].cypher).not.toContain('$partOffset');
  });
});
