import { parseJsonlLine } from '../../../src/import/jsonl';

const SRC = ['https://example.org/reports/test-shipments-2024'];

describe('Collier JSON Lines', () => {
  it('reads one fact per line, typed by "type"', () => {
    const f = parseJsonlLine(
      JSON.stringify({
        type: 'company',
        name: 'Example Holdings Ltd',
        country: 'hk',
        imoCompanyNumber: 'IMO1000123',
        sources: SRC,
      }),
    );
    expect(f).toMatchObject({
      type: 'company',
      name: 'Example Holdings Ltd',
      countryCode: 'HK',
      imoCompanyNumber: '1000123',
    });
  });

  it.each([
    ['{"type": "vessel", "name": ', /not valid JSON/],
    ['[1, 2]', /one JSON object/],
    ['{"type": "ship", "name": "x"}', /type: must be one of source, vessel/],
  ])('explains why %s is not a fact', (line, message) => {
    expect(() => parseJsonlLine(line)).toThrow(message);
  });
});
