import { createReportId } from '@balagh/core';
import type { OutboxInsert } from '../storage/storage.js';
import { notFound } from './report-lookup.js';
import type { ReportService } from './report-service.js';
import type { ServiceContext } from './service-context.js';

/**
 * What the SLA monitor asks of the service: pages of open reports with their marks, and
 * recording a mark exactly once with its escalation.
 *
 * @internal
 */
export type SlaOperations = Pick<ReportService, 'listOpenReports' | 'recordSlaMark'>;

/**
 * Creates the {@link SlaOperations} of a service.
 *
 * @internal
 */
export function createSlaOperations(context: ServiceContext): SlaOperations {
  const { storage, clock, nowIso, emit, slaOf } = context;

  return {
    async listOpenReports(pageOptions = {}) {
      const page = await storage.listOpenReports(pageOptions);
      const items = page.items.map((item) => ({ report: item.stored.report, marks: item.marks }));
      return page.nextCursor === undefined ? { items } : { items, nextCursor: page.nextCursor };
    },

    async recordSlaMark(input) {
      const stored = await storage.getReport(input.reportId);
      if (stored === undefined) throw notFound();
      const { report } = stored;
      const atMilliseconds =
        input.at === undefined
          ? clock()
          : typeof input.at === 'number'
            ? input.at
            : Date.parse(input.at);
      const at = nowIso(atMilliseconds);
      const escalation = input.escalation;
      const outbox: OutboxInsert[] =
        escalation === undefined
          ? []
          : [
              {
                id: createReportId(atMilliseconds),
                reportId: report.id,
                reportNumber: report.number,
                kind: 'escalation',
                channel: report.channel,
                recipient: { departmentCode: escalation.departmentCode ?? report.departmentCode },
                language: report.language,
                variables: {
                  number: report.number,
                  clock: input.clock,
                  mark: input.mark,
                  ...escalation.variables,
                },
                idempotencyKey: `${report.id}:sla:${input.clock}:${input.mark}`,
                createdAt: at,
              },
            ];
      const isNew = await storage.recordSlaMark({
        reportId: report.id,
        clock: input.clock,
        mark: input.mark,
        at,
        ...(input.slaState === undefined ? {} : { slaState: input.slaState }),
        outbox,
      });
      const target: 'response' | 'resolution' | undefined =
        input.clock === 'response'
          ? 'response'
          : input.clock === 'resolution'
            ? 'resolution'
            : undefined;
      if (isNew && target !== undefined) {
        const sla = slaOf(report, atMilliseconds)[target];
        const base = {
          reportId: report.id,
          number: report.number,
          at,
          target,
          departmentCode: report.departmentCode,
          dueAt: sla.dueAt,
        };
        if (input.mark === 'breached') {
          emit('sla.breached', { ...base, breachedAt: sla.breachedAt ?? sla.dueAt });
        } else if (input.mark.startsWith('at_risk')) {
          const share = Number(input.mark.split(':')[1]);
          emit('sla.at_risk', {
            ...base,
            elapsedShare: Number.isFinite(share) ? share : sla.elapsedMs / sla.targetMs,
          });
        }
      }
      return isNew;
    },
  };
}
