import type { ApiKeyRole, Channel, ClosedHow, SlaState, Status } from '@balagh/core';

// The shapes of the intake API (docs/api.md) as the client sends and reads them. What the server
// answers is defined once, with its schema, in @balagh/core and re-exported here under the names
// the client has always used; the requests, which the client builds, are declared here.

export type {
  ApiKeyInfo,
  ApiKeyRole,
  CategoryList,
  CreatedApiKey,
  LikelyDuplicate,
  ReportPage,
  ReportStats,
  StaffClosureCode,
  StaffReport,
  StaffReportSla,
} from '@balagh/core';

/** An instant as an ISO 8601 string or a `Date`. */
export type Instant = string | Date;

/**
 * Filters, sort and paging of `GET /v1/reports`. Each filter takes one value or several; a
 * report matches when it has any of them.
 */
export interface ReportListQuery {
  readonly status?: Status | readonly Status[] | undefined;
  /** Category codes. */
  readonly category?: string | readonly string[] | undefined;
  /** Department codes. */
  readonly department?: string | readonly string[] | undefined;
  /** Area codes resolved by geo-routing. */
  readonly area?: string | readonly string[] | undefined;
  readonly channel?: Channel | readonly Channel[] | undefined;
  readonly slaState?: SlaState | readonly SlaState[] | undefined;
  /** Created at or after this instant. */
  readonly createdFrom?: Instant | undefined;
  /** Created strictly before this instant. */
  readonly createdTo?: Instant | undefined;
  /** `created` (default, newest first) or `sla_due` (soonest resolution due first). */
  readonly sort?: 'created' | 'sla_due' | undefined;
  /** Page size, 1–200; the server's default is 50. */
  readonly limit?: number | undefined;
  /** The `nextCursor` of the previous page, with the same filters and sort. */
  readonly cursor?: string | undefined;
}

/** The body of `POST /v1/reports/{id}/assign`. */
export interface AssignRequest {
  readonly departmentCode: string;
  readonly note?: string;
}

/** The body of `POST /v1/reports/{id}/transition`: a step along the lifecycle. */
export interface TransitionRequest {
  readonly to: Status;
  readonly note?: string;
  /** The master report's id, when moving to `duplicate`. */
  readonly duplicateOf?: string;
  /** The department, when moving to `assigned`. */
  readonly departmentCode?: string;
  /** How a report moved to `closed` is closed; supervisors and admins only. */
  readonly closedHow?: ClosedHow;
}

/** The body of `POST /v1/reports/{id}/duplicate`. */
export interface LinkDuplicateRequest {
  /** The id of the master report. */
  readonly masterId: string;
  readonly note?: string;
}

/** The range of `GET /v1/stats`, on creation time. */
export interface StatsQuery {
  /** Reports created at or after; the server's default is 30 days before `to`. */
  readonly from?: Instant | undefined;
  /** Reports created strictly before; the server's default is now. */
  readonly to?: Instant | undefined;
}

/** The body of `POST /v1/api-keys`. */
export interface CreateApiKeyInput {
  readonly name: string;
  readonly role: ApiKeyRole;
  /** Required for the `department` role. */
  readonly departmentCode?: string;
}
