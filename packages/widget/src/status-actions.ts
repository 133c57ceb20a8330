import type { BalaghPublicClient } from '@balagh/client/fetch';
import { type ErrorCode, normalizeDigits, type PublicReportStatus } from '@balagh/core';
import { emitWidgetError, emitWidgetEvent } from './emit-widget-event.js';
import { runWidgetOperation } from './run-widget-operation.js';
import { WidgetMessage as M, statusName } from './strings/widget-strings.js';
import { noteText, widgetStringsOf } from './views/note-text.js';
import { type Note, typedText, type WidgetContext } from './widget-context.js';
import type { WidgetOperation } from './widget-events.js';

const notFoundCodes: readonly ErrorCode[] = [
  'REPORT_NOT_FOUND',
  'INVALID_REPORT_NUMBER',
  'VALIDATION_FAILED',
];

/**
 * Runs one call of the status view, then shows it with the call's note: a closure-code message
 * under the code field, any other under the status, and announced; without a note, the status
 * is announced and `focus` focused.
 */
function statusCall(
  c: WidgetContext,
  operation: WidgetOperation,
  work: (client: BalaghPublicClient) => Promise<Note | undefined>,
  focus: string,
): Promise<void> {
  const settle = (note: Note | undefined) => {
    const where = note && (note[0] >= M.codeInvalid ? 'code' : 'status-note');
    c.notes_.code = c.notes_['status-note'] = undefined;
    if (where) c.notes_[where] = note;
    const report = c.report_;
    return [
      'status',
      where ?? focus,
      note ? noteText(c, note) : report ? statusName(widgetStringsOf(c), report.status) : '',
    ] as const;
  };
  return runWidgetOperation(
    c,
    async ({ client_ }) => settle(await work(client_)),
    (error, code) => {
      emitWidgetError(c, operation, error);
      if (operation === 'status') c.report_ = undefined;
      return settle([notFoundCodes.includes(code) ? M.notFound : M.failed]);
    },
  );
}

function showReport(
  c: WidgetContext,
  report: PublicReportStatus,
  event: 'balagh:status' | 'balagh:confirmed' | 'balagh:reopened',
): void {
  const { number, status, awaitingConfirmation } = report;
  c.report_ = report;
  emitWidgetEvent(c, event, { number, status, awaitingConfirmation });
}

/** Looks up the report whose number (in any digits) and tracking code are typed. */
export function lookupStatus(c: WidgetContext): Promise<void> {
  const ref = { number: normalizeDigits(typedText(c, 'number')), token: typedText(c, 'token') };
  Object.assign(c.values_, ref, { code: '' });
  return statusCall(
    c,
    'status',
    async (client) => {
      showReport(c, await client.getReportStatus(ref), 'balagh:status');
      c.ref_ = ref;
      return undefined;
    },
    'status-value',
  );
}

/**
 * Confirms the fix of the report shown with the closure code typed (in any digits, with its
 * spaces and dash); a wrong code is announced with the attempts left.
 */
export function confirmClosureCode(c: WidgetContext): Promise<void> {
  const code = normalizeDigits(typedText(c, 'code')).replace(/[\s\u2010-\u2015-]/g, '');
  const ref = c.ref_;
  return statusCall(
    c,
    'confirm',
    async (client) => {
      if (!/^\d{7}$/.test(code) || ref === undefined) return [M.codeMalformed];
      const { outcome, report, attemptsLeft = 0 } = await client.confirmClosure(ref, code);
      c.report_ = report;
      if (outcome === 'valid') {
        c.values_.code = '';
        showReport(c, report, 'balagh:confirmed');
        return [M.confirmed];
      }
      emitWidgetEvent(c, 'balagh:error', {
        operation: 'confirm',
        code: `CLOSURE_CODE_${outcome.toUpperCase()}` as ErrorCode,
      });
      return outcome === 'invalid'
        ? [M.codeInvalid, attemptsLeft]
        : [outcome === 'malformed' ? M.codeMalformed : M.codeLocked];
    },
    'status-note',
  );
}

/** Tells the service the report shown is not fixed, which sends it back to work. */
export function reopenReport(c: WidgetContext): Promise<void> {
  const ref = c.ref_;
  return statusCall(
    c,
    'reopen',
    async (client) => {
      if (ref === undefined) return [M.notFound];
      showReport(c, await client.reopenReport(ref), 'balagh:reopened');
      return [M.reopened];
    },
    'status-note',
  );
}
