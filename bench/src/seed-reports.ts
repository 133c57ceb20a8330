import { createHash, randomBytes } from 'node:crypto';
import {
  createReportId,
  createWorkingCalendar,
  defaultTaxonomy,
  formatReportNumber,
  hijriYearOf,
  type Report,
  type SlaPolicy,
  slaStatus,
  type WorkingCalendar,
} from '@balagh/core';
import type { Storage } from '@balagh/server';
import { seasonReports } from './season-mix.js';

/**
 * Stores `count` reports straight through the storage (no HTTP, no notifications), many at a
 * time so that SQLite's group commit writes them in big transactions (up to 128 per commit) and
 * PostgreSQL's pool stays busy. Answers the milliseconds it took.
 */
export async function seedReports(storage: Storage, count: number): Promise<number> {
  const started = performance.now();
  const inputs = seasonReports(Math.min(count, 10_000), 99);
  const now = Date.now() - 30 * 86_400_000;
  const year = hijriYearOf(now);
  const calendars = new Map<SlaPolicy, WorkingCalendar>();
  const calendarOf = (policy: SlaPolicy) => {
    let calendar = calendars.get(policy);
    if (calendar === undefined) {
      calendar = createWorkingCalendar(policy.calendar);
      calendars.set(policy, calendar);
    }
    return calendar;
  };
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const input = inputs[index % inputs.length] as (typeof inputs)[number];
      const category = defaultTaxonomy.requireCategory(input.categoryCode);
      const createdAt = new Date(now + index * 200).toISOString();
      const policy = defaultTaxonomy.slaPolicyFor(category.code);
      await storage.createReport({
        hijriYear: year,
        build(sequence) {
          const report: Report = {
            id: createReportId(Date.parse(createdAt)),
            number: formatReportNumber({ year, sequence }),
            categoryCode: category.code,
            description: input.description,
            attributes: {},
            ...(input.location === undefined ? {} : { location: input.location }),
            attachments: [],
            ...(input.reporter === undefined ? {} : { reporter: input.reporter }),
            channel: input.channel,
            language: input.language,
            status: 'received',
            departmentCode: category.departmentCode,
            priority: category.priority,
            slaPolicyCode: policy.code,
            timeline: [
              { at: createdAt, actor: 'seed', role: 'system', from: null, to: 'received' },
            ],
            createdAt,
            updatedAt: createdAt,
          };
          // Stored as the service stores it: SLA state and due time as of creation.
          const sla = slaStatus(report, policy, createdAt, { calendar: calendarOf(policy) });
          return {
            write: { report, slaState: sla.state, resolutionDueAt: sla.resolution.dueAt },
            trackingTokenHash: createHash('sha256').update(randomBytes(16)).digest('hex'),
            outbox: [],
            response: { id: report.id, number: report.number },
          };
        },
      });
    }
  };
  await Promise.all(Array.from({ length: storage.dialect === 'sqlite' ? 512 : 20 }, worker));
  return performance.now() - started;
}
