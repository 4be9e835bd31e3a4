/**
 * Live alerts on one replica. The alerts in Neo4j are the log (db/watch/alerts.ts numbers them in
 * commit order); each replica runs one poller for all its subscriptions — one indexed query per
 * interval, only while someone is subscribed — and hands each new alert to the streams of its
 * watchlist. A stream that starts from `since` first pages through what it missed, then takes the live
 * alerts; a cursor (the last alert number it delivered) keeps it from delivering anything twice.
 *
 * Limits: at most `maxPerKey` open streams per caller on this replica; a stream whose consumer falls
 * `queueMax` alerts behind is ended with SLOW_CONSUMER (it can reconnect with `since` and lose nothing).
 */
import { GraphQLError } from 'graphql';
import { Database } from '../db/database';
import { alertsAfter, AlertView, lastAlertSeq, listAlerts } from '../db/watch/alerts';
import { AlertSince } from '../domain/watch';
import { Logger } from '../logger';

export interface FeedOptions {
  pollIntervalMs: number;
  queueMax: number;
  maxPerKey: number;
}

/** Alerts fetched per poll and per catch-up page. */
const PAGE = 500;
const CATCH_UP_PAGE = 100;

type Page = (afterSeq: number) => Promise<AlertView[]>;

/** One subscription's alerts, as an async iterator (what graphql-js's subscribe consumes). */
export class AlertStream implements AsyncIterableIterator<AlertView> {
  /** Live alerts from the poller, waiting for the consumer (at most queueMax). */
  private readonly queue: AlertView[] = [];
  /** Missed alerts read while catching up, delivered before the live ones. */
  private readonly missed: AlertView[] = [];
  private waiting: { resolve: (r: IteratorResult<AlertView>) => void; reject: (e: unknown) => void } | null = null;
  private failure: GraphQLError | null = null;
  private done = false;

  constructor(
    readonly watchlistId: string,
    /** The number of the last alert delivered (or known to be before what this stream should deliver). */
    private cursor: number,
    private readonly queueMax: number,
    private readonly onEnd: () => void,
    /** Pages of missed alerts after a cursor; null once caught up. */
    private catchUp: Page | null,
  ) {}

  /** A live alert of this stream's watchlist (from the poller). */
  offer(alert: AlertView): void {
    if (this.done) return;
    if (this.waiting && this.catchUp == null) {
      if (alert.seq <= this.cursor) return;
      this.cursor = alert.seq;
      const w = this.waiting;
      this.waiting = null;
      w.resolve({ value: alert, done: false });
      return;
    }
    if (this.queue.length >= this.queueMax) {
      this.fail(
        new GraphQLError(
          `This subscription fell ${this.queueMax} alerts behind and was dropped (ALERT_QUEUE_MAX). Subscribe again with since: the id of the last alert you received.`,
          { extensions: { code: 'SLOW_CONSUMER', queueMax: this.queueMax } },
        ),
      );
      return;
    }
    this.queue.push(alert);
  }

  /** Ends the stream with an error the client receives. */
  fail(error: GraphQLError): void {
    if (this.done) return;
    this.failure = error;
    this.end();
    if (this.waiting) {
      this.waiting.reject(error);
      this.waiting = null;
    }
  }

  async next(): Promise<IteratorResult<AlertView>> {
    if (this.failure) {
      const error = this.failure;
      this.failure = null;
      throw error;
    }
    while (!this.done && (this.missed.length > 0 || this.catchUp)) {
      const missed = this.take(this.missed);
      if (missed) return missed;
      if (this.catchUp) {
        const page = await this.catchUp(this.cursor);
        if (page.length < CATCH_UP_PAGE) this.catchUp = null;
        this.missed.push(...page);
      }
    }
    if (this.done) return { value: undefined, done: true };
    const ready = this.take(this.queue);
    if (ready) return ready;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** The next alert of a buffer after the cursor (older ones were delivered already). */
  private take(buffer: AlertView[]): IteratorResult<AlertView> | null {
    while (buffer.length > 0) {
      const alert = buffer.shift()!;
      if (alert.seq <= this.cursor) continue;
      this.cursor = alert.seq;
      return { value: alert, done: false };
    }
    return null;
  }

  async return(): Promise<IteratorResult<AlertView>> {
    this.end();
    if (this.waiting) {
      this.waiting.resolve({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  async throw(error?: unknown): Promise<IteratorResult<AlertView>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<AlertView> {
    return this;
  }

  private end(): void {
    if (this.done) return;
    this.done = true;
    this.queue.length = 0;
    this.missed.length = 0;
    this.onEnd();
  }
}

/** This replica's poller and the streams it feeds. */
export class AlertFeed {
  private readonly streams = new Map<string, Set<AlertStream>>();
  private readonly perKey = new Map<string, number>();
  private last: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly options: FeedOptions,
    private readonly logger: Logger,
  ) {}

  /** How many streams are open on this replica. */
  get size(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  /** Opens a stream for a caller (its audit name) on a watchlist, from `since` or from now. */
  async open(caller: string, watchlistId: string, since: AlertSince | null): Promise<AlertStream> {
    if (this.stopped)
      throw new GraphQLError('The service is stopping.', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    const open = this.perKey.get(caller) ?? 0;
    if (open >= this.options.maxPerKey) {
      throw new GraphQLError(
        `${caller} has ${open} subscriptions open on this server, the most allowed (GRAPHQL_MAX_SUBSCRIPTIONS_PER_KEY): close one first.`,
        { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', maxPerKey: this.options.maxPerKey } },
      );
    }
    this.perKey.set(caller, open + 1);
    try {
      // idle, the poller stopped moving: start from the log's end as it is now
      if (this.last == null || this.size === 0) this.last = Math.max(this.last ?? 0, await lastAlertSeq(this.db));
    } catch (error) {
      this.release(caller);
      throw error;
    }
    const catchUp: Page | null = since
      ? async (afterSeq) =>
          (
            await listAlerts(this.db, {
              watchlistId,
              afterSeq,
              since: since.at,
              unreadBy: null,
              offset: 0,
              first: CATCH_UP_PAGE,
            })
          ).items
      : null;
    // Registered before the catch-up reads: whatever the poller finds from now on reaches this stream.
    const stream: AlertStream = new AlertStream(
      watchlistId,
      since ? since.afterSeq : this.last,
      this.options.queueMax,
      () => this.remove(caller, stream),
      catchUp,
    );
    const set = this.streams.get(watchlistId) ?? new Set<AlertStream>();
    set.add(stream);
    this.streams.set(watchlistId, set);
    this.schedule();
    return stream;
  }

  /** Ends every stream and the poller (the service is stopping). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const set of [...this.streams.values()]) for (const s of [...set]) void s.return();
  }

  private release(caller: string): void {
    const n = (this.perKey.get(caller) ?? 1) - 1;
    if (n > 0) this.perKey.set(caller, n);
    else this.perKey.delete(caller);
  }

  private remove(caller: string, stream: AlertStream): void {
    this.release(caller);
    const set = this.streams.get(stream.watchlistId);
    set?.delete(stream);
    if (set?.size === 0) this.streams.delete(stream.watchlistId);
  }

  private schedule(): void {
    if (this.timer || this.stopped || this.streams.size === 0) return;
    this.timer = setTimeout(() => {
      void this.poll().finally(() => {
        this.timer = null;
        this.schedule();
      });
    }, this.options.pollIntervalMs);
    this.timer.unref();
  }

  /** One round: every alert after the last one seen, handed to the streams of its watchlist. */
  private async poll(): Promise<void> {
    try {
      for (;;) {
        if (this.last == null || this.streams.size === 0) return;
        const alerts = await alertsAfter(this.db, this.last, PAGE);
        for (const a of alerts) {
          for (const s of this.streams.get(a.watchlistId) ?? []) s.offer(a);
          this.last = Math.max(this.last ?? 0, a.seq);
        }
        if (alerts.length < PAGE) return;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'alert poll failed; retrying at the next interval');
    }
  }
}
