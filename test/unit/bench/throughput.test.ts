import http from 'node:http';
import { AddressInfo } from 'node:net';
import { medianWindow, Throughput, throughputInterleaved } from '../../../bench/throughput';

const window = (requestsPerSecond: number, latencyP50 = 0): Throughput => ({
  connections: 1,
  requestsPerSecond,
  latencyP50,
  latencyP99: 0,
  errors: 0,
  non2xx: 0,
  timeouts: 0,
});

describe('bench throughput: two services compared in alternating windows', () => {
  it('takes the window of median requests per second, a real window with its own latencies', () => {
    expect(medianWindow([window(30, 1), window(12, 2), window(25, 3)])).toEqual(window(25, 3));
    // an even count: the lower of the two middle windows, never an average no run had
    expect(medianWindow([window(40), window(10), window(20), window(30)]).requestsPerSecond).toBe(20);
    expect(() => medianWindow([])).toThrow(/no window/);
  });

  it('loads each side in turns, credits each window to its own side and settles after every window', async () => {
    // two real HTTP services: one answers at once, the other after 40 ms
    const calls: string[] = [];
    const serve = (delayMs: number, name: string) =>
      new Promise<http.Server>((resolve) => {
        const server = http.createServer((req, res) => {
          req.resume();
          req.on('end', () => {
            if (calls.at(-1) !== name) calls.push(name);
            setTimeout(() => res.end('{"data":{}}'), delayMs);
          });
        });
        server.listen(0, '127.0.0.1', () => resolve(server));
      });
    const fast = await serve(0, 'fast');
    const slow = await serve(40, 'slow');
    const url = (s: http.Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/graphql`;
    let settled = 0;
    try {
      const [c1] = await throughputInterleaved(
        [
          { url: url(fast), query: '{ a }', variables: {} },
          { url: url(slow), query: '{ b }', variables: {} },
        ],
        [1],
        2,
        1,
        () => Promise.resolve(void settled++),
      );
      expect(c1.connections).toBe(1);
      expect(c1.sides.map((s) => s.windows.length)).toEqual([2, 2]);
      // at one connection the slow side can answer at most 25 requests a second
      expect(c1.sides[1].median.requestsPerSecond).toBeLessThanOrEqual(25);
      expect(c1.sides[0].median.requestsPerSecond).toBeGreaterThan(4 * c1.sides[1].median.requestsPerSecond);
      expect(settled).toBe(4);
      // the side that goes first alternates: fast, slow | slow, fast
      expect(calls).toEqual(['fast', 'slow', 'fast']);
    } finally {
      fast.close();
      slow.close();
    }
  }, 30_000);
});
