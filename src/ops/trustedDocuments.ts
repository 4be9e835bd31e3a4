/**
 * Trusted documents (persisted queries). With GRAPHQL_TRUSTED_DOCUMENTS=true only the operations of
 * a manifest run: the playground's examples and the route explorer's requests, written at build time
 * (`npm run build:ts` → dist/trusted-documents.json, Apollo's persisted-query manifest format). A
 * client sends the operation's SHA-256 (`extensions.persistedQuery.sha256Hash`, as Apollo's clients
 * do) or its exact text; anything else is refused before it is parsed. Otherwise Apollo's automatic
 * persisted queries are on: any operation, cached by its hash after the first send.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type express from 'express';

export interface ManifestOperation {
  id: string;
  name: string | null;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface Manifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function loadManifest(file: string): Map<string, string> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(
      `GRAPHQL_TRUSTED_DOCUMENTS is on but its manifest ${file} cannot be read (${(error as Error).message}): npm run build:ts writes it`,
    );
  }
  if (manifest.format !== 'apollo-persisted-query-manifest' || !Array.isArray(manifest.operations)) {
    throw new Error(`${file} is not a persisted-query manifest (format apollo-persisted-query-manifest)`);
  }
  const byHash = new Map<string, string>();
  for (const op of manifest.operations) {
    if (sha256(op.body) !== op.id) throw new Error(`${file}: operation ${op.name ?? op.id} does not match its hash`);
    byHash.set(op.id, op.body);
  }
  return byHash;
}

function refuse(res: express.Response, code: string, message: string): void {
  res.status(400).json({ errors: [{ message, extensions: { code } }] });
}

interface Body {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/** The middleware in front of Apollo (after the JSON body is read) that lets only manifest operations through. */
export function trustedDocumentsOnly(byHash: Map<string, string>): express.RequestHandler {
  return (req, res, next) => {
    let body: Body;
    if (req.method === 'GET') {
      let extensions: Body['extensions'];
      try {
        extensions =
          typeof req.query.extensions === 'string'
            ? (JSON.parse(req.query.extensions) as Body['extensions'])
            : undefined;
      } catch {
        extensions = undefined;
      }
      body = { query: req.query.query, extensions };
    } else {
      body = (req.body ?? {}) as Body;
    }
    const hash = body.extensions?.persistedQuery?.sha256Hash;
    if (typeof body.query === 'string') {
      if (byHash.has(sha256(body.query))) return next();
      return refuse(
        res,
        'PERSISTED_QUERY_NOT_TRUSTED',
        'This service runs only the operations its front-ends were built with (trusted documents), and this one is not among them. Send a known operation, or its SHA-256 in extensions.persistedQuery.sha256Hash.',
      );
    }
    if (typeof hash === 'string') {
      const known = byHash.get(hash.toLowerCase());
      if (known == null) {
        return refuse(
          res,
          'PERSISTED_QUERY_NOT_FOUND',
          `No trusted operation has the hash ${hash.slice(0, 64)}: this service runs only the operations of its manifest (GRAPHQL_TRUSTED_DOCUMENTS).`,
        );
      }
      if (req.method !== 'GET') (req.body as Body).query = known;
      else req.query.query = known;
      return next();
    }
    return next(); // no operation at all: Apollo answers that
  };
}

/** A manifest of documents (each a whole request text, as a client sends it), deduplicated by hash. */
export function buildManifest(bodies: string[]): Manifest {
  const operations = new Map<string, ManifestOperation>();
  for (const body of bodies) {
    const head = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription)\s*([A-Za-z_][A-Za-z0-9_]*)?/.exec(body);
    const id = sha256(body);
    operations.set(id, {
      id,
      name: head?.[2] ?? null,
      type: (head?.[1] as ManifestOperation['type'] | undefined) ?? 'query',
      body,
    });
  }
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [...operations.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}
