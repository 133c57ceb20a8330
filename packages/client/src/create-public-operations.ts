import type {
  ConfirmClosureResult,
  Language,
  PublicReportStatus,
  ReporterReportRef,
  ReportInput,
  ReportReceipt,
} from '@balagh/core';
import type { CategoryList } from './api-types.js';
import type { BalaghPublicClient, CreateReportOptions } from './create-client.js';
import type { CallOptions, Transport } from './create-transport.js';
import { create, get, post, reportPath, reportsPath } from './operation-shapes.js';
import { randomUuid } from './random-uuid.js';
import type { ResponseKind } from './response-validators.js';

/**
 * Builds the operations of the public routes (docs/api.md), which any API key may call: the
 * categories, a report's creation and its photo, and the reporter's own routes (status,
 * confirmation, reopening). `createClientWith` adds the staff operations to them.
 */
export function createPublicOperations(send: Transport): BalaghPublicClient {
  // A reporter's action on their report: by number and tracking token, or by contact.
  const byReporter =
    <T>(action: string, member: string, response: ResponseKind) =>
    (ref: ReporterReportRef, value?: string, call?: CallOptions) =>
      'token' in ref
        ? post<T>(
            send,
            reportPath(ref.number, action),
            { token: ref.token, [member]: value },
            response,
            call,
          )
        : post<T>(send, `/v1/reporter/${action}`, { ref, [member]: value }, response, call);
  const categories = (language?: Language, call?: CallOptions) =>
    get<CategoryList>(send, '/v1/categories', 'categories', call, { lang: language });
  const createReport = (input: ReportInput, call: CreateReportOptions = {}) =>
    create<ReportReceipt>(
      send,
      {
        path: reportsPath,
        json: input,
        headers: { 'idempotency-key': call.idempotencyKey ?? randomUuid() },
        response: 'receipt',
      },
      call,
    );

  return {
    categories,
    listCategories: async (language, call) => (await categories(language, call)).categories,
    createReport,
    submitReport: createReport,
    getReportStatus: (ref, call) =>
      'token' in ref
        ? get(send, reportPath(ref.number), 'status', call, { token: ref.token })
        : post(send, '/v1/reporter/status', { ref }, 'status', call, true),
    confirmClosure: byReporter<ConfirmClosureResult>('confirm', 'code', 'confirmation'),
    reopenReport: byReporter<PublicReportStatus>('reopen', 'reason', 'status'),
    // A repeated upload at worst stores an unreferenced copy: no report depends on it yet.
    uploadMedia: (bytes, contentType, call) =>
      create(
        send,
        {
          path: '/v1/media',
          body: bytes as BodyInit,
          headers: { 'content-type': contentType },
          response: 'attachment',
        },
        call,
      ),
  };
}
