/**
 * The schema as a file: `schema.graphql` at the repository root is the SDL of the schema the service
 * builds, printed in a stable order (types, fields and arguments sorted), with every description and
 * `@deprecated` directive. `npm run schema` writes it; tests and `npm run schema:check` compare with it.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildCollierSchema } from '../../src/server';

/** The repository root, from the source (scripts/schema) or the compiled file (dist/scripts/schema). */
export const REPO_ROOT = findRoot(__dirname);
export const SCHEMA_FILE = path.join(REPO_ROOT, 'schema.graphql');
/** The file's path for git (`git show <commit>:schema.graphql`). */
export const SCHEMA_GIT_PATH = 'schema.graphql';

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** SDL in the committed form: sorted lexicographically, ending with one newline. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** The SDL of the schema the service serves, built without a database. */
export async function collierSdl(): Promise<string> {
  return printSdl(await buildCollierSchema());
}

export const REGENERATE_HINT =
  'schema.graphql is not the schema the service builds. Run `npm run schema` to regenerate it and commit the file ' +
  '(this is expected after any API change, including merged branches that add descriptions or fields; review the diff).';
