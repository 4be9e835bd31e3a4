/**
 * `neo4j-admin` (org.neo4j.cli.AdminTool, from the runtime's own jars) on a local data folder: the
 * embedded launcher keeps its store under `<dataDir>/data`, the layout neo4j-admin uses with
 * NEO4J_HOME = dataDir. Used by the bulk CSV import and by backup and restore.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { JVM_FLAGS, runtimePaths, javaCommand, STDERR_TAIL_LINES } from './build';

/** Runs neo4j-admin with NEO4J_HOME = `home` (a stub conf/neo4j.conf is written when there is none); throws with its last lines when it fails. */
export async function runAdminTool(
  home: string,
  commandArgs: string[],
  opts: { heap?: string; log?: (line: string) => void } = {},
): Promise<{ ms: number; output: string[] }> {
  const paths = runtimePaths();
  const conf = path.join(home, 'conf');
  fs.mkdirSync(conf, { recursive: true });
  const confFile = path.join(conf, 'neo4j.conf');
  if (!fs.existsSync(confFile)) {
    fs.writeFileSync(confFile, '# written by Collier for neo4j-admin; the launcher does not read it\n');
  }
  const args = [`-Xmx${opts.heap ?? '1g'}`, ...JVM_FLAGS, '-cp', path.join(paths.lib, '*'), 'org.neo4j.cli.AdminTool'];
  const started = Date.now();
  const child = spawn(javaCommand(), [...args, ...commandArgs], {
    cwd: home,
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > STDERR_TAIL_LINES) tail.shift();
      opts.log?.(line);
    });
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  if (code !== 0) {
    throw new Error(`neo4j-admin ${commandArgs.slice(0, 2).join(' ')} failed (exit ${code}):\n${tail.join('\n')}`);
  }
  return { ms: Date.now() - started, output: tail };
}
