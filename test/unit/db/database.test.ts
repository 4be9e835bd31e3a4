/** Neo4j's memory and timeout errors become the service's own, which the driver does not retry. */
import neo4j, { Neo4jError } from 'neo4j-driver';
import {
  classifyQueryError,
  Database,
  QueryTimeoutError,
  QueryTooLargeError,
  toPlain,
  withCallerStack,
} from '../../../src/db/database';

const neo4jError = (code: string, message = 'x') => new Neo4jError(message, code, 'gql', 'gql');

describe('classifyQueryError', () => {
  it.each([
    'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
    'Neo.TransientError.General.TransactionMemoryLimit',
    'Neo.TransientError.General.OutOfMemoryError',
  ])('%s → QueryTooLargeError (not a Neo4jError, so never retried as transient)', (code) => {
    const e = classifyQueryError(neo4jError(code), 15_000);
    expect(e).toBeInstanceOf(QueryTooLargeError);
    expect(e).not.toBeInstanceOf(Neo4jError);
  });

  it('a GDS procedure that ran out of memory → QueryTooLargeError', () => {
    const e = classifyQueryError(
      neo4jError('Neo.ClientError.Procedure.ProcedureCallFailed', 'Failed: java.lang.OutOfMemoryError'),
      1,
    );
    expect(e).toBeInstanceOf(QueryTooLargeError);
  });

  it.each([
    'Neo.ClientError.Transaction.TransactionTimedOut',
    'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  ])('%s → QueryTimeoutError with the timeout', (code) => {
    const e = classifyQueryError(neo4jError(code), 15_000);
    expect(e).toBeInstanceOf(QueryTimeoutError);
    expect((e as QueryTimeoutError).timeoutMs).toBe(15_000);
  });

  it('anything else is left as it is', () => {
    const other = neo4jError('Neo.ClientError.Statement.SyntaxError');
    expect(classifyQueryError(other, 1)).toBe(other);
    const plain = new Error('x');
    expect(classifyQueryError(plain, 1)).toBe(plain);
  });
});

describe('toPlain', () => {
  it("converts integers, dates, maps and lists nested in lists, keeping the driver's lists (converted in place)", () => {
    const inner = [neo4j.int(3), 'a', null];
    const outer = ['x', inner, [new neo4j.types.Date(2019, 5, 4), { n: neo4j.int(2), l: [neo4j.int(1)] }], undefined];
    const plain = toPlain(outer);
    expect(plain).toEqual(['x', [3, 'a', null], ['2019-05-04', { n: 2, l: [1] }], null]);
    expect(plain).toBe(outer);
    expect((plain as unknown[])[1]).toBe(inner);
    const strings = ['a', 'b'];
    expect(toPlain(strings)).toBe(strings);
  });
});

describe('withCallerStack', () => {
  it('gives an error without frames the stack of the code that caught it', async () => {
    const error = neo4jError('Neo.ClientError.Statement.SyntaxError', 'bad');
    error.stack = `${error.toString()}\n`;
    async function theCaller(): Promise<void> {
      await Promise.resolve();
      withCallerStack(error);
    }
    await theCaller();
    expect(error.stack).toMatch(/^Neo4jError: bad\n\s+at /);
    expect(error.stack).toContain('theCaller');
  });

  it('leaves a stack that has frames as it is', () => {
    const error = new Error('x');
    const stack = error.stack;
    withCallerStack(error);
    expect(error.stack).toBe(stack);
  });
});

describe('Database.alone', () => {
  const db = () => new Database({} as never, { timeoutMs: 1000 });

  it('is true with no operation or one in flight, false with two, true again when one ends (once)', () => {
    const d = db();
    expect(d.alone).toBe(true);
    const first = d.requestStarted();
    expect(d.alone).toBe(true);
    const second = d.requestStarted();
    expect(d.alone).toBe(false);
    second();
    second(); // a second end of the same operation counts nothing
    expect(d.alone).toBe(true);
    const third = d.requestStarted();
    expect(d.alone).toBe(false);
    third();
    first();
    expect(d.alone).toBe(true);
  });
});
