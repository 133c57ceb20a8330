/**
 * The tables Balagh keeps, as Kysely sees them. Every time is an ISO 8601 UTC string with
 * milliseconds (`2026-11-27T10:00:00.000Z`), so times sort and compare as text on both SQLite
 * and PostgreSQL; every JSON value is text. See docs/server/storage.md.
 */
export interface Database {
  reports: ReportsTable;
  report_timeline: ReportTimelineTable;
  closure_codes: ClosureCodesTable;
  tracking_tokens: TrackingTokensTable;
  outbox: OutboxTable;
  sla_marks: SlaMarksTable;
  idempotency_keys: IdempotencyKeysTable;
  api_keys: ApiKeysTable;
  media: MediaTable;
  conversations: ConversationsTable;
  report_sequences: ReportSequencesTable;
  seen_messages: SeenMessagesTable;
}

/** One row per report; `data` holds the full report (reporter included) as JSON. */
export interface ReportsTable {
  id: string;
  number: string;
  hijri_year: number;
  sequence: number;
  category_code: string;
  department_code: string;
  area_code: string | null;
  channel: string;
  language: string;
  status: string;
  priority: string;
  sla_policy_code: string;
  lat: number | null;
  lng: number | null;
  created_at: string;
  updated_at: string;
  resolution_due_at: string | null;
  resolved_at: string | null;
  sla_state: string;
  version: number;
  duplicate_of: string | null;
  /** SHA-256 (hex) of the reporter's E.164 phone number; the number itself is only in `data`. */
  reporter_phone_hash: string | null;
  /** SHA-256 (hex) of the reporter's WhatsApp user id. */
  reporter_whatsapp_hash: string | null;
  data: string;
}

/** Append-only history: one row per timeline entry, never updated. */
export interface ReportTimelineTable {
  report_id: string;
  position: number;
  at: string;
  entry: string;
}

/** Closure-code state (core's `ClosureCodeState`) per report, as JSON. */
export interface ClosureCodesTable {
  report_id: string;
  state: string;
  updated_at: string;
}

/** SHA-256 (hex) of each report's tracking token. */
export interface TrackingTokensTable {
  report_id: string;
  token_hash: string;
}

/** Transactional outbox of notifications. */
export interface OutboxTable {
  id: string;
  report_id: string;
  report_number: string;
  kind: string;
  channel: string;
  recipient: string;
  language: string;
  variables: string;
  idempotency_key: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
}

/** SLA marks, each recorded once (primary key). */
export interface SlaMarksTable {
  report_id: string;
  clock: string;
  mark: string;
  at: string;
}

/** Idempotency keys of creates, scoped per API key. */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  report_id: string;
  response: string;
  created_at: string;
  expires_at: string;
}

/** API keys; only the hash of the secret. */
export interface ApiKeysTable {
  id: string;
  name: string;
  role: string;
  department_code: string | null;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** Uploaded media; bytes on disk. */
export interface MediaTable {
  id: string;
  content_type: string;
  byte_size: number;
  width: number | null;
  height: number | null;
  path: string;
  created_at: string;
}

/** Generic per-chat-user state with expiry (the WhatsApp conversation). */
export interface ConversationsTable {
  channel: string;
  user_id: string;
  state: string;
  updated_at: string;
  expires_at: string;
}

/**
 * Ids of channel messages already handled (a WhatsApp message id), so that a webhook delivered
 * again, to this process or another, is handled once.
 */
export interface SeenMessagesTable {
  channel: string;
  message_id: string;
  /** When the id may be forgotten (the channel no longer redelivers after that). */
  expires_at: string;
}

/** Per-Hijri-year report counters (SQLite only; PostgreSQL uses sequences). */
export interface ReportSequencesTable {
  hijri_year: number;
  value: number;
}
