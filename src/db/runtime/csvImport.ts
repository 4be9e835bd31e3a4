import * as fs from 'fs';
import * as path from 'path';
import { LocalNeo4jLog, noLog, buildNeo4jRuntime } from './build';
import { runAdminTool } from './adminTool';

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
  const home = path.resolve(opts.dataDir);
  fs.mkdirSync(home, { recursive: true });
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
  // the database, before the file lists (which take every word after them)
  const { ms } = await runAdminTool(home, ['database', 'import', 'full', 'neo4j', `@${argFile}`], {
    heap: opts.heap ?? '2g',
    log: (line) => log('neo4j.import', { line }),
  });
  return { ms };
}
