/** Imported first by src/main.ts, so that the OpenTelemetry instrumentations wrap http and express as they load. */
import { startTracing } from './tracing';

export const tracing = startTracing();
