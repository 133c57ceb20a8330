import type {
  Channel,
  ClosedHow,
  Language,
  LocalizedCategory,
  Report,
  Role,
  SlaState,
  Status,
} from '@balagh/core';

// The shapes of the intake API (docs/api.md) that core does not define as schemas: staff views,
// pages, stats and API keys. Every request and response type the client uses that is not a
// core schema lives in this one file.

/** The answer of `GET /v1/categories`: categories named in one language. */
export interface CategoryList {
  /** The language the names are in: the asked one, or the server's default when it is unknown. */
  readonly language: Language;
  readonly categories: readonly LocalizedCategory[];
}

/** A role an API key can carry: every {@link Role} except `reporter` and `system`. */
export type ApiKeyRole = Exclude<Role, 'reporter' | 'system'>;

/** SLA figures of a report at the time it was read (`StaffReport.sla`). */
export interface StaffReportSla {
  /** `on_track`, `at_risk` or `breached`. */
  readonly state: SlaState;
  /** When the report must be assigned (response target), ISO 8601. */
  readonly responseDueAt?: string;
  /** When the report must be resolved (resolution target), ISO 8601. */
  readonly resolutionDueAt?: string;
  /** Working milliseconds left until resolution is due; negative once breached. */
  readonly remainingMilliseconds?: number;
  /** When the resolution target was breached, ISO 8601. */
  readonly breachedAt?: string;
  /** Whether the clock is paused while the report awaits the reporter. */
  readonly paused: boolean;
  /** Core's full `SlaStatus`, for callers that want every figure. */
  readonly detail: unknown;
}

/** Closure-code facts staff may see (`StaffReport.closureCode`); never the code itself. */
export interface StaffClosureCode {
  /** A code is outstanding: the report is resolved and the reporter may confirm. */
  readonly issued: boolean;
  /** Failed attempts left before the code locks, while issued. */
  readonly attemptsLeft?: number;
  /** Too many failed attempts: the code no longer works until a reopen issues a new one. */
  readonly locked: boolean;
  /** When the outstanding code stops working, ISO 8601. */
  readonly expiresAt?: string;
}

/** A report near the same place, of the same category, created about the same time. */
export interface LikelyDuplicate {
  readonly id: string;
  readonly number: string;
  readonly distanceMeters: number;
  readonly createdAt: string;
}

/** A report as staff see it: a core `Report` (personal data included) plus live figures. */
export type StaffReport = Report & {
  readonly sla: StaffReportSla;
  readonly closureCode: StaffClosureCode;
  readonly likelyDuplicates: readonly LikelyDuplicate[];
};

/** One page of a cursor-paginated list. */
export interface ReportPage<T> {
  readonly items: readonly T[];
  /** Present when more items follow; pass it as `cursor` to get them. */
  readonly nextCursor?: string;
}

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

/** Counts and rates of the reports created in a range (`GET /v1/stats`). */
export interface ReportStats {
  readonly from: string;
  readonly to: string;
  readonly total: number;
  readonly byStatus: Readonly<Partial<Record<Status, number>>>;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byDepartment: Readonly<Record<string, number>>;
  readonly byChannel: Readonly<Partial<Record<Channel, number>>>;
  /** Counts per UTC day of creation, `YYYY-MM-DD`, ascending. */
  readonly byDay: readonly { readonly day: string; readonly count: number }[];
  /** Share of reports (neither rejected nor duplicate) that are closed; `null` when none. */
  readonly closureRate: number | null;
  /** Share of resolved reports resolved before their due time; `null` when none. */
  readonly slaCompliance: number | null;
  /** Median milliseconds from creation to resolution; `null` when none is resolved. */
  readonly medianTimeToResolveMilliseconds: number | null;
}

/** An API key as listed: never its secret. */
export interface ApiKeyInfo {
  readonly id: string;
  readonly name: string;
  readonly role: ApiKeyRole;
  readonly departmentCode?: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/** A newly created API key: `key` (`blg_<id>_<secret>`) is shown this once. */
export interface CreatedApiKey extends ApiKeyInfo {
  readonly key: string;
}

/** The body of `POST /v1/api-keys`. */
export interface CreateApiKeyInput {
  readonly name: string;
  readonly role: ApiKeyRole;
  /** Required for the `department` role. */
  readonly departmentCode?: string;
}
