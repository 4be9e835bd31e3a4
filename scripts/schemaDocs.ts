/**
 * Lists every type, field, argument, input field and enum value of the built schema that has no
 * description (built-in scalars and introspection types are not ours and are skipped).
 *   node dist/scripts/schemaDocs.js            -> counts and the list of what is missing
 *   node dist/scripts/schemaDocs.js --print F  -> also writes the printed SDL to file F
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import {
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { buildCollierSchema } from '../src/server';

export interface DescriptionReport {
  total: number;
  described: number;
  missing: string[];
}

/** Every schema element of ours, with whether it has a non-blank description. */
export function describeCoverage(schema: GraphQLSchema): DescriptionReport {
  const seen: Array<[string, string | null | undefined]> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    seen.push([type.name, type.description]);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        seen.push([`${type.name}.${field.name}`, field.description]);
        for (const arg of field.args) seen.push([`${type.name}.${field.name}(${arg.name})`, arg.description]);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) seen.push([`${type.name}.${field.name}`, field.description]);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) seen.push([`${type.name}.${value.name}`, value.description]);
    }
  }
  const missing = seen.filter(([, d]) => d == null || d.trim() === '').map(([name]) => name);
  return { total: seen.length, described: seen.length - missing.length, missing };
}

/** The SDL as `npm run schema` prints it: sorted, then printed. */
export function printCollierSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

async function main(): Promise<void> {
  const schema = await buildCollierSchema();
  const report = describeCoverage(schema);
  const printAt = process.argv.indexOf('--print');
  if (printAt >= 0 && process.argv[printAt + 1]) writeFileSync(process.argv[printAt + 1], printCollierSchema(schema));
  for (const name of report.missing) console.log(`missing: ${name}`);
  console.log(`${report.described} of ${report.total} described; ${report.missing.length} missing`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
