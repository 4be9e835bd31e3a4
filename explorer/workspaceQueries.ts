/**
 * The GraphQL documents of the analyst's workspace in the explorer: timelines, watchlists and alerts
 * (docs/watchlists.md), and investigations. Every user value travels as a variable.
 */

const RANGE = `from to text`;
const EVENT = `kind summary refId confidence date { ${RANGE} } sources { id url publisher title date }`;

export interface TimelineEventData {
  kind: string;
  summary: string;
  refId: string | null;
  confidence: number | null;
  date: { from: string | null; to: string | null; text: string | null } | null;
  sources: { id: string; url: string; publisher: string; title: string | null; date: string | null }[];
}

/** Every kind of entity's events in time order (the workspace API's `timeline`), a page at a time. */
export const TIMELINE = /* GraphQL */ `
  query ExplorerTimeline($id: ID!, $after: String) {
    timeline(id: $id, first: 100, after: $after) {
      totalCount
      edges { node { ${EVENT} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export interface TimelinePage {
  timeline: {
    totalCount: number;
    edges: { node: TimelineEventData }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Pages read at most for one time bar (100 events each): a port's busiest years stay readable. */
export const TIMELINE_MAX_PAGES = 5;

/** The older vessel-only timeline, for a service without `timeline`. */
export const VESSEL_TIMELINE = /* GraphQL */ `
  query ExplorerVesselTimeline($id: ID!) {
    vesselTimeline(id: $id) { ${EVENT} }
  }
`;

// --- watchlists and alerts ------------------------------------------------------------------------

export interface WatchlistData {
  id: string;
  name: string;
  owner: string;
  entityIds: string[];
  ports: string[];
  countries: string[];
  unreadCount: number;
}

export interface AlertData {
  id: string;
  watchlistId: string;
  at: string;
  kind: string;
  entityId: string;
  factId: string;
  summary: string;
  read: boolean;
}

const WATCHLIST = `id name owner entityIds ports countries unreadCount`;
const ALERT = `id watchlistId at kind entityId factId summary read`;

export const WATCHLISTS = /* GraphQL */ `
  query ExplorerWatchlists($after: String) {
    watchlists(first: 100, after: $after) {
      totalCount
      edges { node { ${WATCHLIST} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const UNREAD_ALERTS = /* GraphQL */ `
  query ExplorerUnreadAlerts($watchlistId: ID!) {
    watchlist(id: $watchlistId) { ${WATCHLIST} }
    alerts(watchlistId: $watchlistId, unreadOnly: true, first: 20) {
      totalCount
      edges { node { ${ALERT} } }
    }
  }
`;

export const MARK_ALERTS_READ = /* GraphQL */ `
  mutation ExplorerMarkAlertsRead($watchlistId: ID!, $alertIds: [ID!]) {
    markAlertsRead(watchlistId: $watchlistId, alertIds: $alertIds)
  }
`;

export const ALERTS_SUBSCRIPTION = /* GraphQL */ `
  subscription ExplorerAlerts($watchlistId: ID!, $since: String) {
    alerts(watchlistId: $watchlistId, since: $since) { ${ALERT} }
  }
`;

export const CREATE_WATCHLIST = /* GraphQL */ `
  mutation ExplorerCreateWatchlist($input: CreateWatchlistInput!) {
    createWatchlist(input: $input) { ${WATCHLIST} }
  }
`;

export const UPDATE_WATCHLIST = /* GraphQL */ `
  mutation ExplorerUpdateWatchlist($id: ID!, $input: UpdateWatchlistInput!) {
    updateWatchlist(id: $id, input: $input) { ${WATCHLIST} }
  }
`;

/** A reader-level query that tells whether a credential is accepted (UNAUTHENTICATED otherwise). */
export const CHECK_CREDENTIAL = /* GraphQL */ `
  query ExplorerCheckCredential {
    watchlists(first: 1) {
      totalCount
    }
  }
`;

// --- investigations ---------------------------------------------------------------------------------

export interface SavedTraceParameters {
  origin: string | null;
  destination: string | null;
  windowFrom: string | null;
  windowTo: string | null;
  maxHops: number;
  maxWaitDays: number;
  minConfidence: number | null;
  destinationCountry: string | null;
  limit: number;
}

export interface InvestigationItemData {
  id: string;
  position: number;
  kind: 'ENTITY' | 'TRACE' | 'QUERY';
  note: string | null;
  author: string;
  addedAt: string;
  entityId: string | null;
  entity: { __typename: string; id: string; name?: string | null } | null;
  trace: {
    parameters: SavedTraceParameters;
    savedRouteCount: number;
    routeCount: number;
    changed: boolean;
    addedRouteIds: string[];
    removedRouteIds: string[];
  } | null;
  query: { text: string; variables: string | null } | null;
}

export interface InvestigationData {
  id: string;
  title: string;
  summary: string | null;
  owner: string;
  createdAt: string;
  updatedAt: string;
  itemCount: number;
  items: InvestigationItemData[];
}

export interface InvestigationSummary {
  id: string;
  title: string;
  owner: string;
  itemCount: number;
  updatedAt: string;
}

export const INVESTIGATIONS = /* GraphQL */ `
  query ExplorerInvestigations {
    investigations(first: 50) {
      totalCount
      edges {
        node {
          id
          title
          owner
          itemCount
          updatedAt
        }
      }
    }
  }
`;

/**
 * Items a page at a time: a saved trace re-runs when `changed` is asked for, and the service re-runs at
 * most 10 per request (TOO_MANY_TRACES past that).
 */
export const INVESTIGATION_ITEMS_PAGE = 10;

export const INVESTIGATION = /* GraphQL */ `
  query ExplorerInvestigation($id: ID!, $afterPosition: Int) {
    investigation(id: $id) {
      id title summary owner createdAt updatedAt itemCount
      items(first: ${INVESTIGATION_ITEMS_PAGE}, afterPosition: $afterPosition) {
        id position kind note author addedAt entityId
        entity {
          __typename id
          ... on Vessel { name }
          ... on Port { name }
          ... on Company { name }
          ... on Person { name }
        }
        trace {
          parameters {
            origin destination windowFrom windowTo maxHops maxWaitDays minConfidence destinationCountry limit
          }
          savedRouteCount routeCount changed addedRouteIds removedRouteIds
        }
        query { text variables }
      }
    }
  }
`;

export const CREATE_INVESTIGATION = /* GraphQL */ `
  mutation ExplorerCreateInvestigation($input: CreateInvestigationInput!) {
    createInvestigation(input: $input) {
      id
      title
      owner
      itemCount
      updatedAt
    }
  }
`;

export const ADD_TO_INVESTIGATION = /* GraphQL */ `
  mutation ExplorerAddToInvestigation($id: ID!, $item: InvestigationItemInput!) {
    addToInvestigation(id: $id, item: $item) {
      id
      position
    }
  }
`;

export const REMOVE_FROM_INVESTIGATION = /* GraphQL */ `
  mutation ExplorerRemoveFromInvestigation($id: ID!, $itemId: ID!) {
    removeFromInvestigation(id: $id, itemId: $itemId) {
      id
      itemCount
    }
  }
`;

/** An investigation written out as a Markdown or HTML report (saved by the page as a file). */
export const INVESTIGATION_REPORT = /* GraphQL */ `
  query ExplorerInvestigationReport($id: ID!, $format: ReportFormat!) {
    investigationReport(id: $id, format: $format) {
      content
      fileName
      mediaType
    }
  }
`;
