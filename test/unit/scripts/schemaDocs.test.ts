/**
 * The served schema is documented and keeps the schema lint (issue 22): every type, field, argument,
 * input field and enum value has a description, and the printed SDL passes the rules of
 * schema-lint.cjs (descriptions, naming, Relay shapes, no unreachable types) but for its documented
 * exceptions. Built from the code as src/server.ts builds it: no database.
 */
import { GraphQLSchema } from 'graphql';
import { ESLint } from 'eslint';
import { buildCollierSchema } from '../../../src/server';
import { describeCoverage, printCollierSchema } from '../../../scripts/schemaDocs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { schemaLintConfig, EXCEPTIONS } = require('../../../schema-lint.cjs') as {
  schemaLintConfig: (files: string[], schema: string) => object;
  EXCEPTIONS: Record<string, Record<string, string>>;
};

async function lint(sdl: string): Promise<ESLint.LintResult> {
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfigFile: true,
    overrideConfig: [schemaLintConfig(['**/*.graphql'], sdl)] as ESLint.Options['overrideConfig'],
  });
  const [result] = await eslint.lintText(sdl, { filePath: 'schema.graphql' });
  return result;
}

describe('the served schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildCollierSchema();
  });

  it('describes every type, field, argument, input field and enum value', () => {
    const report = describeCoverage(schema);
    expect(report.total).toBeGreaterThan(900);
    expect(report.missing).toEqual([]);
  });

  it('passes the schema lint', async () => {
    const result = await lint(printCollierSchema(schema));
    expect(result.messages.map((m) => `${m.line}: ${m.ruleId}: ${m.message}`)).toEqual([]);
  });

  it('lists only exceptions that the schema still needs', () => {
    for (const names of Object.values(EXCEPTIONS)) {
      for (const name of Object.keys(names)) expect(schema.getType(name)).toBeDefined();
    }
  });
});

describe('the schema lint', () => {
  it('fails a schema with an undocumented field, a misnamed input and a Relay edge without a cursor', async () => {
    const sdl = `
"""Reads."""
type Query {
  """Ships."""
  ships(
    """Which."""
    where: ShipWhere
  ): ShipConnection!
}

"""A ship."""
type Ship {
  name: String
}

"""Which ships."""
input ShipWhere {
  """Part of a name."""
  name: String
}

"""A page of ships."""
type ShipConnection {
  """The ships."""
  edges: [ShipEdge!]!
  """The page."""
  pageInfo: PageInfo!
}

"""A ship on a page."""
type ShipEdge {
  """The ship."""
  node: Ship!
}

"""Where a page sits."""
type PageInfo {
  """More after."""
  hasNextPage: Boolean!
  """More before."""
  hasPreviousPage: Boolean!
  """First cursor."""
  startCursor: String
  """Last cursor."""
  endCursor: String
}
`;
    const rules = (await lint(sdl)).messages.map((m) => m.ruleId);
    expect(rules).toEqual(
      expect.arrayContaining([
        '@graphql-eslint/require-description',
        '@graphql-eslint/naming-convention',
        '@graphql-eslint/relay-edge-types',
      ]),
    );
  });
});
