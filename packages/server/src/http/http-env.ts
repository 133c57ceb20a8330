import type { Actor } from '../service/report-service.js';

/** What the HTTP layer keeps on a request's Hono context. */
export interface HttpVariables {
  /** The route pattern that answered (`/v1/reports/{ref}`), for logs and metrics. */
  routePattern: string;
  /** The caller, once its API key is verified. */
  actor: Actor;
}

/** The Hono environment of the app {@link createHttpApp} builds. */
export interface HttpEnv {
  Variables: HttpVariables;
}
