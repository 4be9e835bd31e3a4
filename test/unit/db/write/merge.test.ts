import { mergedProps } from '../../../../src/db/write/merge';

describe('what a merge keeps', () => {
  const keep = {
    id: 'vessel:test-vessel-alpha-1000019',
    name: 'Test Vessel Alpha',
    imo: '1000019',
    vesselType: null,
    otherNames: ['Test Vessel Delta'],
    sourceIds: ['source:a'],
  };
  const remove = {
    id: 'vessel:test-vessel-alpha-duplicate',
    name: 'Test Vessel Alpha Duplicate',
    imo: null,
    vesselType: 'bulk carrier',
    description: 'an older record',
    otherNames: ['Test Vessel Delta', 'Test Vessel Echo'],
    sourceIds: ['source:b', 'source:a'],
  };

  it('fills the gaps of the kept entity, joins names and sources, and keeps its own identity', () => {
    expect(mergedProps(keep, remove, 'Vessel')).toEqual({
      vesselType: 'bulk carrier',
      description: 'an older record',
      otherNames: ['Test Vessel Delta', 'Test Vessel Echo', 'Test Vessel Alpha Duplicate'],
      aliasesText: 'Test Vessel Delta | Test Vessel Echo | Test Vessel Alpha Duplicate',
      sourceIds: ['source:a', 'source:b'],
    });
  });

  it('takes a natural key only when the kept entity has none', () => {
    expect(mergedProps({ ...keep, imo: null }, { ...remove, imo: '1000021' }, 'Vessel').imo).toBe('1000021');
    expect(mergedProps(keep, { ...remove, imo: '1000021' }, 'Vessel').imo).toBeUndefined();
  });

  it('gives companies and persons the removed name as an alias', () => {
    expect(
      mergedProps(
        { name: 'Example Holdings Ltd', aliases: [] },
        { name: 'Example Holdings Limited', aliases: [] },
        'Company',
      ),
    ).toEqual({
      aliases: ['Example Holdings Limited'],
      aliasesText: 'Example Holdings Limited',
    });
  });
});
