/** Stops the Neo4j that globalSetup started (if it started one) and deletes its data folder. */
import * as fs from 'fs';
import { TEST_NEO4J_HANDLE, type TestNeo4jHandle } from './globalSetup';

export default async function globalTeardown(): Promise<void> {
  const slot = globalThis as Record<string, unknown>;
  const handle = slot[TEST_NEO4J_HANDLE] as TestNeo4jHandle | undefined;
  if (!handle) return;
  delete slot[TEST_NEO4J_HANDLE];
  try {
    await handle.neo4j.stop();
  } finally {
    fs.rmSync(handle.dataDir, { recursive: true, force: true });
  }
}
