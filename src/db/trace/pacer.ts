/** How long the link rule may run without letting other requests in (ms of wall time). */
const SLICE_MS = 10;

/**
 * Lets other requests run during a long stretch of the link rule: at a hub, weighing the links of one
 * round is hundreds of ms of synchronous work (linksFrom over every departure in each window), and
 * /healthz waited for all of it. `pace()` resolves at once until SLICE_MS have passed, then waits one
 * turn of the event loop.
 */
export class Pacer {
  private start = performance.now();
  async pace(): Promise<void> {
    if (performance.now() - this.start < SLICE_MS) return;
    await new Promise<void>((r) => setImmediate(r));
    this.start = performance.now();
  }
}
