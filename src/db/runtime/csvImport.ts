import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import {
  LocalNeo4jLog,
  JVM_FLAGS,
  noLog,
  runtimePaths,
  javaCommand,
  STDERR_TAIL_LINES,
  buildNeo4jRuntime,
} from './build';

/**
 * Neo4j's offline bulk importer (`neo4j-admin database import full`, from the runtime's own jars) into
 * the database `neo4j` of a data folder that `startLocalNeo4j` will then serve: the embedded launcher
 * keeps its store under `<dataDir>/data`, the same layout neo4j-admin writes with NEO4J_HOME=dataDir.
 * Any store already there is replaced. `files` are CSV files, each with its own header line.
 */
export async function importCsvIntoLocalNeo4j(opts: {
  dataDir: string;
  nodeFiles: string[];
  relationshipFiles: string[];
  arrayDelimiter: string;
  heap?: string;
  maxOffHeap?: string;
  log?: LocalNeo4jLog;
}): Promise<{ ms: number }> {
  const log = opts.log ?? noLog;
  await buildNeo4jRuntime(log);
  const paths = runtimePaths();
  const home = path.resolve(opts.dataDir);
  const conf = path.join(home, 'conf');
  fs.mkdirSync(conf, { recursive: true });
  fs.writeFileSync(
    path.join(conf, 'neo4j.conf'),
    '# written by Collier for neo4j-admin import; the launcher does not read it\n',
  );
  // picocli reads the long list of files from an argument file.
  const argFile = path.join(home, 'import.args');
  const quote = (a: string) => `"${a.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  fs.writeFileSync(
    argFile,
    [
      '--id-type=string',
      `--array-delimiter=${opts.arrayDelimiter}`,
      '--overwrite-destination=true',
      `--max-off-heap-memory=${opts.maxOffHeap ?? '4g'}`,
      `--report-file=${path.join(home, 'logs', 'import.report')}`,
      ...opts.nodeFiles.map((f) => `--nodes=${f}`),
      ...opts.relationshipFiles.map((f) => `--relationships=${f}`),
    ]
      .map(quote)
      .join('\n'),
  );
  fs.mkdirSync(path.join(home, 'logs'), { recursive: true });
  const args = [
    `-Xmx${opts.heap ?? '2g'}`,
    ...JVM_FLAGS,
    '-cp',
    path.join(paths.lib, '*'),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    'neo4j', // the database, before the file lists (which take every word after them)
    `@${argFile}`,
  ];
  const started = Date.now();
  const child = spawn(javaCommand(), args, {
    cwd: home,
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > STDERR_TAIL_LINES) tail.shift();
      log('neo4j.import', { line });
    });
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  if (code !== 0) throw new Error(`neo4j-admin database import failed (exit ${code}):\n${tail.join('\n')}`);
  return { ms: Date.now() - started };
}
