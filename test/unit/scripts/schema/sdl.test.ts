/** schema.graphql at the repository root is exactly the schema the service builds (no database needed). */
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { collierSdl, REGENERATE_HINT, SCHEMA_FILE } from '../../../../scripts/schema/sdl';

describe('schema.graphql', () => {
  it('equals the schema the service builds (otherwise: run `npm run schema`)', async () => {
    const built = await collierSdl();
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== built) {
      const a = committed.split('\n');
      const b = built.split('\n');
      const at = a.findIndex((l, i) => l !== b[i]);
      throw new Error(`${REGENERATE_HINT}\nFirst difference at line ${at + 1}:\n  file:  ${a[at]}\n  built: ${b[at]}`);
    }
  });

  it('is valid SDL with the query root, descriptions and a stable order', async () => {
    const sdl = await collierSdl();
    const schema = buildSchema(sdl);
    expect(schema.getQueryType()?.name).toBe('Query');
    expect(sdl).toContain('"""');
    const typeNames = [...sdl.matchAll(/^(?:type|input|enum|interface|union|scalar) (\w+)/gm)].map((m) => m[1]);
    expect(typeNames).toEqual([...typeNames].sort());
  });
});
