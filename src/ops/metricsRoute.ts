/**
 * GET /metrics: Prometheus text. With METRICS_KEY set it needs `Authorization: Bearer <METRICS_KEY>`
 * from anyone; without it only loopback callers get an answer (a scraper on the same host or through
 * a sidecar), everyone else a 404 as for any unknown path. METRICS_ENABLED=false turns it off.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type express from 'express';
import type { OpsConfig } from './config';
import { registry } from './metrics';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function allowed(config: OpsConfig['metrics'], req: express.Request): boolean {
  if (config.key == null) return LOOPBACK.has(req.socket.remoteAddress ?? '');
  const given = /^Bearer (.+)$/i.exec(req.header('authorization') ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(config.key));
}

export function metricsHandler(config: OpsConfig['metrics']): express.RequestHandler {
  return (req, res, next) => {
    if (!config.enabled) return next();
    if (!allowed(config, req)) {
      res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    registry.metrics().then(
      (text) => {
        res.setHeader('content-type', registry.contentType);
        res.setHeader('cache-control', 'no-store');
        res.send(text);
      },
      (error: unknown) => next(error),
    );
  };
}
