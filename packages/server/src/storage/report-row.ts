import type { Report, TimelineEntry } from '@balagh/core';
import type { Insertable, Selectable } from 'kysely';
import { hashContact } from './contact-hash.js';
import type { OutboxTable, ReportsTable, ReportTimelineTable } from './database-schema.js';
import type {
  IdempotencyInput,
  NewReportRecord,
  OutboxInsert,
  OutboxRow,
  ReportSlaState,
  ReportWrite,
  StoredReport,
} from './storage.js';
import { type InsertShape, rowValues } from './storage-work.js';

/** The columns of a report row that follow from its state (all but id, number and sequence). */
export function reportStateColumns(write: ReportWrite) {
  const { report } = write;
  const reporter = report.reporter;
  return {
    category_code: report.categoryCode,
    department_code: report.departmentCode,
    area_code: report.location?.areaCode ?? null,
    channel: report.channel,
    language: report.language,
    status: report.status,
    priority: report.priority,
    sla_policy_code: report.slaPolicyCode,
    lat: report.location?.lat ?? null,
    lng: report.location?.lng ?? null,
    created_at: report.createdAt,
    updated_at: report.updatedAt,
    resolution_due_at: write.resolutionDueAt ?? null,
    resolved_at: write.resolvedAt ?? null,
    sla_state: write.slaState,
    duplicate_of: report.duplicateOf ?? null,
    reporter_phone_hash:
      reporter?.phone === undefined ? null : hashContact({ phone: reporter.phone }),
    reporter_whatsapp_hash:
      reporter?.whatsappUserId === undefined
        ? null
        : hashContact({ whatsappUserId: reporter.whatsappUserId }),
    data: JSON.stringify(report),
  } satisfies Partial<Insertable<ReportsTable>>;
}

/** A whole new report row. */
export function newReportRow(
  write: ReportWrite,
  hijriYear: number,
  sequence: number,
): Insertable<ReportsTable> {
  return {
    id: write.report.id,
    number: write.report.number,
    hijri_year: hijriYear,
    sequence,
    version: 1,
    ...reportStateColumns(write),
  };
}

/** Timeline rows of entries appended at the end of a timeline of `timelineLength` entries. */
export function timelineRows(
  reportId: string,
  timelineLength: number,
  entries: readonly TimelineEntry[],
): Insertable<ReportTimelineTable>[] {
  const first = timelineLength - entries.length;
  return entries.map((entry, index) => ({
    report_id: reportId,
    position: first + index,
    at: entry.at,
    entry: JSON.stringify(entry),
  }));
}

/** Reads a stored report back from its row. */
export function toStoredReport(row: Selectable<ReportsTable>): StoredReport {
  return {
    report: JSON.parse(row.data) as Report,
    version: Number(row.version),
    slaState: row.sla_state as ReportSlaState,
    ...(row.resolution_due_at === null ? {} : { resolutionDueAt: row.resolution_due_at }),
    ...(row.resolved_at === null ? {} : { resolvedAt: row.resolved_at }),
  };
}

/** The stored form of a report just written. */
export function storedFromWrite(write: ReportWrite, version: number): StoredReport {
  return {
    report: write.report,
    version,
    slaState: write.slaState,
    ...(write.resolutionDueAt === undefined ? {} : { resolutionDueAt: write.resolutionDueAt }),
    ...(write.resolvedAt === undefined ? {} : { resolvedAt: write.resolvedAt }),
  };
}

/** A new outbox row, pending and due at once. */
export function outboxInsertRow(insert: OutboxInsert): Insertable<OutboxTable> {
  return {
    id: insert.id,
    report_id: insert.reportId,
    report_number: insert.reportNumber,
    kind: insert.kind,
    channel: insert.channel,
    recipient: JSON.stringify(insert.recipient),
    language: insert.language,
    variables: JSON.stringify(insert.variables),
    idempotency_key: insert.idempotencyKey,
    status: 'pending',
    attempts: 0,
    next_attempt_at: insert.createdAt,
    last_error: null,
    created_at: insert.createdAt,
    sent_at: null,
    claimed_by: null,
    claimed_until: null,
  };
}

/** Reads an outbox row back. */
export function toOutboxRow(row: Selectable<OutboxTable>): OutboxRow {
  return {
    id: row.id,
    reportId: row.report_id,
    reportNumber: row.report_number,
    kind: row.kind as OutboxRow['kind'],
    channel: row.channel,
    recipient: JSON.parse(row.recipient) as OutboxRow['recipient'],
    language: row.language as OutboxRow['language'],
    variables: JSON.parse(row.variables) as OutboxRow['variables'],
    idempotencyKey: row.idempotency_key,
    status: row.status as OutboxRow['status'],
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
    ...(row.sent_at === null ? {} : { sentAt: row.sent_at }),
    ...(row.claimed_by === null ? {} : { claimedBy: row.claimed_by }),
    ...(row.claimed_until === null ? {} : { claimedUntil: row.claimed_until }),
  };
}

/** The inserts of a new report, as value arrays in their shapes' column order. */
export interface NewReportRows {
  readonly report: readonly unknown[];
  readonly timeline: readonly (readonly unknown[])[];
  readonly trackingToken: readonly unknown[];
  readonly outbox: readonly (readonly unknown[])[];
  readonly idempotency?: readonly unknown[];
}

/** Every column of `reports`, in the order of {@link NewReportRows.report}. */
export const reportInsertShape: InsertShape = {
  table: 'reports',
  columns: [
    'id',
    'number',
    'hijri_year',
    'sequence',
    'version',
    'category_code',
    'department_code',
    'area_code',
    'channel',
    'language',
    'status',
    'priority',
    'sla_policy_code',
    'lat',
    'lng',
    'created_at',
    'updated_at',
    'resolution_due_at',
    'resolved_at',
    'sla_state',
    'duplicate_of',
    'reporter_phone_hash',
    'reporter_whatsapp_hash',
    'data',
  ] satisfies (keyof ReportsTable)[],
};

/** Every column of `report_timeline`. */
export const timelineInsertShape: InsertShape = {
  table: 'report_timeline',
  columns: ['report_id', 'position', 'at', 'entry'] satisfies (keyof ReportTimelineTable)[],
};

/** Every column of `tracking_tokens`. */
export const trackingTokenInsertShape: InsertShape = {
  table: 'tracking_tokens',
  columns: ['report_id', 'token_hash'],
};

/** Every column of `outbox`. */
export const outboxInsertShape: InsertShape = {
  table: 'outbox',
  columns: [
    'id',
    'report_id',
    'report_number',
    'kind',
    'channel',
    'recipient',
    'language',
    'variables',
    'idempotency_key',
    'status',
    'attempts',
    'next_attempt_at',
    'last_error',
    'created_at',
    'sent_at',
    'claimed_by',
    'claimed_until',
  ] satisfies (keyof OutboxTable)[],
};

/** Every column of `idempotency_keys`. */
export const idempotencyInsertShape: InsertShape = {
  table: 'idempotency_keys',
  columns: ['scope', 'key', 'request_hash', 'report_id', 'response', 'created_at', 'expires_at'],
};

/** The rows of a new report (report, timeline, token hash, outbox, idempotency record). */
export function newReportRows(
  record: NewReportRecord,
  hijriYear: number,
  sequence: number,
  idempotency: IdempotencyInput | undefined,
): NewReportRows {
  const { report } = record.write;
  return {
    report: rowValues(
      newReportRow(record.write, hijriYear, sequence),
      reportInsertShape.columns as (keyof ReportsTable)[],
    ),
    timeline: timelineRows(report.id, report.timeline.length, report.timeline).map((row) =>
      rowValues(row, timelineInsertShape.columns as (keyof ReportTimelineTable)[]),
    ),
    trackingToken: [report.id, record.trackingTokenHash],
    outbox: record.outbox.map((insert) =>
      rowValues(outboxInsertRow(insert), outboxInsertShape.columns as (keyof OutboxTable)[]),
    ),
    ...(idempotency === undefined
      ? {}
      : {
          idempotency: [
            idempotency.scope,
            idempotency.key,
            idempotency.requestHash,
            report.id,
            JSON.stringify(record.response),
            idempotency.now,
            idempotency.expiresAt,
          ],
        }),
  };
}
