/**
 * schema.graphql is what the running service serves: the schema introspected over HTTP, printed the
 * way `npm run schema` prints, equals the committed file.
 */
import { readFileSync } from 'node:fs';
import { buildClientSchema, getIntrospectionQuery, IntrospectionQuery } from 'graphql';
import { printSdl, REGENERATE_HINT, SCHEMA_FILE } from '../../scripts/schema/sdl';
import { startTestService, TestService } from './harness';

describe('the served schema', () => {
  let svc: TestService;
  beforeAll(async () => {
    // introspection on explicitly: this test reads the schema the way a client's tooling does
    svc = await startTestService({ seed: 'keep', env: { GRAPHQL_INTROSPECTION: 'true' } });
  });
  afterAll(async () => {
    await svc.close();
  });

  it('equals schema.graphql (introspected over HTTP and printed)', async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const res = await svc.gql<IntrospectionQuery>(query);
    expect(res.errors).toBeUndefined();
    const served = printSdl(buildClientSchema(res.data!));
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (served !== committed) {
      const a = committed.split('\n');
      const b = served.split('\n');
      const at = a.findIndex((l, i) => l !== b[i]);
      throw new Error(
        `${REGENERATE_HINT}\nFirst difference at line ${at + 1}:\n  file:   ${a[at]}\n  served: ${b[at]}`,
      );
    }
    expect(served).toBe(committed);
  });
});
