/**
 * Helpers the explorer's browser tests share: clicking a node of the cytoscape drawing where it is drawn,
 * and waiting for a condition or a text without timed assertions.
 */
import type { Page } from 'playwright-core';

export type Cy = import('cytoscape').Core;

/** Clicks a node of the cytoscape drawing where it is drawn on screen (a real mouse click on the canvas). */
export async function clickGraphNode(page: Page, pick: (cy: Cy) => string): Promise<void> {
  await clickNodeId(page, await page.evaluate(`(${pick.toString()})(window.collierExplorerGraph)`));
}

/** Clicks the vessel of this name in the drawing (its first voyage node). */
export async function clickVessel(page: Page, name: string): Promise<void> {
  const id = await page.evaluate((label) => {
    const cy = (globalThis as unknown as { collierExplorerGraph: Cy }).collierExplorerGraph;
    return cy
      .nodes('.voyage')
      .filter((n) => n.data('label') === label)
      .first()
      .id();
  }, name);
  await clickNodeId(page, id);
}

async function clickNodeId(page: Page, id: unknown): Promise<void> {
  if (typeof id !== 'string') throw new Error(`no node to click (picked ${String(id)})`);
  const at = await page.evaluate((nodeId) => {
    const cy = (globalThis as unknown as { collierExplorerGraph: Cy }).collierExplorerGraph;
    const n = cy.getElementById(nodeId);
    const ext = cy.extent();
    const p = n.position();
    if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2) cy.center(n);
    return n.renderedPosition();
  }, id);
  await page.waitForTimeout(100);
  const box = await page.locator('.graph-canvas').boundingBox();
  await page.mouse.click(box!.x + at.x, box!.y + at.y);
}

export interface LocatorLike {
  innerText(): Promise<string>;
}

export async function poll(
  check: () => Promise<boolean>,
  what: () => Promise<string>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${await what()}`);
}

export function waitForText(locator: LocatorLike, re: RegExp, timeoutMs?: number): Promise<void> {
  const text = () => locator.innerText().catch(() => '');
  return poll(
    async () => re.test(await text()),
    async () => `text ${re}, have ${JSON.stringify(await text())}`,
    timeoutMs,
  );
}
