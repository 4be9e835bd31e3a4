/** What the command-line scripts share: reading the configuration, the database they write to, exit codes. */
import { Config, ConfigError, loadConfig } from '../src/config';
import { createDriver, Database } from '../src/db/database';

/** A mistake in the command's arguments: reported with its usage line, exit status 2. */
export class UsageError extends Error {}

/** The Neo4j the service uses: NEO4J_URI, or the local runtime on NEO4J_BOLT_PORT. */
export function openDatabase(config: Config): Database {
  const uri = config.neo4j.uri ?? `bolt://127.0.0.1:${config.localNeo4j.boltPort}`;
  const driver = createDriver(uri, config.neo4j.user, config.neo4j.password, config.neo4j.connectionTimeoutMs);
  return new Database(driver, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });
}

/** Parses the arguments and reads the configuration; null (after printing why and the usage) when either is wrong. */
export function startCli<A>(
  name: string,
  usage: string,
  parse: (argv: string[]) => A,
): { args: A; config: Config } | null {
  try {
    return { args: parse(process.argv.slice(2)), config: loadConfig() };
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`${name}: ${error.message}\nusage: ${usage}\n`);
      return null;
    }
    throw error;
  }
}

/** Runs the command and exits with its status (1, with the reason, when it throws). */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
