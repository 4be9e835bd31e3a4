/**
 * The response byte budget (RESPONSE_MAX_BYTES): an answer larger than it is replaced by a
 * RESPONSE_TOO_LARGE error, on both paths of POST /graphql (Express and src/http/directGraphql.ts).
 */
import type express from 'express';

/**
 * The RESPONSE_TOO_LARGE answer (status 400, JSON) that replaces a serialized answer of more than
 * `maxBytes` (RESPONSE_MAX_BYTES), or null when it fits; both paths (responseByteBudget below, on
 * Express, and directGraphql.ts's `send`) answer with it.
 */
export function tooLargeAnswer(body: string, maxBytes: number): string | null {
  if (body.length <= maxBytes / 4 || Buffer.byteLength(body) <= maxBytes) return null;
  return JSON.stringify({
    errors: [
      {
        message: `This answer would be larger than ${maxBytes} bytes (RESPONSE_MAX_BYTES): ask for fewer items (first, limit), fewer fields or page through them.`,
        extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes },
      },
    ],
  });
}

/**
 * Answers larger than RESPONSE_MAX_BYTES are replaced by a RESPONSE_TOO_LARGE error (Apollo hands the
 * serialized answer to res.send, so it is measured without being serialized twice).
 */
export function responseByteBudget(maxBytes: number) {
  return (_req: express.Request, res: express.Response, next: express.NextFunction): void => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const tooLarge = typeof body === 'string' ? tooLargeAnswer(body, maxBytes) : null;
      if (tooLarge != null) {
        res.status(400);
        res.type('application/json');
        return send(tooLarge);
      }
      return send(body);
    };
    next();
  };
}
