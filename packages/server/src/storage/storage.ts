import type {
  Channel,
  ClosureCodeState,
  Language,
  NotificationKind,
  NotificationRecipient,
  Report,
  Status,
  TimelineEntry,
} from '@balagh/core';
import type { Kysely } from 'kysely';
import type { Database } from './database-schema.js';

/** SLA states a report can be in, as stored for list filters. */
export type ReportSlaState = 'on_track' | 'at_risk' | 'breached';

/** How a report list is sorted: newest first, or soonest resolution due first. */
export type ReportSort = 'created' | 'sla_due';

/** A report as stored: the full report plus what only the storage keeps. */
export interface StoredReport {
  readonly report: Report;
  /** Optimistic-concurrency version; every update adds one. */
  readonly version: number;
  /** Stored SLA state, as the last write or the SLA monitor left it. */
  readonly slaState: ReportSlaState;
  /** When resolution is due, ISO 8601, as of the last write. */
  readonly resolutionDueAt?: string;
  /** When the report was last resolved, ISO 8601. */
  readonly resolvedAt?: string;
}

/** The report state a write stores, with the indexed values derived from it by the caller. */
export interface ReportWrite {
  readonly report: Report;
  readonly slaState: ReportSlaState;
  readonly resolutionDueAt?: string;
  readonly resolvedAt?: string;
}

/** One notification to enqueue in the outbox, in the same transaction as the change causing it. */
export interface OutboxInsert {
  readonly id: string;
  readonly reportId: string;
  readonly reportNumber: string;
  readonly kind: NotificationKind;
  /** The channel the report came from. */
  readonly channel: string;
  readonly recipient: NotificationRecipient;
  readonly language: Language;
  readonly variables: Readonly<Record<string, string>>;
  /** Unique: a second row with the same key fails the whole write. */
  readonly idempotencyKey: string;
  /** ISO 8601; also the first time it may be sent. */
  readonly createdAt: string;
}

/** A claimed outbox row, as the dispatcher delivers it. */
export interface OutboxRow extends Omit<OutboxInsert, 'createdAt'> {
  readonly status: 'pending' | 'sending' | 'sent' | 'dead';
  /** Delivery attempts started so far, this claim included. */
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly createdAt: string;
  readonly lastError?: string;
  readonly sentAt?: string;
  readonly claimedBy?: string;
  readonly claimedUntil?: string;
}

/** Counts of the outbox for metrics. */
export interface OutboxCounts {
  readonly pending: number;
  readonly dead: number;
}

/** The idempotency of a create: scoped to an API key, answered from the stored response. */
export interface IdempotencyInput {
  /** Scope of the key, normally the API key id. */
  readonly scope: string;
  readonly key: string;
  /** Hash of the request body; the same key with another hash is refused. */
  readonly requestHash: string;
  /** The current time, ISO 8601: a stored record that expired by then is ignored. */
  readonly now: string;
  /** ISO 8601; the stored response is not replayed after it. */
  readonly expiresAt: string;
}

/** What the storage builds a new report from, once the report's sequence number is known. */
export interface NewReportRecord {
  readonly write: ReportWrite;
  /** SHA-256 (hex) of the tracking token; the token itself is never stored. */
  readonly trackingTokenHash: string;
  readonly outbox: readonly OutboxInsert[];
  /** The response stored for idempotent replays (the receipt). */
  readonly response: unknown;
}

/** What {@link Storage.createReport} needs. */
export interface CreateReportRequest {
  /** Hijri year the report number belongs to. */
  readonly hijriYear: number;
  readonly idempotency?: IdempotencyInput;
  /**
   * Builds the report from its per-year sequence number, synchronously, inside the write (on
   * SQLite inside the group-commit transaction): do the async work before. It may be called
   * again with another number when the write is retried (on SQLite, when another unit of the
   * same group commit failed), so it must only build, with no other effect.
   */
  build(sequence: number): NewReportRecord;
}

/** What {@link Storage.createReport} answers. */
export type CreateReportResult =
  | { readonly kind: 'created'; readonly stored: StoredReport; readonly response: unknown }
  | { readonly kind: 'replayed'; readonly response: unknown };

/** One change to a report, written in one transaction. */
export interface ReportUpdate {
  readonly reportId: string;
  /** The version read; the write fails with `CONFLICT` when it changed since. */
  readonly expectedVersion: number;
  /** New report state; omit to change only the closure state or enqueue rows. */
  readonly write?: ReportWrite;
  /** Timeline entries appended by this change (the last ones of `write.report.timeline`). */
  readonly newTimelineEntries?: readonly TimelineEntry[];
  /** New closure-code state; `null` deletes it. */
  readonly closureState?: ClosureCodeState | null;
  readonly outbox?: readonly OutboxInsert[];
}

/** Filters of {@link Storage.listReports}. Arrays match any of their values. */
export interface StorageListQuery {
  readonly status?: readonly Status[];
  readonly categoryCode?: readonly string[];
  readonly departmentCode?: readonly string[];
  readonly areaCode?: readonly string[];
  readonly channel?: readonly Channel[];
  readonly slaState?: readonly ReportSlaState[];
  /** Created at or after (ISO 8601). */
  readonly createdFrom?: string;
  /** Created before (ISO 8601). */
  readonly createdTo?: string;
  readonly sort?: ReportSort;
  /** 1–200; default 50. */
  readonly limit?: number;
  readonly cursor?: string;
}

/** A page of reports. */
export interface StoredReportPage<T = StoredReport> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/** The range pre-filter of the duplicates query (see core's `duplicateSearchBox`). */
export interface DuplicateCandidatesQuery {
  readonly categoryCode: string;
  readonly statuses: readonly Status[];
  readonly minLat: number;
  readonly maxLat: number;
  readonly minLng: number;
  readonly maxLng: number;
  readonly createdFrom: string;
  readonly createdTo: string;
  /** Left out of the answer (the report itself). */
  readonly excludeId?: string;
  /** Default 50. */
  readonly limit?: number;
}

/** An open report with its SLA marks, for the SLA monitor. */
export interface OpenStoredReport {
  readonly stored: StoredReport;
  readonly marks: readonly { readonly clock: string; readonly mark: string }[];
}

/** What {@link Storage.recordSlaMark} records. */
export interface SlaMarkRecord {
  readonly reportId: string;
  readonly clock: string;
  readonly mark: string;
  /** ISO 8601. */
  readonly at: string;
  /** New stored SLA state of the report, when it changes. */
  readonly slaState?: ReportSlaState;
  /** Rows to enqueue only when the mark is new. */
  readonly outbox?: readonly OutboxInsert[];
}

/** Raw figures of {@link Storage.stats}. */
export interface StorageStats {
  readonly total: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byDepartment: Readonly<Record<string, number>>;
  readonly byChannel: Readonly<Record<string, number>>;
  readonly byDay: readonly { readonly day: string; readonly count: number }[];
  readonly closureRate: number | null;
  readonly slaCompliance: number | null;
  readonly medianTimeToResolveMilliseconds: number | null;
}

/** An API key row. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly departmentCode?: string;
  /** SHA-256 (hex) of the secret part of the key. */
  readonly secretHash: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/** A media row; the bytes live on disk at `path`. */
export interface MediaRecord {
  readonly id: string;
  readonly contentType: string;
  readonly byteSize: number;
  readonly width?: number;
  readonly height?: number;
  readonly path: string;
  readonly createdAt: string;
}

/** Counters of the write path, to check group commit. */
export interface WriteStatistics {
  /**
   * Transactions committed (or rolled back) by the write path: one fsync each on SQLite. On
   * PostgreSQL, also each statement that wrote creates (one per batch arriving together).
   */
  readonly transactions: number;
  /** Units of work run in those transactions (on PostgreSQL, also creates written). */
  readonly units: number;
  /**
   * SQLite: times a batch found the write lock held by another process and was tried again
   * later (0 with one process). Always 0 on PostgreSQL.
   */
  readonly lockRetries: number;
}

/** What {@link Storage.claimOutbox} claims: up to `limit` due rows for `workerId` until the lease ends. */
export interface OutboxClaim {
  readonly workerId: string;
  readonly limit: number;
  readonly leaseMilliseconds: number;
  /** ISO time: pending rows due at or before it, and leases ended before it, are claimed. */
  readonly now: string;
}

/**
 * Everything Balagh keeps, on SQLite or PostgreSQL, behind one interface. Made by
 * `createStorage`. Every write that belongs together (a report, its timeline entry, its
 * closure-code state, its outbox rows) happens in one transaction.
 *
 * Times are ISO 8601 UTC strings with milliseconds everywhere (they sort as text).
 */
export interface Storage {
  /** Which database is behind it. */
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * The Kysely instance, for diagnostics and tests; do not write through it.
   * @internal
   */
  readonly kysely: Kysely<Database>;

  /**
   * Creates a report with a new per-Hijri-year number, its first timeline entry, tracking
   * token hash and outbox rows, and the idempotency record, in one transaction.
   *
   * @throws `IDEMPOTENCY_KEY_REUSED` when the key was used with another request body.
   */
  createReport(request: CreateReportRequest): Promise<CreateReportResult>;
  /**
   * Applies one change to a report in one transaction.
   *
   * @throws `CONFLICT` when the report's version is not `expectedVersion`;
   * `REPORT_NOT_FOUND` when it does not exist.
   */
  updateReport(update: ReportUpdate): Promise<StoredReport>;
  getReport(id: string): Promise<StoredReport | undefined>;
  getReportByNumber(number: string): Promise<StoredReport | undefined>;
  /** The reporter's most recent report (by contact hash), optionally among some statuses. */
  findLatestReportByContact(
    contact: { readonly phone: string } | { readonly whatsappUserId: string },
    statuses?: readonly Status[],
  ): Promise<StoredReport | undefined>;
  getTrackingTokenHash(reportId: string): Promise<string | undefined>;
  getClosureState(reportId: string): Promise<ClosureCodeState | undefined>;
  /** Closure-code states of several reports at once, by report id (absent when none). */
  getClosureStates(reportIds: readonly string[]): Promise<ReadonlyMap<string, ClosureCodeState>>;
  /** The timeline as appended, oldest first. */
  getTimeline(reportId: string): Promise<readonly TimelineEntry[]>;
  listReports(query: StorageListQuery): Promise<StoredReportPage>;
  /** Reports in the duplicates range box, through the duplicates index. */
  findDuplicateCandidates(query: DuplicateCandidatesQuery): Promise<readonly StoredReport[]>;
  /** Reports marked as duplicates of a master. */
  listDuplicatesOf(masterId: string): Promise<readonly StoredReport[]>;
  /** Resolved reports last updated before an instant, oldest first. */
  listResolvedBefore(before: string, limit: number): Promise<readonly StoredReport[]>;
  /** Open reports in id order with their SLA marks. */
  listOpenReports(options: {
    readonly cursor?: string;
    readonly limit?: number;
  }): Promise<StoredReportPage<OpenStoredReport>>;
  /** Inserts an SLA mark if absent; when new, stores the SLA state and enqueues the rows. */
  recordSlaMark(record: SlaMarkRecord): Promise<boolean>;
  /**
   * Stores a report's SLA state and resolution due time as the SLA monitor computed them, when
   * the report is still at `version` (the version is not bumped: this is derived data, and a
   * concurrent change wins). Answers whether the row was updated.
   */
  storeSlaState(update: {
    readonly reportId: string;
    readonly version: number;
    readonly slaState: ReportSlaState;
    readonly resolutionDueAt?: string;
  }): Promise<boolean>;
  stats(query: {
    readonly from: string;
    readonly to: string;
    readonly departmentCode?: string;
  }): Promise<StorageStats>;

  /**
   * Claims up to `limit` due rows (pending and due, or sending with an expired lease) for
   * `workerId` until `now + leaseMilliseconds`, adding one to their attempts.
   */
  claimOutbox(options: OutboxClaim): Promise<readonly OutboxRow[]>;
  /** Marks a row sent; idempotent (`false` when it already was). */
  markOutboxSent(id: string, at: string): Promise<boolean>;
  /** Puts a row claimed by `workerId` back to pending until `nextAttemptAt`. */
  markOutboxRetry(
    id: string,
    workerId: string,
    nextAttemptAt: string,
    error: string,
  ): Promise<boolean>;
  /** Gives up on a row claimed by `workerId`. */
  markOutboxDead(id: string, workerId: string, error: string): Promise<boolean>;
  outboxCounts(): Promise<OutboxCounts>;
  /** Outbox rows of a report, oldest first (for tests and support). */
  listOutbox(filter?: { readonly reportId?: string }): Promise<readonly OutboxRow[]>;

  insertApiKey(record: ApiKeyRecord): Promise<void>;
  getApiKey(id: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(): Promise<readonly ApiKeyRecord[]>;
  /** `false` when unknown; revoking twice keeps the first time. */
  revokeApiKey(id: string, at: string): Promise<boolean>;

  insertMedia(record: MediaRecord): Promise<void>;
  getMedia(id: string): Promise<MediaRecord | undefined>;

  getConversation(
    channel: string,
    userId: string,
    now: string,
  ): Promise<{ state: unknown; updatedAt: string; expiresAt: string } | undefined>;
  putConversation(
    channel: string,
    userId: string,
    state: unknown,
    updatedAt: string,
    expiresAt: string,
  ): Promise<void>;
  deleteConversation(channel: string, userId: string): Promise<void>;
  /**
   * Records that a channel message was handled, atomically across processes: `true` the first
   * time an id is marked (or once its earlier mark expired), `false` while a mark stands.
   */
  markMessageSeen(
    channel: string,
    messageId: string,
    now: string,
    expiresAt: string,
  ): Promise<boolean>;

  /** Deletes expired idempotency records, conversations and message marks. */
  purgeExpired(now: string): Promise<void>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  /** Counters of the write path. */
  writeStatistics(): WriteStatistics;
  /** Waits for queued writes and closes the database. */
  close(): Promise<void>;
}
