/**
 * The breaking-change rule on small schemas: what GraphQL Inspector rates BREAKING fails unless what it
 * touches was @deprecated long enough first (or is explicitly accepted); additions pass.
 */
import { DEPRECATION_DAYS, judgeHistory, SchemaVersion, StepResult } from '../../../../scripts/schema/rules';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-01-01T00:00:00Z');

function v(label: string, day: number, sdl: string): SchemaVersion {
  return { label, date: new Date(T0.getTime() + day * DAY), sdl };
}

const BASE = `
type Query {
  vessel(id: ID!): Vessel
  vessels(first: Int): [Vessel!]!
}
type Vessel { id: ID! name: String! imo: String kind: Kind }
enum Kind { BULK TANKER }
`;

function violations(steps: StepResult[]): string[] {
  return steps.flatMap((s) => s.breaking.filter((b) => b.verdict === 'violation').map((b) => `${b.type} ${b.path}`));
}

function allowed(steps: StepResult[]): string[] {
  return steps.flatMap((s) => s.breaking.filter((b) => b.verdict !== 'violation').map((b) => `${b.type} ${b.path}`));
}

describe('breaking-change rule', () => {
  it('fails when a field that was never deprecated is removed', async () => {
    const steps = await judgeHistory([v('a', 0, BASE), v('b', 100, BASE.replace('imo: String ', ''))]);
    expect(violations(steps)).toEqual(['FIELD_REMOVED Vessel.imo']);
    expect(steps[0].breaking[0].why).toMatch(/not deprecated first/);
  });

  it(`passes when the removed field was deprecated at least ${DEPRECATION_DAYS} days before`, async () => {
    const deprecated = BASE.replace('imo: String', 'imo: String @deprecated(reason: "Use identifiers")');
    const steps = await judgeHistory([
      v('a', 0, BASE),
      v('deprecate', 10, deprecated),
      v('remove', 10 + DEPRECATION_DAYS, BASE.replace('imo: String ', '')),
    ]);
    expect(violations(steps)).toEqual([]);
    expect(allowed(steps)).toEqual(['FIELD_REMOVED Vessel.imo']);
  });

  it('fails when the deprecation is younger than the policy, even in a later commit (no dodging by splitting)', async () => {
    const deprecated = BASE.replace('imo: String', 'imo: String @deprecated(reason: "Use identifiers")');
    const steps = await judgeHistory([
      v('a', 0, BASE),
      v('deprecate', 10, deprecated),
      v('unrelated', 15, `${deprecated}\ntype Extra { x: Int }`),
      v('remove', 10 + DEPRECATION_DAYS - 1, `${BASE.replace('imo: String ', '')}\ntype Extra { x: Int }`),
    ]);
    expect(violations(steps)).toEqual(['FIELD_REMOVED Vessel.imo']);
    expect(steps.at(-1)?.breaking[0].why).toMatch(/only 29 days/);
  });

  it('restarts the clock when a deprecation is withdrawn and added again', async () => {
    const deprecated = BASE.replace('imo: String', 'imo: String @deprecated(reason: "Use identifiers")');
    const steps = await judgeHistory([
      v('a', 0, deprecated),
      v('undeprecate', 40, BASE),
      v('deprecate again', 50, deprecated),
      v('remove', 60, BASE.replace('imo: String ', '')),
    ]);
    expect(violations(steps)).toEqual(['FIELD_REMOVED Vessel.imo']);
  });

  it('fails when a new required argument is added', async () => {
    const steps = await judgeHistory([
      v('a', 0, BASE),
      v('b', 1, BASE.replace('vessels(first: Int)', 'vessels(first: Int, flag: String!)')),
    ]);
    expect(violations(steps)).toEqual(['FIELD_ARGUMENT_ADDED Query.vessels.flag']);
  });

  it('fails when a non-null argument or input field loses its default (it becomes required)', async () => {
    const withDefaults = `${BASE}\ninput Window { days: Int! = 30 }`.replace(
      'vessels(first: Int)',
      'vessels(first: Int! = 10, window: Window)',
    );
    const steps = await judgeHistory([
      v('a', 0, withDefaults),
      v('b', 1, withDefaults.replace('Int! = 10', 'Int!').replace('Int! = 30', 'Int!')),
      v('c', 2, withDefaults.replace('Int! = 10', 'Int').replace('Int! = 30', 'Int! = 7')),
    ]);
    expect(violations(steps).sort()).toEqual([
      'FIELD_ARGUMENT_DEFAULT_CHANGED Query.vessels.first',
      'INPUT_FIELD_DEFAULT_VALUE_CHANGED Window.days',
    ]);
    expect(steps[0].breaking.map((b) => b.message).join('\n')).toMatch(/is now required/);
    expect(steps[1].dangerous.length).toBeGreaterThan(0); // a nullable argument, or another default: passes
  });

  it('fails when an optional argument becomes required, or a field changes its type', async () => {
    const steps = await judgeHistory([
      v('a', 0, BASE),
      v('b', 1, BASE.replace('vessels(first: Int)', 'vessels(first: Int!)').replace('name: String!', 'name: Int!')),
    ]);
    expect(violations(steps).sort()).toEqual([
      'FIELD_ARGUMENT_TYPE_CHANGED Query.vessels.first',
      'FIELD_TYPE_CHANGED Vessel.name',
    ]);
  });

  it('passes when an optional argument, a field, a type or an enum value is added', async () => {
    const grown = BASE.replace('vessels(first: Int)', 'vessels(first: Int, flag: String, after: String = null)')
      .replace('kind: Kind }', 'kind: Kind mmsi: String owner: Owner }\ntype Owner { name: String! }')
      .replace('TANKER', 'TANKER REEFER');
    const steps = await judgeHistory([v('a', 0, BASE), v('b', 1, grown)]);
    expect(violations(steps)).toEqual([]);
    expect(allowed(steps)).toEqual([]);
  });

  it('fails when an enum value or a type is removed without deprecation; passes after it', async () => {
    const noTanker = BASE.replace(' TANKER', '');
    expect(violations(await judgeHistory([v('a', 0, BASE), v('b', 99, noTanker)]))).toEqual([
      'ENUM_VALUE_REMOVED Kind.TANKER',
    ]);
    const deprecated = BASE.replace('TANKER', 'TANKER @deprecated(reason: "Use BULK")');
    expect(violations(await judgeHistory([v('a', 0, deprecated), v('b', DEPRECATION_DAYS, noTanker)]))).toEqual([]);

    const withOwner = `${BASE}\ntype Owner { name: String! }`.replace('kind: Kind }', 'kind: Kind owner: Owner }');
    const ownerDeprecated = withOwner.replace('owner: Owner', 'owner: Owner @deprecated(reason: "Use parties")');
    expect(violations(await judgeHistory([v('a', 0, withOwner), v('b', 99, BASE)]))).toEqual([
      'TYPE_REMOVED Owner',
      'FIELD_REMOVED Vessel.owner',
    ]);
    expect(violations(await judgeHistory([v('a', 0, ownerDeprecated), v('b', DEPRECATION_DAYS, BASE)]))).toEqual([]);
  });

  it('passes a break listed, with a reason, as accepted', async () => {
    const steps = await judgeHistory(
      [v('a', 0, BASE), v('b', 1, BASE.replace('imo: String ', ''))],
      [{ path: 'Vessel.imo', type: 'FIELD_REMOVED', reason: 'never released' }],
    );
    expect(violations(steps)).toEqual([]);
    expect(steps[0].breaking[0].why).toBe('accepted: never released');
  });

  it('is the policy the README documents', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
    expect(readme.includes(`deprecated for at least ${DEPRECATION_DAYS} days`)).toBe(true);
  });
});
