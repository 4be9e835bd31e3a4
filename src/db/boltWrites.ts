/**
 * One socket write per Bolt flush instead of one per 1,400 bytes.
 *
 * neo4j-driver packs a message into a 1,400-byte chunk buffer and hands each full buffer to the socket
 * at once (`Chunker.flush` → `NodeChannel.write` → `socket.write`): a light request's RUN (a 2.3 kB
 * statement and 1.3 kB of parameters) and PULL went out in 3 `write` system calls, each a trip through
 * the loopback TCP stack that wakes Neo4j's reader for a part of a message. In a CPU profile of the
 * service under the bench's neighbourhood query the driver's socket writes were the largest single
 * cost of the request after waiting (0.7 ms a request, docs/performance.md "Session light8").
 *
 * Here the socket is corked at the first write of a turn of the event loop and uncorked on the next
 * tick: the driver packs a statement and its PULL in one synchronous step, so what it wrote goes out
 * in one `writev`, byte for byte the same stream. Buffers the driver hands over are never reused
 * (the chunker allocates a new one after each flush), so holding them until the tick is safe. A
 * channel still connecting (the driver queues its writes itself) is left alone.
 *
 * The driver exports no hook for this: the channel class is reached by its module path, and when it
 * is not where it was (another driver version) nothing is patched and the driver writes as before.
 */
import { createRequire } from 'node:module';

interface Corkable {
  cork(): void;
  uncork(): void;
}

interface ChannelLike {
  _pending: unknown[] | null;
  _conn: Partial<Corkable> | null | undefined;
  write(buffer: unknown): void;
}

const CORKED = Symbol('collier.boltCorked');
const PATCHED = Symbol('collier.boltWritesPatched');

type Patchable = { prototype: ChannelLike & { [PATCHED]?: boolean } };

/** The driver's Node channel class, or null when this driver does not have it where it is looked for. */
function nodeChannelClass(): Patchable | null {
  try {
    const fromDriver = createRequire(require.resolve('neo4j-driver'));
    const mod = fromDriver('neo4j-driver-bolt-connection/lib/channel/node/node-channel') as { default?: unknown };
    const cls = mod.default as Patchable | undefined;
    return cls && typeof cls.prototype?.write === 'function' ? cls : null;
  } catch {
    return null;
  }
}

/** Wraps a channel class's `write` so that the writes of one tick leave in one system call. */
export function corkChannelWrites(cls: Patchable): boolean {
  const proto = cls.prototype;
  if (proto[PATCHED]) return true;
  const write: (this: ChannelLike, buffer: unknown) => void = proto.write; // eslint-disable-line @typescript-eslint/unbound-method -- called with the channel as `this`
  proto.write = function corkedWrite(this: ChannelLike & { [CORKED]?: boolean }, buffer: unknown): void {
    const conn = this._conn;
    if (this._pending === null && conn && typeof conn.cork === 'function' && !this[CORKED]) {
      const socket = conn as Corkable;
      socket.cork();
      this[CORKED] = true;
      process.nextTick(() => {
        this[CORKED] = false;
        socket.uncork();
      });
    }
    write.call(this, buffer);
  };
  proto[PATCHED] = true;
  return true;
}

/**
 * Makes every neo4j-driver connection of this process write a flush in one system call; answers
 * whether it could (false: the driver's channel was not found, and it writes as before). Called by
 * the service's entry points (src/main.ts, bench/serve.ts), not on import: a process that only uses
 * the driver (the bench's raw baselines) keeps the driver's own behaviour.
 */
export function oneWritePerFlush(): boolean {
  const cls = nodeChannelClass();
  return cls ? corkChannelWrites(cls) : false;
}
