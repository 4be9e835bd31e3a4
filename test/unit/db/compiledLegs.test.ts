import { compileList, decodeList, LegsPlan } from '../../../src/db/read/compiled';

const idsOnly: LegsPlan = { kind: 'legs', key: 'legs', props: ['id'] };

describe("a vessel's leg ids in a compiled read", () => {
  it('are read as one text where every id is text without the separator, else as the list', () => {
    const { cypher } = compileList(['Vessel'], idsOnly);
    expect(cypher).toContain("reduce(s = '', v0 IN ls0 | s + v0 + ' ')");
    expect(cypher).toContain("CASE WHEN all(v0 IN ls0 WHERE v0 IS :: STRING NOT NULL AND NOT v0 CONTAINS ' ')");
    expect(cypher).toContain('ELSE ls0 END');
  });

  it('decode to the same records from the text and from the list', () => {
    const ids = ['leg:a-1', 'leg:b-2', 'leg:c-3'];
    const fromText = decodeList(idsOnly, 'leg:a-1 leg:b-2 leg:c-3 ', 'vessel:v');
    const fromList = decodeList(idsOnly, ids, 'vessel:v');
    expect(fromText).toEqual(ids.map((id) => ({ id, typename: 'Leg' })));
    expect(fromList).toEqual(fromText);
  });

  it('decode an empty text as no legs', () => {
    expect(decodeList(idsOnly, '', 'vessel:v')).toEqual([]);
  });
});
