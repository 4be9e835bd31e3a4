/**
 * npm run schema — writes schema.graphql (the SDL of the schema the service builds; no database needed).
 * `npm run schema -- --stdout` prints it instead.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { collierSdl, SCHEMA_FILE } from './sdl';

async function main(): Promise<void> {
  const sdl = await collierSdl();
  if (process.argv.includes('--stdout')) {
    process.stdout.write(sdl);
    return;
  }
  writeFileSync(SCHEMA_FILE, sdl);
  process.stderr.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE) || SCHEMA_FILE} (${sdl.length} bytes)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
