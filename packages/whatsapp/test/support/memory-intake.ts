import {
  type Attachment,
  BalaghError,
  type ConfirmClosureResult,
  createReportId,
  defaultTaxonomy,
  formatReportNumber,
  type IntakePort,
  type PublicReportStatus,
  parseInput,
  type ReporterReportRef,
  type ReportInput,
  type ReportReceipt,
  reportInputSchema,
  type Status,
} from '@balagh/core';

/** A report the in-memory intake holds. */
export interface HeldReport {
  readonly id: string;
  readonly number: string;
  readonly input: ReportInput;
  status: Status;
  closedHow?: 'confirmed' | 'unconfirmed';
  closureCode?: string;
  attemptsLeft: number;
  readonly createdAt: string;
  updatedAt: string;
}

/** An {@link IntakePort} in memory, with what it holds open to assertions. */
export interface MemoryIntake extends IntakePort {
  readonly reports: HeldReport[];
  readonly media: {
    readonly mediaId: string;
    readonly bytes: Uint8Array;
    readonly contentType: string;
  }[];
  /** Calls of `submitReport`, with their idempotency keys. */
  readonly submissions: { readonly idempotencyKey: string | undefined }[];
  /** Marks a report resolved with a closure code (seven digits), as staff would. */
  resolve(number: string, closureCode: string): void;
}

const epoch = Date.UTC(2026, 10, 27, 9, 0, 0);

function contactMatches(report: HeldReport, ref: ReporterReportRef): boolean {
  if (!('contact' in ref)) return false;
  const reporter = report.input.reporter;
  return 'phone' in ref.contact
    ? reporter?.phone === ref.contact.phone
    : reporter?.whatsappUserId === ref.contact.whatsappUserId;
}

/**
 * Creates an in-memory intake port behaving like the server for a channel: reports numbered
 * `1448-00000N-c`, idempotent submissions, lookups by contact (the latest report, or the one
 * numbered), closure codes, reopening.
 */
export function createMemoryIntake(): MemoryIntake {
  const reports: HeldReport[] = [];
  const media: MemoryIntake['media'] = [];
  const submissions: MemoryIntake['submissions'] = [];
  const byKey = new Map<string, ReportReceipt>();

  const publicStatus = (report: HeldReport): PublicReportStatus => ({
    number: report.number,
    categoryCode: report.input.categoryCode,
    status: report.status,
    ...(report.closedHow === undefined ? {} : { closedHow: report.closedHow }),
    language: report.input.language,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    resolutionDueAt: new Date(epoch + 86_400_000).toISOString(),
    awaitingConfirmation: report.status === 'resolved',
    timeline: [{ at: report.createdAt, status: 'received' }],
  });

  const find = (ref: ReporterReportRef, awaiting: boolean): HeldReport => {
    const mine = reports.filter((report) =>
      'token' in ref ? report.number === ref.number : contactMatches(report, ref),
    );
    const candidates = mine.filter(
      (report) =>
        (ref.number === undefined || report.number === ref.number) &&
        (!awaiting || report.status === 'resolved'),
    );
    const found = candidates.at(-1);
    if (found === undefined) {
      throw new BalaghError(
        awaiting && mine.length > 0 ? 'CLOSURE_CODE_NOT_ISSUED' : 'REPORT_NOT_FOUND',
        'No such report.',
      );
    }
    return found;
  };

  return {
    reports,
    media,
    submissions,
    resolve(number, closureCode) {
      const report = reports.find((candidate) => candidate.number === number);
      if (report === undefined) throw new Error(`no report ${number}`);
      report.status = 'resolved';
      report.closureCode = closureCode;
      report.attemptsLeft = 5;
    },
    async listCategories(language) {
      return defaultTaxonomy.localizedCategories(language);
    },
    async submitReport(input, options = {}) {
      submissions.push({ idempotencyKey: options.idempotencyKey });
      const known =
        options.idempotencyKey === undefined ? undefined : byKey.get(options.idempotencyKey);
      if (known !== undefined) return known;
      const parsed = parseInput(reportInputSchema, input, 'report input');
      defaultTaxonomy.requireCategory(parsed.categoryCode);
      const createdAt = new Date(epoch + reports.length * 60_000).toISOString();
      const number = formatReportNumber({ year: 1448, sequence: reports.length + 1 });
      const report: HeldReport = {
        id: createReportId(epoch),
        number,
        input: parsed,
        status: 'received',
        attemptsLeft: 5,
        createdAt,
        updatedAt: createdAt,
      };
      reports.push(report);
      const receipt: ReportReceipt = {
        id: report.id,
        number,
        trackingToken: `token-${reports.length}`,
        trackingUrl: `https://balagh.example.org/track/${number}?token=token-${reports.length}`,
        status: 'received',
        categoryCode: parsed.categoryCode,
        departmentCode: defaultTaxonomy.requireCategory(parsed.categoryCode).departmentCode,
        createdAt,
      };
      if (options.idempotencyKey !== undefined) byKey.set(options.idempotencyKey, receipt);
      return receipt;
    },
    async getReportStatus(ref) {
      return publicStatus(find(ref, false));
    },
    async confirmClosure(ref, code): Promise<ConfirmClosureResult> {
      const report = find(ref, true);
      if (report.attemptsLeft === 0) return { outcome: 'locked', report: publicStatus(report) };
      if (code !== report.closureCode) {
        report.attemptsLeft -= 1;
        return {
          outcome: 'invalid',
          attemptsLeft: report.attemptsLeft,
          report: publicStatus(report),
        };
      }
      report.status = 'closed';
      report.closedHow = 'confirmed';
      return { outcome: 'valid', report: publicStatus(report) };
    },
    async uploadMedia(bytes, contentType): Promise<Attachment> {
      const mediaId = `media-${media.length + 1}`;
      const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(await bytes.arrayBuffer());
      media.push({ mediaId, bytes: data, contentType });
      return {
        mediaId,
        contentType: contentType as Attachment['contentType'],
        byteSize: data.byteLength,
      };
    },
    async reopenReport(ref) {
      const report = find(ref, true);
      report.status = 'in_progress';
      return publicStatus(report);
    },
  };
}
