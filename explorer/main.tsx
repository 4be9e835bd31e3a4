// Collier's route explorer: React, cytoscape and the page's own code, bundled by Vite; the page loads
// nothing from outside the service and talks to it only through the public GraphQL API.
import './style.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';

// Cytoscape adds a one-rule <style> element to <head> unless an element with this id exists; the page's
// CSP allows no inline styles, so the rule lives in style.css and this placeholder takes the element's place.
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
  const placeholder = document.createElement('meta');
  placeholder.id = CYTOSCAPE_STYLESHEET_ID;
  placeholder.name = 'cytoscape-stylesheet';
  placeholder.content = 'in style.css';
  document.head.append(placeholder);
}

const container = document.getElementById('explorer');
if (!container) throw new Error('#explorer element missing');
container.textContent = '';

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
