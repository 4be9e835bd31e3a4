/** What every resolver receives: the database, this request's loaders and statement counter, and its logger. */
import { Database, StatementCounter } from '../db/database';
import { Loaders } from '../db/loaders';
import { Logger } from '../logger';
import { AuthContext } from '../http/auth';
import { ResponseBudget } from './listBound';
import type { AlertFeed } from '../http/alertFeed';

export interface Context {
  db: Database;
  loaders: Loaders;
  counter: StatementCounter;
  requestId: string;
  logger: Logger;
  /** The caller (null when anonymous) and the audit-reading role; see resolvers/authChecker.ts. */
  auth: AuthContext;
  /** What the client should know about an answer that is not an error (sent as `extensions.warnings`). */
  warnings: Warning[];
  /** The list items this answer may still hold (GRAPHQL_MAX_RESPONSE_OBJECTS). */
  budget: ResponseBudget;
  /** This replica's live alerts: set for operations over WebSocket (src/http/subscriptions.ts). */
  alertFeed?: AlertFeed;
}

export interface Warning {
  code: 'PATH_CAP_REACHED';
  message: string;
  path?: readonly (string | number)[];
}
