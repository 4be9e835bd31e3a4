/** The README's example queries stay true: each one validates against the schema the service builds. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { buildCollierSchema } from '../../src/server';

function exampleOperations(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const ops: string[] = [];
  for (const block of blocks) {
    let current: string[] = [];
    for (const line of block.split('\n')) {
      if (/^(\{|query|mutation)/.test(line) && current.some((l) => l.trim() && !l.trim().startsWith('#'))) {
        ops.push(current.join('\n'));
        current = [];
      }
      current.push(line);
    }
    if (current.some((l) => l.trim() && !l.trim().startsWith('#'))) ops.push(current.join('\n'));
  }
  return ops;
}

describe('README examples', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const ops = exampleOperations(readme);

  it('has examples', () => {
    expect(ops.length).toBeGreaterThanOrEqual(10);
  });

  it('are all valid against the schema', async () => {
    const schema = await buildCollierSchema();
    const problems = ops.flatMap((op) =>
      validate(schema, parse(op)).map((e) => `${e.message}\n  in: ${op.trim().split('\n')[0]}`),
    );
    expect(problems).toEqual([]);
  });
});
