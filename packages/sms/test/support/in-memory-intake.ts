import {
  BalaghError,
  type ConfirmClosureResult,
  type IntakePort,
  type Language,
  normalizeClosureCodeInput,
  type PublicReportStatus,
  type ReporterReportRef,
  type Status,
} from '@balagh/core';

/** A report as the fake intake keeps it. */
export interface FakeReport {
  readonly number: string;
  readonly phone: string;
  readonly language: Language;
  status: Status;
  closedHow?: 'confirmed' | 'unconfirmed';
  /** The outstanding closure code, seven digits, while resolved. */
  code?: string;
  attemptsLeft: number;
}

/** Calls the fake intake received, for assertions. */
export interface IntakeCall {
  readonly method: 'confirmClosure' | 'reopenReport' | 'getReportStatus';
  readonly ref: ReporterReportRef;
  readonly argument?: string;
}

/**
 * A real `IntakePort` over a Map, for unit tests of channels: reporters point at their most
 * recent resolved report by phone (or a given number), codes are checked and counted like the
 * service does, and reopen moves a resolved report back to work.
 */
export function createInMemoryIntake(reports: readonly FakeReport[]) {
  const byNumber = new Map(reports.map((report) => [report.number, { ...report }]));
  const calls: IntakeCall[] = [];

  function find(ref: ReporterReportRef, wanted: (report: FakeReport) => boolean): FakeReport {
    if (!('contact' in ref) || !('phone' in ref.contact)) {
      throw new BalaghError('REPORT_NOT_FOUND', 'Only phone contacts are known here.');
    }
    const phone = ref.contact.phone;
    const mine = [...byNumber.values()].filter(
      (report) =>
        report.phone === phone && (ref.number === undefined || report.number === ref.number),
    );
    if (mine.length === 0) throw new BalaghError('REPORT_NOT_FOUND', 'No such report.');
    const awaiting = mine.filter(wanted).at(-1);
    if (awaiting === undefined)
      throw new BalaghError('CLOSURE_CODE_NOT_ISSUED', 'No report awaits an answer.');
    return awaiting;
  }

  function publicStatus(report: FakeReport): PublicReportStatus {
    return {
      number: report.number,
      categoryCode: 'street_lighting',
      status: report.status,
      ...(report.closedHow === undefined ? {} : { closedHow: report.closedHow }),
      language: report.language,
      createdAt: '2026-11-20T08:00:00.000Z',
      updatedAt: '2026-11-27T09:00:00.000Z',
      awaitingConfirmation: report.status === 'resolved' && report.attemptsLeft > 0,
      timeline: [{ at: '2026-11-20T08:00:00.000Z', status: 'received' }],
    };
  }

  const unused = async (): Promise<never> => {
    throw new BalaghError('INTERNAL', 'Not used by the SMS channel.');
  };

  const intake: IntakePort = {
    listCategories: unused,
    submitReport: unused,
    uploadMedia: unused,

    async getReportStatus(ref) {
      calls.push({ method: 'getReportStatus', ref });
      return publicStatus(
        find(ref, (report) => report.status === 'resolved' || report.status === 'awaiting_info'),
      );
    },

    async confirmClosure(ref, code): Promise<ConfirmClosureResult> {
      calls.push({ method: 'confirmClosure', ref, argument: code });
      const report = find(ref, (candidate) => candidate.status === 'resolved');
      const digits = normalizeClosureCodeInput(code);
      if (digits === undefined) return { outcome: 'malformed', report: publicStatus(report) };
      if (report.attemptsLeft === 0) return { outcome: 'locked', report: publicStatus(report) };
      if (digits === report.code) {
        report.status = 'closed';
        report.closedHow = 'confirmed';
        delete report.code;
        return { outcome: 'valid', report: publicStatus(report) };
      }
      report.attemptsLeft -= 1;
      return report.attemptsLeft === 0
        ? { outcome: 'locked', report: publicStatus(report) }
        : { outcome: 'invalid', attemptsLeft: report.attemptsLeft, report: publicStatus(report) };
    },

    async reopenReport(ref, reason) {
      calls.push({
        method: 'reopenReport',
        ref,
        ...(reason === undefined ? {} : { argument: reason }),
      });
      const report = find(ref, (candidate) => candidate.status === 'resolved');
      report.status = 'in_progress';
      delete report.code;
      return publicStatus(report);
    },
  };
  return { intake, calls, reports: byNumber };
}
