// Collier's offline GraphQL playground: GraphiQL 5 with every script, style, font and Monaco
// worker bundled by Vite, so the page loads nothing from outside the service.
import 'graphiql/setup-workers/vite'; // Monaco workers as bundled ES module workers (no CDN)
import 'graphiql/style.css';
import './style.css';

import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { exampleTabs } from './examples';

/**
 * The page is served at the GraphQL endpoint itself (GET with `Accept: text/html`), so the API URL is
 * the page's own URL without query string or fragment: this works behind any host, port or path prefix.
 */
function endpointUrl(): string {
  const { origin, pathname } = window.location;
  return origin + pathname;
}

const fetcher = createGraphiQLFetcher({ url: endpointUrl() });

/** What a new tab (the + button) starts with. */
const defaultQuery = `# Collier: ships, ports, companies and sanctions around North Korean coal.
# Press Ctrl+Space for completion; the Docs panel (left) lists every type and field.
`;

const container = document.getElementById('graphiql');
if (!container) throw new Error('#graphiql element missing');
container.textContent = '';

createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={exampleTabs}
      defaultQuery={defaultQuery}
      defaultEditorToolsVisibility={false}
    />
  </StrictMode>,
);
