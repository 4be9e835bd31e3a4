/**
 * The explorer's only way to Collier: POST JSON to the public GraphQL endpoint at the same origin,
 * `graphql` next to the page (so `/explore` → `/graphql`, and behind a prefix `/p/explore` → `/p/graphql`),
 * with the analyst's credential when one is entered (credential.ts).
 */
import { authorizationHeader } from './credential';

export class ApiError extends Error {
  constructor(
    message: string,
    /** GraphQL error code (BAD_USER_INPUT, NOT_FOUND, …), HTTP_<status>, or NETWORK. */
    readonly code: string,
    readonly argumentName: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when the service has no such field yet (an older Collier, or a feature still being built). */
  missingField(field: string): boolean {
    return this.code === 'GRAPHQL_VALIDATION_FAILED' && this.message.includes(`Cannot query field "${field}"`);
  }
}

export interface ApiResult<T> {
  data: T;
  /** Cypher statements the request cost (the `x-collier-statements` response header). */
  statements: number | null;
  ms: number;
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; argumentName?: string } }[];
}

export function endpoint(): string {
  return new URL('graphql', document.baseURI).href;
}

/** The same endpoint for graphql-ws subscriptions: ws(s):// on the page's own host and path. */
export function socketEndpoint(): string {
  const u = new URL(endpoint());
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.href;
}

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  const started = performance.now();
  let res: Response;
  try {
    res = await fetch(endpoint(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...authorizationHeader(),
      },
      body: JSON.stringify({ query, variables }),
      signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(`Could not reach the Collier service at ${endpoint()}: ${(err as Error).message}`, 'NETWORK');
  }
  let body: GraphQLBody<T>;
  try {
    body = (await res.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(
      `The service answered HTTP ${res.status} ${res.statusText} without a GraphQL response.`,
      `HTTP_${res.status}`,
    );
  }
  const first = body.errors?.[0];
  if (first) {
    throw new ApiError(
      first.message,
      first.extensions?.code ?? `HTTP_${res.status}`,
      first.extensions?.argumentName ?? null,
    );
  }
  if (!res.ok || body.data == null) {
    throw new ApiError(`The service answered HTTP ${res.status} ${res.statusText} with no data.`, `HTTP_${res.status}`);
  }
  const header = res.headers.get('x-collier-statements');
  return {
    data: body.data,
    statements: header == null ? null : Number(header),
    ms: Math.round(performance.now() - started),
  };
}
