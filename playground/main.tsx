// Collier's offline GraphQL playground: GraphiQL 5 with every script, style, font and Monaco
// worker bundled by Vite, so the page loads nothing from outside the service.
import 'graphiql/setup-workers/vite'; // Monaco workers as bundled ES module workers (no CDN)
import 'graphiql/style.css';
import './style.css';

import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import schemaSdl from '../schema.graphql?raw';
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

/**
 * The service's schema, bundled at build time from the committed `schema.graphql` (`npm run schema`).
 * Passing it to GraphiQL means the page never sends an introspection query: Docs and completion work
 * while the service refuses introspection (its production default, see GRAPHQL_INTROSPECTION).
 */
const schema = buildSchema(schemaSdl);

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
      schema={schema}
      defaultTabs={exampleTabs}
      defaultQuery={defaultQuery}
      defaultEditorToolsVisibility={false}
    />
  </StrictMode>,
);
