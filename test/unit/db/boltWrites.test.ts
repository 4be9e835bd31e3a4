import { corkChannelWrites, oneWritePerFlush } from '../../../src/db/boltWrites';

/** A socket that records what the channel did to it. */
function fakeSocket() {
  const log: string[] = [];
  return {
    log,
    cork: () => log.push('cork'),
    uncork: () => log.push('uncork'),
    write: (b: string) => log.push(`write ${b}`),
  };
}

function channelClass() {
  class Channel {
    _pending: unknown[] | null = null;
    constructor(public _conn: ReturnType<typeof fakeSocket> | null) {}
    write(buffer: unknown): void {
      if (this._pending !== null) this._pending.push(buffer);
      else this._conn!.write(String(buffer));
    }
  }
  return Channel;
}

const tick = () => new Promise((resolve) => process.nextTick(resolve));

describe('one socket write per Bolt flush', () => {
  it('corks the socket at the first write of a tick and uncorks it on the next', async () => {
    const Channel = channelClass();
    expect(corkChannelWrites(Channel)).toBe(true);
    const socket = fakeSocket();
    const ch = new Channel(socket);
    ch.write('RUN part 1');
    ch.write('RUN part 2');
    ch.write('RUN part 3 + PULL');
    expect(socket.log).toEqual(['cork', 'write RUN part 1', 'write RUN part 2', 'write RUN part 3 + PULL']);
    await tick();
    expect(socket.log.at(-1)).toBe('uncork');
    // the next statement corks again
    ch.write('RUN 2');
    await tick();
    expect(socket.log.slice(-3)).toEqual(['cork', 'write RUN 2', 'uncork']);
    expect(socket.log.filter((l) => l === 'cork')).toHaveLength(socket.log.filter((l) => l === 'uncork').length);
  });

  it('leaves a channel that is still connecting (the driver queues its writes) alone', async () => {
    const Channel = channelClass();
    corkChannelWrites(Channel);
    const socket = fakeSocket();
    const ch = new Channel(socket);
    ch._pending = [];
    ch.write('HELLO');
    await tick();
    expect(socket.log).toEqual([]);
    expect(ch._pending).toEqual(['HELLO']);
  });

  it('patches a class once', async () => {
    const Channel = channelClass();
    corkChannelWrites(Channel);
    corkChannelWrites(Channel);
    const socket = fakeSocket();
    new Channel(socket).write('x');
    await tick();
    expect(socket.log).toEqual(['cork', 'write x', 'uncork']);
  });

  it("finds the installed driver's channel (a driver that moved it would write as before: this fails first)", () => {
    expect(oneWritePerFlush()).toBe(true);
  });
});
