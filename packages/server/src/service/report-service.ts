import type {
  ApiKeyInfo,
  ApiKeyRole,
  AreaIndex,
  Attachment,
  BalaghEmitter,
  Channel,
  ClosureKeyring,
  ConfirmClosureResult,
  CreatedApiKey,
  IntakePort,
  LocalizedCategory,
  PublicReportStatus,
  Report,
  ReporterReportRef,
  ReportInput,
  ReportPage,
  ReportReceipt,
  ReportStats,
  StaffReport,
  Status,
  SubmitReportOptions,
  Taxonomy,
} from '@balagh/core';

import type { OutboxCounts, ReportSlaState, ReportSort, Storage } from '../storage/storage.js';

// The shapes of the API's answers are core's: the client reads the same ones.
export {
  type ApiKeyInfo,
  type ApiKeyRole,
  apiKeyRoles,
  type CreatedApiKey,
  type LikelyDuplicate,
  type ReportPage,
  type ReportStats,
  type StaffClosureCode,
  type StaffReport,
  type StaffReportSla,
} from '@balagh/core';
export type { OutboxCounts, ReportSlaState, ReportSort } from '../storage/storage.js';
export { createReportService } from './create-report-service.js';

/**
 * Who calls the service: the API key that authenticated the request, its role and, for the
 * `department` role, the department it is scoped to. `verifyApiKey` returns one; the HTTP
 * layer passes it to {@link ReportService.forActor}. Internal callers (the SLA monitor, a
 * channel running in-process) use {@link systemActor} or an actor of their own.
 */
export interface Actor {
  /** Id of the API key (the `keyId` part of `blg_<keyId>_<secret>`), or a fixed id such as `system`. */
  readonly keyId: string;
  /** What the caller may do. */
  readonly role: ApiKeyRole | 'system';
  /** The department a `department` key is scoped to; required for that role, ignored otherwise. */
  readonly departmentCode?: string;
}

/** The actor of work the service does by itself (automatic closing, SLA escalations). */
export const systemActor: Actor = { keyId: 'system', role: 'system' };

/**
 * Filters and paging of {@link ActorReportService.listReports}. Each array filter matches any
 * of its values; an empty or absent array does not filter.
 */
export interface ReportListQuery {
  readonly status?: readonly Status[];
  readonly categoryCode?: readonly string[];
  readonly departmentCode?: readonly string[];
  readonly areaCode?: readonly string[];
  readonly channel?: readonly Channel[];
  readonly slaState?: readonly ReportSlaState[];
  /** Created at or after this instant (ISO 8601). */
  readonly createdFrom?: string;
  /** Created strictly before this instant (ISO 8601). */
  readonly createdTo?: string;
  /** `created` (default, newest first) or `sla_due` (soonest due first, undue reports last). */
  readonly sort?: ReportSort;
  /** 1–200, default 50. */
  readonly limit?: number;
  /** The opaque `nextCursor` of the previous page, with the same filters and sort. */
  readonly cursor?: string;
}

/** A time range for {@link ActorReportService.getStats}, on creation time. */
export interface StatsQuery {
  /** Reports created at or after, ISO 8601; default: 30 days before `to`. */
  readonly from?: string;
  /** Reports created strictly before, ISO 8601; default: now. */
  readonly to?: string;
}

/** What {@link ActorReportService.createApiKey} needs. */
export interface CreateApiKeyInput {
  readonly name: string;
  readonly role: ApiKeyRole;
  /** Required for the `department` role. */
  readonly departmentCode?: string;
}

/** A step asked of {@link ActorReportService.transitionReport} (`POST /v1/reports/{id}/transition`). */
export interface TransitionRequest {
  readonly to: Status;
  readonly note?: string;
  /** Master report id, for `to: 'duplicate'`. */
  readonly duplicateOf?: string;
  /** Department, for `to: 'assigned'`. */
  readonly departmentCode?: string;
  /** Only supervisors and admins may choose; others close through `closeWithCode`. */
  readonly closedHow?: 'confirmed' | 'unconfirmed';
}

/** Stored conversation state of one chat user on one channel (WhatsApp). */
export interface ConversationRecord<T = unknown> {
  readonly state: T;
  readonly updatedAt: string;
  readonly expiresAt: string;
}

/** An open report as the SLA monitor sweeps it. */
export interface OpenReportForSla {
  readonly report: Report;
  /** Marks already recorded for this report (`at_risk:0.5`, `breached`...), per clock. */
  readonly marks: readonly { readonly clock: string; readonly mark: string }[];
}

/** What {@link ReportService.recordSlaMark} records, exactly once per report, clock and mark. */
export interface SlaMarkInput {
  readonly reportId: string;
  /** `response` or `resolution`. */
  readonly clock: string;
  /** `at_risk:<share>` (such as `at_risk:0.5`) or `breached`. */
  readonly mark: string;
  /** When it was observed, ISO 8601 or epoch ms; default: the service clock. */
  readonly at?: string | number;
  /** Stored SLA state of the report after this mark, for list filters. */
  readonly slaState?: ReportSlaState;
  /**
   * Escalation to enqueue in the same transaction (outbox kind `escalation`), to the report's
   * department unless `departmentCode` says otherwise. Omit to record the mark only.
   */
  readonly escalation?: {
    readonly departmentCode?: string;
    readonly variables?: Readonly<Record<string, string>>;
  };
}

/** Media bytes read back for serving. */
export interface StoredMedia extends Attachment {
  readonly bytes: Uint8Array;
}

/**
 * The intake service as one actor sees it: core's {@link IntakePort} (the reporter routes,
 * answered for that actor) plus the staff operations, every one checked against the actor's
 * role and, for a `department` key, its department.
 *
 * Errors are `BalaghError`s with the codes of docs/api.md: `FORBIDDEN` when the role may not
 * call the operation at all, `FORBIDDEN_ROLE` when the lifecycle refuses the role a step,
 * `REPORT_NOT_FOUND` (also for a report outside a department key's scope, and for a wrong
 * tracking token), `INVALID_TRANSITION`, `VALIDATION_FAILED`, `UNKNOWN_CATEGORY`,
 * `INVALID_PHONE`, `IDEMPOTENCY_KEY_REUSED`, `CLOSURE_CODE_*`, `CONFLICT` (a concurrent update
 * won twice in a row), `PAYLOAD_TOO_LARGE`, `UNSUPPORTED_MEDIA_TYPE`.
 */
export interface ActorReportService extends IntakePort {
  /** The actor this view acts for. */
  readonly actor: Actor;

  /** Localised categories (any role). */
  listCategories(
    language: ReportInput['language'],
    options?: { signal?: AbortSignal },
  ): Promise<readonly LocalizedCategory[]>;

  /**
   * Creates a report from any channel. `integration` keys may use the channels `web`, `app`,
   * `api`, `open311`, `whatsapp` and `sms`; `call_center` and `field_officer` need an `agent`
   * key or higher (the key is recorded as the actor). Honours `idempotencyKey`, scoped to the
   * actor's key: the same key and body answer the stored receipt, another body throws
   * `IDEMPOTENCY_KEY_REUSED`. A replayed receipt carries the non-enumerable property
   * `[Symbol.for('balagh.submission-outcome')]: 'replayed'` (never serialised), so the HTTP
   * layer can answer `Idempotent-Replayed: true`.
   *
   * @throws `ValidationError` on an invalid input; `UNKNOWN_CATEGORY`, `INVALID_PHONE`,
   * `FORBIDDEN` (a channel the role may not use), `IDEMPOTENCY_KEY_REUSED`.
   */
  submitReport(input: ReportInput, options?: SubmitReportOptions): Promise<ReportReceipt>;

  /** {@link submitReport} for staff creating on behalf of a caller (`call_center`) or as a `field_officer`. */
  createOnBehalf(input: ReportInput, options?: SubmitReportOptions): Promise<ReportReceipt>;

  /**
   * The public status of a report (no personal data, no notes). A ref by contact needs an
   * `agent` key or higher (`FORBIDDEN` otherwise).
   */
  getReportStatus(
    ref: ReporterReportRef,
    options?: { signal?: AbortSignal },
  ): Promise<PublicReportStatus>;

  /**
   * The reporter confirms with their closure code: `valid` closes as confirmed. Failed
   * attempts and lockout persist. `CLOSURE_CODE_NOT_ISSUED` when the report is not resolved.
   */
  confirmClosure(
    ref: ReporterReportRef,
    code: string,
    options?: { signal?: AbortSignal },
  ): Promise<ConfirmClosureResult>;

  /** The reporter says a resolved report is not fixed: back to `in_progress`, a new code later. */
  reopenReport(
    ref: ReporterReportRef,
    reason?: string,
    options?: { signal?: AbortSignal },
  ): Promise<PublicReportStatus>;

  /**
   * Stores an image (JPEG, PNG or WebP, checked by its magic bytes, at most 5 MiB).
   *
   * @throws `PAYLOAD_TOO_LARGE`, `UNSUPPORTED_MEDIA_TYPE`.
   */
  uploadMedia(
    bytes: Uint8Array | Blob,
    contentType: string,
    options?: { signal?: AbortSignal },
  ): Promise<Attachment>;

  /** Lists reports for staff (a `department` key sees only its department's). */
  listReports(query?: ReportListQuery): Promise<ReportPage<StaffReport>>;

  /** Reads one report by id (UUIDv7) or printed number. */
  getReport(idOrNumber: string): Promise<StaffReport>;

  /** Assigns (or reassigns) a report to a department (`POST /v1/reports/{id}/assign`). */
  assignReport(
    idOrNumber: string,
    request: { readonly departmentCode: string; readonly note?: string },
  ): Promise<StaffReport>;

  /**
   * Moves a report along the lifecycle (core's `transition`). `resolved` issues a closure code
   * and notifies the reporter; `duplicate` links to the master and notifies.
   */
  transitionReport(idOrNumber: string, request: TransitionRequest): Promise<StaffReport>;

  /**
   * Closes a resolved report as confirmed with the closure code the reporter gives the officer.
   *
   * @throws `CLOSURE_CODE_INVALID` (details.attemptsLeft), `CLOSURE_CODE_MALFORMED`,
   * `CLOSURE_CODE_EXPIRED`, `CLOSURE_CODE_LOCKED`, `CLOSURE_CODE_NOT_ISSUED`.
   */
  closeWithCode(idOrNumber: string, code: string): Promise<StaffReport>;

  /** Marks a report as a duplicate of a master report and tells its reporter. */
  linkDuplicate(
    idOrNumber: string,
    request: { readonly masterId: string; readonly note?: string },
  ): Promise<StaffReport>;

  /** Stats over a creation-time range (supervisor and admin; a department key gets its own). */
  getStats(query?: StatsQuery): Promise<ReportStats>;

  /** Creates an API key (admin). The plaintext key is in the result only. */
  createApiKey(input: CreateApiKeyInput): Promise<CreatedApiKey>;
  /** Lists API keys (admin), revoked ones included. */
  listApiKeys(): Promise<readonly ApiKeyInfo[]>;
  /** Revokes an API key (admin); `NOT_FOUND` when unknown. Revoking twice is harmless. */
  revokeApiKey(id: string): Promise<void>;
}

/**
 * The Balagh intake service: everything the HTTP layer, the channels, the outbox dispatcher
 * and the SLA monitor need, on top of a {@link Storage}.
 *
 * Calls on behalf of a client go through {@link ReportService.forActor}; the other members
 * are for the process itself (authentication, monitor, metrics, conversations).
 *
 * @example
 * ```ts
 * const service = createReportService({ storage, taxonomy, closureKeyring });
 * const actor = await service.verifyApiKey(bearerToken);
 * if (actor === undefined) throw new BalaghError('UNAUTHENTICATED', 'Unknown API key.');
 * const receipt = await service.forActor(actor).submitReport(input, { idempotencyKey });
 * ```
 */
export interface ReportService {
  /** The service as one actor sees it; cheap, make one per request. */
  forActor(actor: Actor): ActorReportService;

  /**
   * Checks a presented key (`blg_<keyId>_<secret>`): the actor when it is known and not
   * revoked, `undefined` otherwise (never throws for a bad key). Constant-time comparison.
   */
  verifyApiKey(presentedKey: string): Promise<Actor | undefined>;

  /**
   * Creates an API key without an actor: for bootstrapping the first admin key from
   * configuration or a CLI.
   */
  createApiKey(input: CreateApiKeyInput): Promise<CreatedApiKey>;

  /**
   * Closes as `unconfirmed` (system role) every report resolved more than
   * `unconfirmedCloseAfterMs` before `now`, and tells the reporters. Returns how many closed.
   */
  closeUnconfirmed(now?: number): Promise<number>;

  /**
   * Pages through open reports (not closed, rejected nor duplicate), oldest id first, with the
   * SLA marks already recorded: for the SLA monitor. Pass the previous `nextCursor`.
   */
  listOpenReports(options?: {
    readonly cursor?: string;
    readonly limit?: number;
  }): Promise<ReportPage<OpenReportForSla>>;

  /**
   * Records an SLA mark exactly once and, in the same transaction, enqueues its escalation and
   * stores the report's SLA state. Answers `true` when the mark is new, `false` when it was
   * already recorded (nothing enqueued then). Emits `sla.at_risk` / `sla.breached` when new.
   */
  recordSlaMark(input: SlaMarkInput): Promise<boolean>;

  /** Reads stored media (bytes and metadata); `NOT_FOUND` when unknown. */
  readMedia(mediaId: string): Promise<StoredMedia>;

  /** Reads a chat user's conversation state, `undefined` when none or expired. */
  getConversation<T = unknown>(
    channel: string,
    userId: string,
  ): Promise<ConversationRecord<T> | undefined>;
  /** Stores a chat user's conversation state for `ttlMilliseconds` (default 24 h). */
  putConversation<T = unknown>(
    channel: string,
    userId: string,
    state: T,
    ttlMilliseconds?: number,
  ): Promise<void>;
  /** Forgets a chat user's conversation state. */
  deleteConversation(channel: string, userId: string): Promise<void>;
  /**
   * Records that a channel's message (a WhatsApp message id) is being handled: `true` the first
   * time, `false` while an earlier mark stands (for `ttlMilliseconds`, default 7 days), atomically
   * across every process on the database, so a webhook redelivered to another process is
   * handled once. WhatsApp's `MessageDedupeStore.markSeen` is this with the channel fixed.
   */
  markMessageSeen(channel: string, messageId: string, ttlMilliseconds?: number): Promise<boolean>;

  /** Counts of pending and dead outbox rows, for `/metrics`. */
  outboxCounts(): Promise<OutboxCounts>;

  /**
   * Deletes expired idempotency records (kept 24 h, with the receipt they replay) and expired
   * conversations. Call it now and then, such as on each SLA monitor sweep.
   */
  purgeExpired(now?: number): Promise<void>;

  /** Resolves when the database answers a trivial query; throws otherwise (for `/healthz`). */
  checkHealth(): Promise<void>;
}

/** What {@link createReportService} needs. */
export interface ReportServiceOptions {
  /** Where reports live (`createStorage`). The service never closes it. */
  readonly storage: Storage;
  /** Categories, departments and SLA policies (core's `createTaxonomy` or `defaultTaxonomy`). */
  readonly taxonomy: Taxonomy;
  /** Secrets closure codes are derived from (core's `createClosureKeyring`). */
  readonly closureKeyring: ClosureKeyring;
  /** Current time in epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
  /**
   * Public URL of the service, without a trailing slash: tracking links are
   * `${publicBaseUrl}/track/${number}?token=${token}`. Without it receipts carry no link.
   */
  readonly publicBaseUrl?: string;
  /**
   * Secret tracking tokens are derived from (HMAC-SHA-256 of the report id), so every
   * notification can carry the tracking link. Default: derived from the closure keyring's
   * current key. Changing it changes the links in later notifications.
   */
  readonly trackingSecret?: string;
  /** Resolves a location's area code (core's `createAreaIndex`); without it no area is set. */
  readonly areaIndex?: AreaIndex;
  /** How long a resolved report waits for the reporter before closing unconfirmed; default 72 h. */
  readonly unconfirmedCloseAfterMs?: number;
  /** How long a closure code works after issue; default: as long as the report stays resolved. */
  readonly closureCodeTtlMs?: number;
  /** Receives `report.created`, `report.status_changed`, `closure_code.*`, `sla.*` events. */
  readonly emitter?: BalaghEmitter;
  /** Directory media files are written to; default `./data/media`. */
  readonly mediaDirectory?: string;
  /**
   * How long `verifyApiKey` remembers a verified key in memory (only keys that verified, by the
   * key as presented), in milliseconds; default 5,000, `0` reads the key on every request. A key revoked
   * through this service stops working at once; one revoked by another process (the CLI,
   * another server on the same database) within this time.
   */
  readonly apiKeyCacheMs?: number;
}
