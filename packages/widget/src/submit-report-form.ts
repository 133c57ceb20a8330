import { randomUuid } from '@balagh/client/fetch';
import type { ReportReceipt } from '@balagh/core';
import { emitWidgetError, emitWidgetEvent } from './emit-widget-event.js';
import { type OfflineQueue, openOfflineQueue, type QueuedReport } from './offline-queue.js';
import { missingNote, readReportForm } from './read-report-form.js';
import { type Outcome, runWidgetOperation } from './run-widget-operation.js';
import { sendQueuedReports, sendReport } from './send-queued-reports.js';
import { WidgetMessage as M, type WidgetLanguage } from './strings/widget-strings.js';
import { noteText, widgetStringsOf } from './views/note-text.js';
import { showView } from './views/render-widget.js';
import type { Note, WidgetContext } from './widget-context.js';
import { widgetService } from './widget-service.js';
import { widgetStorage } from './widget-storage.js';

/** Where the element keeps the number and token of the last report sent to a service. */
export const lastReportKey = (apiBase: string | undefined) => `balagh-widget:${apiBase}`;

let sharedQueue: OfflineQueue | undefined;
// Opened on first use, once for every element of the page.
const widgetQueue = () => {
  sharedQueue ??= openOfflineQueue();
  return sharedQueue;
};

/** Which field a validation issue of the service is about, by the first segment of its path. */
const issueFields: Readonly<Record<string, string>> = {
  categoryCode: 'category',
  description: 'description',
  location: 'landmark',
  reporter: 'phone',
};

// The control that takes the focus for a field's error: the search box for the category.
const focusOf = (field: string | undefined) => (field === 'category' ? 'search' : field);

/**
 * Sends the report the form holds, or shows what is missing. Offline, or when the network fails
 * on the way, the report is queued on the device instead, to be sent with the same idempotency
 * key once the network returns; a refusal of the service is shown under the field it is about.
 */
export async function submitReportForm(c: WidgetContext): Promise<void> {
  if (c.busy_) return;
  const { input, missing } = readReportForm(c);
  c.notes_ = { ...statusNotes(c), 'location-note': c.notes_['location-note'] };
  for (const field of missing) c.notes_[field] = missingNote(field);
  const [first] = missing;
  if (input === undefined) {
    showView(c, undefined, focusOf(first), noteText(c, missingNote(`${first}`)));
    return;
  }
  let report: QueuedReport = {
    id: randomUuid(),
    apiBase: widgetService(c)?.base_ ?? '',
    input,
    queuedAt: input.submittedAt ?? '',
    ...(c.photo_ && { photo: c.photo_.blob_ }),
  };
  await runWidgetOperation(
    c,
    async ({ client_: client }) => {
      showView(c, undefined, undefined, widgetStringsOf(c)[M.loading]);
      if (globalThis.navigator?.onLine === false) return queueReport(c, report);
      const receipt = await sendReport(client, report, (uploaded) => {
        report = uploaded;
      });
      clearForm(c);
      acceptReceipt(c, receipt, report, false);
    },
    (error, code) => {
      if (report.apiBase && (code === 'NETWORK_ERROR' || code === 'TIMEOUT')) {
        return queueReport(c, report);
      }
      emitWidgetError(c, 'submit', error);
      const path = (error as { errors?: { path?: string }[] } | null)?.errors?.[0]?.path ?? '';
      const [head = '', attribute] = path.split('.');
      const field =
        code === 'INVALID_PHONE'
          ? 'phone'
          : head === 'attributes'
            ? `attribute-${attribute}`
            : issueFields[head];
      const note: Note = field ? missingNote(field) : [M.failed];
      c.notes_[field ?? 'report-note'] = note;
      return [undefined, field && focusOf(field), noteText(c, note)];
    },
  );
}

/**
 * Sends the reports waiting on the device for the element's service (see `sendQueuedReports`),
 * showing the receipt of the one the queued view tells about. Answers how many were sent.
 */
export async function sendWidgetQueue(c: WidgetContext): Promise<number> {
  const service = widgetService(c);
  if (service === undefined || globalThis.indexedDB === undefined) return 0;
  try {
    return await sendQueuedReports({
      queue: widgetQueue(),
      client: service.client_,
      apiBase: service.base_,
      onSent: (report, receipt) => acceptReceipt(c, receipt, report, true),
      onDropped: (_report, error) => emitWidgetError(c, 'submit', error),
    });
  } catch (error) {
    emitWidgetError(c, 'submit', error);
    return 0;
  }
}

async function queueReport(c: WidgetContext, report: QueuedReport): Promise<Outcome> {
  try {
    await widgetQueue().put(report);
  } catch (error) {
    emitWidgetError(c, 'submit', error);
    const failed: Note = [M.failed];
    c.notes_['report-note'] = failed;
    return ['form', 'send', noteText(c, failed)];
  }
  c.queuedId_ = report.id;
  clearForm(c);
  emitWidgetEvent(c, 'balagh:queued', {
    categoryCode: report.input.categoryCode,
    language: report.input.language as WidgetLanguage,
  });
  return ['queued', 'done', widgetStringsOf(c)[M.queued]];
}

// Shows the receipt unless the report was sent from the queue while the reporter moved on.
function acceptReceipt(
  c: WidgetContext,
  receipt: ReportReceipt,
  report: QueuedReport,
  queued: boolean,
): void {
  const { number, status, categoryCode } = receipt;
  const last = { number, token: receipt.trackingToken };
  const t = widgetStringsOf(c);
  widgetStorage(lastReportKey(report.apiBase), last);
  Object.assign(c.values_, last);
  emitWidgetEvent(c, 'balagh:submitted', {
    number,
    status,
    categoryCode,
    language: report.input.language as WidgetLanguage,
    queued,
  });
  if (queued && (c.view_ !== 'queued' || c.queuedId_ !== report.id)) return;
  c.receipt_ = receipt;
  c.busy_ = false;
  showView(c, 'receipt', 'done', `${t[M.thanks]} ${t[M.number]}: ${number}`);
}

/** Forgets the report just sent or queued; the mobile number and the status view's stay. */
function clearForm(c: WidgetContext): void {
  const { phone, number, token, code } = c.values_;
  c.values_ = {
    phone,
    number,
    token,
    code,
    landmark: c.host_.getAttribute('default-landmark') ?? '',
  };
  c.notes_ = statusNotes(c);
  c.position_ = c.photo_ = undefined;
}

// The notes of the status view, which outlive the form's.
const statusNotes = ({ notes_: notes }: WidgetContext) => ({
  code: notes.code,
  'status-note': notes['status-note'],
});
