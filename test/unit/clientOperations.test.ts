/**
 * The operations the front-ends send are valid against the schema the service builds, so a schema
 * change that would break the playground's examples or the route explorer fails the build.
 *
 * Documents are found, not listed: every export of the modules that hold them is walked (strings,
 * arrays, records); a function export must say here how to call it, or the test fails; and no other
 * file of either front-end may contain a GraphQL document of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  NoUnusedFragmentsRule,
  OperationDefinitionNode,
  OperationTypeNode,
  SelectionSetNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import ts from 'typescript';
import { buildCollierSchema } from '../../src/server';
import { loadConfig } from '../../src/config';
import { HEAVY_FIELDS } from '../../src/costModel';
import * as explorerQueries from '../../explorer/queries';
import * as explorerWorkspaceQueries from '../../explorer/workspaceQueries';
import * as playgroundExamples from '../../playground/examples';

const ROOT = path.resolve(__dirname, '../..');

/** The modules that hold every document a front-end sends, and how to call their function exports. */
const DOCUMENT_MODULES: {
  file: string;
  exports: Record<string, unknown>;
  functions: Record<string, (() => string[]) | 'not a document'>;
}[] = [
  {
    file: 'explorer/queries.ts',
    exports: explorerQueries,
    functions: {
      exportQuery: () => explorerQueries.EXPORT_FORMATS.map((f) => explorerQueries.exportQuery(f)),
      // one request for an entity of every kind the explorer knows, and one of an unknown kind
      detailsQuery: () => [
        explorerQueries.detailsQuery([...Object.keys(explorerQueries.KIND_OF_PREFIX).map((p) => `${p}:x`), 'other:x'])
          .query,
      ],
      kindOfId: 'not a document',
    },
  },
  { file: 'explorer/workspaceQueries.ts', exports: explorerWorkspaceQueries, functions: {} },
  { file: 'playground/examples.ts', exports: playgroundExamples, functions: {} },
];

/** The front-ends' source: only DOCUMENT_MODULES may contain GraphQL documents. */
const FRONT_END_DIRS = ['explorer', 'playground'];

const DOCUMENT_START = /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription|fragment)\b\s*[A-Za-z_({]/;

interface Found {
  where: string;
  text: string;
}

function walk(value: unknown, where: string, out: Found[], problems: string[], functions: Record<string, unknown>) {
  if (typeof value === 'string') {
    if (DOCUMENT_START.test(value)) out.push({ where, text: value });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${where}[${i}]`, out, problems, functions));
  } else if (typeof value === 'function') {
    const call = functions[where];
    if (call === undefined) {
      problems.push(`${where} is a function: say in DOCUMENT_MODULES how to call it (or that it builds no document)`);
    } else if (typeof call === 'function') {
      (call as () => string[])().forEach((text, i) => out.push({ where: `${where}() #${i}`, text }));
    }
  } else if (value != null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`, out, problems, functions);
  }
}

function documentsOf(mod: (typeof DOCUMENT_MODULES)[number]): { found: Found[]; problems: string[] } {
  const found: Found[] = [];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(mod.exports)) {
    if (typeof value === 'function') walk(value, name, found, problems, mod.functions);
    else walk(value, name, found, problems, {});
  }
  return { found: found.map((f) => ({ ...f, where: `${mod.file}: ${f.where}` })), problems };
}

function check(schema: GraphQLSchema, doc: Found): string[] {
  let ast: DocumentNode;
  try {
    ast = parse(doc.text);
  } catch (error) {
    return [`${doc.where}: does not parse: ${(error as GraphQLError).message}`];
  }
  const hasOperation = ast.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
  // a fragment on its own is checked as a fragment (it is used in a request that composes it)
  const rules = hasOperation ? specifiedRules : specifiedRules.filter((r) => r !== NoUnusedFragmentsRule);
  return validate(schema, ast, rules).map((e) => `${doc.where}: ${e.message}`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.config.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** String and template literals in a source file that read as GraphQL documents. */
function literalDocuments(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const hits: string[] = [];
  const visit = (node: ts.Node) => {
    const text =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? node.text
        : ts.isTemplateExpression(node)
          ? node.head.text
          : null;
    if (text != null && DOCUMENT_START.test(text))
      hits.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return hits;
}

/** The analytics fields (costModel HEAVY_FIELDS) at the root of an operation, fragments spread, aliases each counted. */
function heavyFieldsOf(ast: DocumentNode, op: OperationDefinitionNode): string[] {
  const fragments = new Map(
    ast.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const fields = (set: SelectionSetNode): string[] =>
    set.selections.flatMap((s) =>
      s.kind === Kind.FIELD
        ? [s.name.value]
        : s.kind === Kind.INLINE_FRAGMENT
          ? fields(s.selectionSet)
          : fragments.has(s.name.value)
            ? fields(fragments.get(s.name.value)!.selectionSet)
            : [],
    );
  return fields(op.selectionSet).filter((name) => name in HEAVY_FIELDS);
}

describe('front-end operations', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildCollierSchema();
  });

  for (const mod of DOCUMENT_MODULES) {
    it(`${mod.file}: every document validates against the schema`, () => {
      const { found, problems } = documentsOf(mod);
      expect(found.length).toBeGreaterThan(0);
      expect([...problems, ...found.flatMap((doc) => check(schema, doc))]).toEqual([]);
    });
  }

  it('finds every document the explorer and the playground send', () => {
    const found = DOCUMENT_MODULES.flatMap((m) => documentsOf(m).found);
    const names = found.flatMap((f) =>
      parse(f.text).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [])),
    );
    // the walk reaches the explorer's requests, built ones included, and every playground tab
    for (const name of [
      'ExplorerSearch',
      'ExplorerTrace',
      'ExplorerDestinations',
      'ExplorerNeighborhood',
      'ExplorerExport',
      'ExplorerDetails',
    ]) {
      expect(names).toContain(name);
    }
    expect(names.length).toBeGreaterThanOrEqual(5 + playgroundExamples.exampleTabs.length);
  });

  it('no operation holds more analytics fields than the service runs in one (GRAPHQL_MAX_HEAVY_FIELDS)', () => {
    const max = loadConfig({}).limits.maxHeavyFields;
    const over: string[] = [];
    let counted = 0;
    for (const doc of DOCUMENT_MODULES.flatMap((m) => documentsOf(m).found)) {
      const ast = parse(doc.text);
      for (const d of ast.definitions) {
        if (d.kind !== Kind.OPERATION_DEFINITION || d.operation !== OperationTypeNode.QUERY) continue;
        const heavy = heavyFieldsOf(ast, d);
        counted += heavy.length;
        if (heavy.length > max) over.push(`${doc.where}: ${heavy.join(', ')}`);
      }
    }
    expect(over).toEqual([]);
    // the count sees the analytics fields (the explorer's trace, destinations, neighbourhood at least)
    expect(counted).toBeGreaterThanOrEqual(3);
  });

  it('no other front-end file holds a GraphQL document of its own', () => {
    const allowed = new Set(DOCUMENT_MODULES.map((m) => m.file));
    const strays = FRONT_END_DIRS.flatMap(sourceFiles)
      .filter((f) => !allowed.has(f))
      .flatMap(literalDocuments);
    expect(strays).toEqual([]);
    // the check itself works: it sees the documents in the modules that hold them
    expect(literalDocuments('explorer/queries.ts').length).toBeGreaterThanOrEqual(4);
  });
});
