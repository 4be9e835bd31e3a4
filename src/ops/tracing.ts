/**
 * Distributed traces with OpenTelemetry: the official Node SDK with the HTTP, Express and GraphQL
 * instrumentations, exported over OTLP (HTTP/JSON) when OTEL_EXPORTER_OTLP_ENDPOINT is set, and off
 * otherwise. Every Cypher statement gets a span named by its statement (src/db/observe/statementName.ts) with
 * its mode and row count: never its text or parameter values (db.query.text is not recorded; GraphQL
 * spans leave out variable values). Start it before anything loads http or express (src/main.ts).
 */
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { observeDb } from '../db/observe/events';

const TRACER = 'collier';

/** Spans for Cypher statements, children of whatever span is active (a GraphQL field, an import). */
export function traceCypherStatements(): () => void {
  const tracer = trace.getTracer(TRACER);
  return observeDb({
    statement(name, mode) {
      const span = tracer.startSpan(`cypher ${name}`, {
        kind: SpanKind.CLIENT,
        attributes: { 'db.system.name': 'neo4j', 'db.operation.name': mode, 'collier.statement': name },
      });
      return ({ rows, error }) => {
        if (rows != null) span.setAttribute('db.response.returned_rows', rows);
        if (error != null) {
          // the error's kind only: a driver message may quote the statement or a value
          const code = (error as { code?: unknown }).code;
          span.setAttribute('error.type', typeof code === 'string' ? code : (error as Error).name || 'Error');
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
      };
    },
  });
}

export interface Tracing {
  stop(): Promise<void>;
}

/**
 * Starts the SDK when OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard OTEL_* variables configure the
 * exporter: headers, timeout, OTEL_SERVICE_NAME …), or with the given span processors (tests); else null.
 */
export function startTracing(
  env: Record<string, string | undefined> = process.env,
  spanProcessors?: SpanProcessor[],
): Tracing | null {
  if (spanProcessors == null && !env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) return null;
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME?.trim() || 'collier' }),
    ...(spanProcessors ? { spanProcessors } : { traceExporter: new OTLPTraceExporter() }),
    instrumentations: [
      new HttpInstrumentation({
        // probes and metrics scrapes are not worth a trace each
        ignoreIncomingRequestHook: (req) => /^\/(healthz|readyz|metrics)\b/.test(req.url ?? ''),
      }),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({ allowValues: false, mergeItems: true, ignoreTrivialResolveSpans: true }),
    ],
  });
  sdk.start();
  const unobserve = traceCypherStatements();
  return {
    async stop() {
      unobserve();
      await sdk.shutdown();
    },
  };
}
