/** The labels a walk's anchors seek ids under: the kinds' labels, else every label of the model. */
import { anchorLabels, anchors, ENTITY_LABELS } from '../../../src/db/read/traversal';

describe('anchorLabels', () => {
  it("seeks an id only under the label its kind names, two ids under their kinds' labels in the model's order", () => {
    expect(anchorLabels(['vessel:wise-honest'])).toEqual(['Vessel']);
    expect(anchorLabels(['port:nampho', 'vessel:wise-honest', 'vessel:other'])).toEqual(['Vessel', 'Port']);
    expect(anchorLabels(['identity:x'])).toEqual(['IdentityClaim']);
  });

  it('seeks under every label when an id has no kind of the model, or the ids name more than two labels', () => {
    expect(anchorLabels(['vessel:a', 'no-kind'])).toBe(ENTITY_LABELS);
    expect(anchorLabels(['spaceship:x'])).toBe(ENTITY_LABELS);
    expect(anchorLabels(['vessel:a', 'port:b', 'company:c'])).toBe(ENTITY_LABELS);
    expect(anchorLabels([])).toBe(ENTITY_LABELS);
  });

  it('writes only labels of the model', () => {
    expect(anchors('$ids', 's', ['Vessel'])).toBe('MATCH (s:Vessel) WHERE s.id IN $ids');
    expect(anchors('$ids', 's', ['Vessel', 'Port'])).toBe(
      'CALL () { MATCH (s:Vessel) WHERE s.id IN $ids RETURN s UNION ALL MATCH (s:Port) WHERE s.id IN $ids RETURN s }',
    );
    expect(() => anchors('$ids', 's', ['Vessel) DETACH DELETE (s' as never])).toThrow(/not a label/);
  });
});
