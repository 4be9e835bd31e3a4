/**
 * The export renderer's thread (see renderExport.ts): renders each subgraph it is sent and posts the
 * text back, so that writing a large GraphML, GEXF or CSV file never holds the service's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { exportSubgraph } from '../domain/subgraphExport';
import type { RenderReply, RenderRequest } from './renderExport';

parentPort?.on('message', (request: RenderRequest) => {
  let reply: RenderReply;
  try {
    reply = { id: request.id, text: exportSubgraph(request.graph, request.format) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
