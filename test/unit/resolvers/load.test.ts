import { present } from '../../../src/resolvers/load';

describe('present', () => {
  it('keeps the loads that came back, in order, and drops missing (null) and failed (Error) ones', () => {
    const a = { id: 'vessel:a' };
    const b = { id: 'vessel:b' };
    expect(present([a, null, new Error('boom'), undefined, b])).toEqual([a, b]);
  });

  it('answers an empty list for no loads', () => {
    expect(present([])).toEqual([]);
  });
});
