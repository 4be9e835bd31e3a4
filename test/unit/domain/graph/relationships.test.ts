import { IN_LINKS, OUT_LINKS, RELATIONSHIP_TYPES } from '../../../../src/domain/graph';
import { RelationType } from '../../../../src/domain/enums';

describe('the stored relationship types', () => {
  it('lists every type once, in the order allow-lists and messages show them', () => {
    const movement = 'ON FROM TO DESTINATION USED FROM_VESSEL TO_VESSEL AT FROM_LEG TO_LEG';
    expect(RELATIONSHIP_TYPES.join(' ')).toBe(
      `IN CITED_IN CLAIMED FLAG ${Object.values(RelationType).join(' ')} ${movement} DESIGNATED ABOUT NEXT`,
    );
    expect(new Set(RELATIONSHIP_TYPES).size).toBe(RELATIONSHIP_TYPES.length);
  });

  it('holds every structural edge the write planner writes', () => {
    for (const t of [...OUT_LINKS, ...IN_LINKS]) expect(RELATIONSHIP_TYPES).toContain(t);
    expect(OUT_LINKS.slice(0, 2)).toEqual(['IN', 'FLAG']);
  });
});
