/**
 * The service as a process: it starts against a Neo4j given by NEO4J_URI, answers its probes, and on
 * SIGTERM drains and exits 0; a bad configuration value stops it with a message naming the variable.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { testNeo4jUri } from '../integration/harness';

const MAIN = path.resolve(__dirname, '..', '..', 'dist', 'src', 'main.js');

function startService(env: Record<string, string>): { child: ChildProcess; lines: string[]; ready: Promise<string> } {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: '0', SEED_ON_START: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      try {
        const event = JSON.parse(line);
        if (event.msg === 'Collier is ready') resolve(event.url);
      } catch {
        /* not JSON */
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before ready:\n${lines.join('\n')}`)));
  });
  ready.catch(() => undefined); // awaited by the tests that expect readiness
  readline.createInterface({ input: child.stderr }).on('line', (line) => lines.push(line));
  return { child, lines, ready };
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('the service process', () => {
  it('serves, logs JSON lines with request ids, and on SIGTERM drains and exits 0', async () => {
    const { child, lines, ready } = startService({ NEO4J_URI: testNeo4jUri() });
    const url = await ready;
    const base = url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'test-request-42' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('test-request-42');
    const exited = exitOf(child);
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    const events = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(events.some((e) => e.requestId === 'test-request-42' && e.msg === 'graphql operation')).toBe(true);
    expect(events.some((e) => e.msg === 'stopped')).toBe(true);
  });

  it('refuses a bad configuration value with a message naming the variable', async () => {
    const { child, lines } = startService({ NEO4J_URI: testNeo4jUri(), PORT: 'eighty' });
    expect(await exitOf(child)).toBe(2);
    expect(lines.join('\n')).toMatch(/PORT: must be a whole number/);
  });
});
