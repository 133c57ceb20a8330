import { createReportId, type NotificationKind, type Report } from '@balagh/core';
import type { OutboxInsert } from '../storage/storage.js';

/**
 * The outbox row that tells a report's reporter about it (`received`, `resolved`, `closed`...),
 * on the reporter's channel and language; `undefined` when the report has no phone nor WhatsApp
 * user to write to. Variables left `undefined` are dropped; the idempotency key is the report,
 * the kind and `idempotencySuffix`.
 *
 * @internal
 */
export function outboxNotification(
  report: Report,
  kind: NotificationKind,
  variables: Record<string, string | undefined>,
  idempotencySuffix: string,
  at: string,
): OutboxInsert | undefined {
  const reporter = report.reporter;
  if (reporter?.phone === undefined && reporter?.whatsappUserId === undefined) return undefined;
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(variables)) if (value !== undefined) clean[key] = value;
  return {
    id: createReportId(Date.parse(at)),
    reportId: report.id,
    reportNumber: report.number,
    kind,
    channel: reporter.channel ?? report.channel,
    recipient: {
      ...(reporter.phone === undefined ? {} : { phone: reporter.phone }),
      ...(reporter.whatsappUserId === undefined ? {} : { whatsappUserId: reporter.whatsappUserId }),
    },
    language: reporter.language ?? report.language,
    variables: clean,
    idempotencyKey: `${report.id}:${kind}:${idempotencySuffix}`,
    createdAt: at,
  };
}
