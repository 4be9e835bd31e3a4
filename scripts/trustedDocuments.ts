/**
 * Writes the trusted-documents manifest (dist/trusted-documents.json, or the path given): every request
 * text the playground and the route explorer send, by SHA-256. Part of `npm run build:ts`. The
 * explorer's entity details are composed per click from fragments; the manifest holds the request for
 * one entity of each kind (several at once are not in it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import ts from 'typescript';
import { buildManifest } from '../src/ops/trustedDocuments';
import { findRepoRoot } from '../src/db/runtime/build';

const ROOT = findRepoRoot();

/**
 * A front-end module's exports. They are read from the source (both modules import nothing), not
 * compiled into dist/, where the front-ends' own bundles live.
 */
function load<T>(file: string): T {
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as T };
  vm.runInNewContext(outputText, { module, exports: module.exports }, { filename: file });
  return module.exports;
}

interface ExplorerQueries {
  SEARCH_PORTS: string;
  TRACE: string;
  DESTINATIONS: string;
  NEIGHBORHOOD: string;
  EXPORT_QUERIES: Record<string, string>;
  KIND_OF_PREFIX: Record<string, string>;
  detailsQuery(ids: string[]): { query: string };
}

export function frontEndDocuments(): string[] {
  const { exampleTabs } = load<{ exampleTabs: { query: string }[] }>('playground/examples.ts');
  const explorer = load<ExplorerQueries>('explorer/queries.ts');
  return [
    ...exampleTabs.map((t) => t.query),
    explorer.SEARCH_PORTS,
    explorer.TRACE,
    explorer.DESTINATIONS,
    explorer.NEIGHBORHOOD,
    ...Object.values(explorer.EXPORT_QUERIES),
    ...Object.keys(explorer.KIND_OF_PREFIX).map((prefix) => explorer.detailsQuery([`${prefix}:x`]).query),
  ];
}

if (require.main === module) {
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist', 'trusted-documents.json'));
  const manifest = buildManifest(frontEndDocuments());
  fs.writeFileSync(out, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`trusted documents: ${manifest.operations.length} operations in ${out}\n`);
}
