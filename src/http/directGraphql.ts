/**
 * POST /graphql without Express (issue 14): the light operations' answers cost ≈ 3 ms of Cypher, and
 * Express's router, its request/response prototypes and the sub-app's middleware chain added a fixed
 * share of the layer's cost to each. This handler takes only the requests whose every Express
 * middleware would be a no-op or is reproduced here byte for byte, and hands any other request (and
 * any request whose body fails to parse) to the Express app unchanged:
 * - taken: POST to exactly `/graphql`, a JSON content type in UTF-8, no CORS origins configured, no
 *   rate limit and no trusted-documents manifest (Ops.passiveOnGraphql), no OpenTelemetry export
 *   (Express's spans are part of a trace), HTTP_DIRECT_GRAPHQL not false;
 * - kept: the request id header (the same rule as server.ts), the body limit and parsing (the same
 *   body-parser instance Express uses), Apollo Server's `executeHTTPGraphQLRequest` with the same
 *   context, the response byte budget, and Express's `res.send` headers (Content-Type with its
 *   charset, Content-Length), in the same order;
 * - a body that fails to parse, or an error thrown outside Apollo, goes to the Express app with the
 *   error (bodyErrorOr below), whose error handler writes the page it always wrote.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import type express from 'express';
import { CALLER_HEADER } from '../ops/rateLimit';
import { tooLargeAnswer } from './responseBudget';

/** Same rule as the Express middleware: a client's id is kept when it is short and plain. */
export const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The id this handler gave a request it then handed to Express (which keeps it). */
const GIVEN_ID = Symbol('collier.requestId');
/** An error met by this handler, for the Express app to answer (bodyErrorOr). */
const HANDED_ERROR = Symbol('collier.handedError');

type Handed = IncomingMessage & { [GIVEN_ID]?: string; [HANDED_ERROR]?: unknown };

/** The request id of a request: the one this handler already gave it, the client's, or a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const set = (req as Handed)[GIVEN_ID];
  if (set != null) return set;
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** In place of the JSON body parser on the Express side: an error this handler met is answered first. */
export function bodyErrorOr(parse: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => {
    const handed = req as unknown as Handed;
    if (HANDED_ERROR in handed) {
      const error = handed[HANDED_ERROR];
      delete handed[HANDED_ERROR];
      next(error);
      return;
    }
    void parse(req, res, next);
  };
}

export interface DirectGraphqlDeps<C extends object> {
  apollo: ApolloServer<C>;
  /** The same body-parser middleware the Express side uses (its limit and its errors). */
  parseJson: express.RequestHandler;
  maxResponseBytes: number;
  context: (req: IncomingMessage, requestId: string) => Promise<C>;
  /** The Express app: every request this handler does not take, or hands back. */
  fallback: (req: IncomingMessage, res: ServerResponse) => void;
}

/** The `node:http` request listener: POST /graphql here, everything else through Express. */
export function directGraphql<C extends object>(
  deps: DirectGraphqlDeps<C>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { apollo, parseJson, maxResponseBytes, context, fallback } = deps;

  const handBack = (req: IncomingMessage, res: ServerResponse, error: unknown): void => {
    (req as Handed)[HANDED_ERROR] = error;
    fallback(req, res);
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: 'POST',
      headers,
      search: '',
      body: (req as IncomingMessage & { body?: unknown }).body,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => context(req, requestId),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status || 200;
    if (response.body.kind === 'complete') {
      send(res, response.body.string, maxResponseBytes);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return (req, res) => {
    if (!takes(req)) {
      fallback(req, res);
      return;
    }
    parseJson(req as express.Request, res as express.Response, (error?: unknown) => {
      if (error !== undefined) {
        handBack(req, res, error);
        return;
      }
      const requestId = requestIdOf(req);
      (req as Handed)[GIVEN_ID] = requestId;
      res.setHeader('x-request-id', requestId);
      delete req.headers[CALLER_HEADER];
      answer(req, res, requestId).catch((thrown: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        for (const name of res.getHeaderNames()) if (name !== 'x-request-id') res.removeHeader(name);
        res.statusCode = 200;
        handBack(req, res, thrown);
      });
    });
  };
}

/** The requests whose Express middleware this handler reproduces (the rest go to Express). */
function takes(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql') return false;
  const type = req.headers['content-type'];
  if (type === 'application/json') return true;
  if (typeof type !== 'string') return false;
  // utf8Only's rule, and body-parser's type: application/json, no other charset than UTF-8
  const semicolon = type.indexOf(';');
  if (semicolon < 0 || type.slice(0, semicolon).trim().toLowerCase() !== 'application/json') return false;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
  return charset == null || /^utf-?8$/i.test(charset);
}

/**
 * What server.ts's responseByteBudget and Express's `res.send(string)` do with Apollo's answer: the
 * same headers (names, values and order) and the same bytes.
 */
function send(res: ServerResponse, body: string, maxBytes: number): void {
  const tooLarge = tooLargeAnswer(body, maxBytes);
  if (tooLarge != null) {
    res.statusCode = 400;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    body = tooLarge;
  }
  const type = res.getHeader('content-type');
  res.setHeader('Content-Type', typeof type === 'string' ? withUtf8(type) : 'text/html; charset=utf-8');
  if (!res.hasHeader('transfer-encoding')) res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  res.end(body, 'utf8');
}

/** Express's setCharset(type, 'utf-8') for the types Apollo sends (`<type>/<subtype>; charset=utf-8`). */
function withUtf8(type: string): string {
  if (CANONICAL_UTF8.test(type)) return type;
  const semicolon = type.indexOf(';');
  const essence = (semicolon < 0 ? type : type.slice(0, semicolon)).trim().toLowerCase();
  return `${essence}; charset=utf-8`;
}

const CANONICAL_UTF8 = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+; charset=utf-8$/;
