import type { Attachment } from '../schemas/attachment.js';
import type { LocalizedCategory } from '../schemas/category-list.js';
import type { Language } from '../schemas/language.js';
import type { ConfirmClosureResult } from '../schemas/public-report-status.js';
import type { PublicReportStatus, ReportReceipt } from '../schemas/report.js';
import type { ReportInput } from '../schemas/report-input.js';

/**
 * How a reporter points at one of their reports: by number and tracking token (web, widget,
 * any app), or — for a trusted channel that has verified who is writing (a WhatsApp or SMS
 * webhook) — by their contact, optionally with a number. Without a number, the port acts on
 * the reporter's most recent report that awaits their answer.
 */
export type ReporterReportRef =
  | { readonly number: string; readonly token: string }
  | {
      readonly contact: { readonly phone: string } | { readonly whatsappUserId: string };
      readonly number?: string;
    };

/** Options of {@link IntakePort.submitReport}. */
export interface SubmitReportOptions {
  /** Makes the submission safe to retry: the same key and input answer the same report. */
  readonly idempotencyKey?: string;
  /** Cancels the call. */
  readonly signal?: AbortSignal;
}

/**
 * What a channel needs from the intake service: submit a report, read its status, confirm
 * its closure, reopen it.
 *
 * The server implements it in-process; `@balagh/client` implements it over HTTP. A channel
 * (WhatsApp, SMS) written against this port runs inside the service or beside it, unchanged.
 * Implementations throw `BalaghError`s with stable codes (`REPORT_NOT_FOUND`,
 * `VALIDATION_FAILED`, `UNKNOWN_CATEGORY`, `INVALID_TRANSITION`...).
 */
export interface IntakePort {
  /** Lists the categories, named in the given language. */
  listCategories(
    language: Language,
    options?: { signal?: AbortSignal },
  ): Promise<readonly LocalizedCategory[]>;
  /** Creates a report and returns its number and tracking token. */
  submitReport(input: ReportInput, options?: SubmitReportOptions): Promise<ReportReceipt>;
  /** Reads a report's public status. */
  getReportStatus(
    ref: ReporterReportRef,
    options?: { signal?: AbortSignal },
  ): Promise<PublicReportStatus>;
  /** Confirms a resolved report with the closure code the reporter received. */
  confirmClosure(
    ref: ReporterReportRef,
    code: string,
    options?: { signal?: AbortSignal },
  ): Promise<ConfirmClosureResult>;
  /** Stores a photo for a report to come; pass the returned `mediaId` in `ReportInput.mediaIds`. */
  uploadMedia(
    bytes: Uint8Array | Blob,
    contentType: string,
    options?: { signal?: AbortSignal },
  ): Promise<Attachment>;
  /** Tells the municipality a resolved report is not fixed; it goes back to work. */
  reopenReport(
    ref: ReporterReportRef,
    reason?: string,
    options?: { signal?: AbortSignal },
  ): Promise<PublicReportStatus>;
}
