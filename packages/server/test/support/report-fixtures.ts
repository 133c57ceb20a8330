import { createHash, randomUUID } from 'node:crypto';
import { createReportId, formatReportNumber, type Report } from '@balagh/core';
import type {
  CreateReportRequest,
  NewReportRecord,
  OutboxInsert,
  ReportWrite,
  Storage,
} from '../../src/storage/storage.js';

/** What {@link newReportRequest} may override in the fixture report. */
export interface ReportFixture {
  readonly hijriYear?: number;
  readonly createdAt?: string;
  readonly categoryCode?: string;
  readonly departmentCode?: string;
  readonly status?: Report['status'];
  readonly channel?: Report['channel'];
  readonly lat?: number;
  readonly lng?: number;
  readonly areaCode?: string;
  readonly phone?: string;
  readonly whatsappUserId?: string;
  readonly resolutionDueAt?: string;
  readonly slaState?: ReportWrite['slaState'];
  /** Outbox rows to enqueue; default one `received` row. */
  readonly outbox?: (report: Report) => OutboxInsert[];
  readonly idempotency?: CreateReportRequest['idempotency'];
}

/** A report as the service would build it for a sequence number: valid, with one timeline entry. */
export function fixtureReport(sequence: number, fixture: ReportFixture = {}): Report {
  const createdAt = fixture.createdAt ?? new Date().toISOString();
  const location =
    fixture.lat === undefined
      ? fixture.areaCode === undefined
        ? undefined
        : { landmark: 'Mina camp 42', areaCode: fixture.areaCode }
      : {
          lat: fixture.lat,
          lng: fixture.lng ?? 39.8,
          ...(fixture.areaCode === undefined ? {} : { areaCode: fixture.areaCode }),
        };
  const status = fixture.status ?? 'received';
  return {
    id: createReportId(Date.parse(createdAt)),
    number: formatReportNumber({ year: fixture.hijriYear ?? 1448, sequence }),
    categoryCode: fixture.categoryCode ?? 'street_lighting',
    description: 'The lamp post is dark.',
    attributes: {},
    ...(location === undefined ? {} : { location }),
    attachments: [],
    ...(fixture.phone === undefined && fixture.whatsappUserId === undefined
      ? {}
      : {
          reporter: {
            ...(fixture.phone === undefined ? {} : { phone: fixture.phone }),
            ...(fixture.whatsappUserId === undefined
              ? {}
              : { whatsappUserId: fixture.whatsappUserId }),
          },
        }),
    channel: fixture.channel ?? 'web',
    language: 'ar',
    status,
    departmentCode: fixture.departmentCode ?? 'lighting',
    priority: 'normal',
    slaPolicyCode: 'normal',
    timeline: [{ at: createdAt, actor: 'test-key', role: 'integration', from: null, to: status }],
    createdAt,
    updatedAt: createdAt,
  };
}

/** A `received` outbox row for a report. */
export function receivedOutboxRow(
  report: Report,
  kind: OutboxInsert['kind'] = 'received',
): OutboxInsert {
  return {
    id: randomUUID(),
    reportId: report.id,
    reportNumber: report.number,
    kind,
    channel: report.channel,
    recipient: { phone: '+966512345678' },
    language: report.language,
    variables: { number: report.number },
    idempotencyKey: `${report.id}:${kind}`,
    createdAt: report.createdAt,
  };
}

/** A create request for the storage, building a {@link fixtureReport}. */
export function newReportRequest(
  fixture: ReportFixture = {},
): CreateReportRequest & { built?: NewReportRecord } {
  const request: CreateReportRequest & { built?: NewReportRecord } = {
    hijriYear: fixture.hijriYear ?? 1448,
    ...(fixture.idempotency === undefined ? {} : { idempotency: fixture.idempotency }),
    build(sequence) {
      const report = fixtureReport(sequence, fixture);
      const record: NewReportRecord = {
        write: {
          report,
          slaState: fixture.slaState ?? 'on_track',
          ...(fixture.resolutionDueAt === undefined
            ? {}
            : { resolutionDueAt: fixture.resolutionDueAt }),
        },
        trackingTokenHash: createHash('sha256').update(`token-${report.id}`).digest('hex'),
        outbox: fixture.outbox === undefined ? [receivedOutboxRow(report)] : fixture.outbox(report),
        response: { id: report.id, number: report.number },
      };
      request.built = record;
      return record;
    },
  };
  return request;
}

/**
 * Sends `before` creates, then one whose outbox repeats a row id (so its unit fails inside the
 * storage), then `after` more, all at once: the group commit or the batch must fail that one
 * alone. Answers every outcome and the failing request.
 */
export async function createsWithOneFailing(
  storage: Pick<Storage, 'createReport'>,
  hijriYear: number,
  before: number,
  after: number,
) {
  const failing = newReportRequest({
    hijriYear,
    outbox: (report) => [receivedOutboxRow(report), { ...receivedOutboxRow(report), id: 'dup' }],
  });
  const create = () => storage.createReport(newReportRequest({ hijriYear }));
  const results = await Promise.allSettled([
    ...Array.from({ length: before }, create),
    storage.createReport(failing),
    ...Array.from({ length: after }, create),
  ]);
  return { results, failing };
}
