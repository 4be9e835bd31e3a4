/**
 * Per-request metrics: an Apollo plugin timing each GraphQL operation (by operation name, type and
 * outcome) and counting its error codes and warnings, and the DataLoaders' batch sizes.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import DataLoader from 'dataloader';
import type { Context } from '../resolvers/context';
import { BoundedLabel, metrics } from './metrics';

const operations = new BoundedLabel(200);
const codes = new BoundedLabel(100, /^[A-Z][A-Z0-9_]{0,63}$/);

/** ok: no error; error: it ran and some field failed; rejected: refused before it ran (parse, validation, limits, auth). */
type Outcome = 'ok' | 'error' | 'rejected';

export function metricsPlugin(): ApolloServerPlugin<Context> {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hooks return promises
    async requestDidStart() {
      const stop = metrics.httpDuration.startTimer();
      let executed = false;
      return {
        // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hooks return promises
        async executionDidStart() {
          executed = true;
        },
        // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hooks return promises
        async willSendResponse({ operationName, operation, errors, contextValue }) {
          const outcome: Outcome = (errors?.length ?? 0) === 0 ? 'ok' : executed ? 'error' : 'rejected';
          stop({
            operation: operations.of(operationName, 'anonymous'),
            type: operation?.operation ?? 'unknown',
            outcome,
          });
          for (const e of errors ?? []) {
            const code = e.extensions?.code;
            metrics.graphqlErrors.inc({ code: codes.of(typeof code === 'string' ? code : null, 'UNKNOWN') });
          }
          for (const w of contextValue.warnings) metrics.warnings.inc({ code: codes.of(w.code, 'UNKNOWN') });
        },
      };
    },
  };
}

type BatchFn = (keys: readonly unknown[]) => PromiseLike<ArrayLike<unknown>>;

/**
 * Records each batch's size for the request's DataLoaders (by the loader's name in `Loaders`).
 * DataLoader offers no batch hook, so its batch function (`_batchLoadFn`, stable since DataLoader 1)
 * is wrapped; a DataLoader without one is left as it is.
 */
export function measureLoaderBatches<T extends object>(loaders: T): T {
  for (const [name, value] of Object.entries(loaders)) {
    if (!(value instanceof DataLoader)) continue;
    const inner = value as unknown as { _batchLoadFn?: BatchFn };
    const batch = inner._batchLoadFn;
    if (typeof batch !== 'function') continue;
    inner._batchLoadFn = (keys) => {
      metrics.loaderBatch.observe({ loader: name }, keys.length);
      return batch(keys);
    };
  }
  return loaders;
}
