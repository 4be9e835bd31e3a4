/**
 * The bench's HTTP client for its sequential samples (bench/run.ts, bench/demoTrace.ts): `node:http`
 * with kept-alive sockets, the body read as one string. What a sample times is the service's answer,
 * not the client: WHATWG `fetch` (undici's, in Node) costs ≈ 1 ms more a request than this client in
 * CPU and latency on this machine (bench/README.md "The instrument"), on a request the service answers in
 * 3–4 ms, and that millisecond landed on the GraphQL side of every ratio only (the raw side goes
 * through the driver).
 */
import http from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One agent for the bench process: a sequential client keeps one socket a service open between requests. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function once(url: string, body: string, headers: Record<string, string>): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** POSTs a JSON body; a kept-alive socket the server closed while idle is retried once on a fresh one. */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  try {
    return await once(url, body, headers);
  } catch {
    return once(url, body, { ...headers, connection: 'close' });
  }
}

/** The header's value as one string (Node gives a list for a repeated header), or null. */
export function header(answer: HttpAnswer, name: string): string | null {
  const value = answer.headers[name.toLowerCase()];
  return value == null ? null : Array.isArray(value) ? value.join(', ') : value;
}

/** Closes the kept-alive sockets (at the end of a run, so the process can exit). */
export function closeClient(): void {
  agent.destroy();
}
