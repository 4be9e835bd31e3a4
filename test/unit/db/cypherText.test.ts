/** compactCypher: the same statement for Neo4j, without indentation and comments. */
import { compactCypher } from '../../../src/db/cypherText';

describe('compactCypher', () => {
  it('drops comments and makes every run of whitespace one space', () => {
    const text = `
CALL {
  // a comment, with 'quotes' in it
  MATCH (p:Port)   WHERE p.id = $id\t// and another
  RETURN p
}
RETURN   p.name AS name
`;
    expect(compactCypher(text)).toBe('CALL { MATCH (p:Port) WHERE p.id = $id RETURN p } RETURN p.name AS name');
  });

  it('keeps string literals and quoted names as they are (spaces, // and escaped quotes in them)', () => {
    const text = `RETURN 'a  b // c' AS x,  "d\\"  e" AS \`y  z\`, 'it\\'s  // so' AS w`;
    expect(compactCypher(text)).toBe(`RETURN 'a  b // c' AS x, "d\\"  e" AS \`y  z\`, 'it\\'s  // so' AS w`);
  });

  it('leaves a compact statement unchanged', () => {
    const text = 'MATCH (l:Leg {id: $id}) RETURN l.id AS id';
    expect(compactCypher(text)).toBe(text);
  });
});
