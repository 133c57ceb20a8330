import {
  confirmClosureResultSchema,
  parseReportNumber,
  publicReportStatusSchema,
  type ReporterReportRef,
} from '@balagh/core';
import { type AnyRouteSpec, defineRoute, named, reply } from '../route-spec.js';
import {
  type ReporterReportRefInput,
  reporterConfirmBodySchema,
  reporterReopenBodySchema,
  reporterStatusBodySchema,
} from '../schemas/reporter-report-ref-schema.js';
import { required } from './public-routes.js';

const description =
  'For channels: `ref` is a number and tracking token (any key), or a contact (`phone` or ' +
  '`whatsappUserId`) with an optional number (agent keys and higher). Without a number it means the ' +
  "reporter's most recent report awaiting their answer.";

/** The reporter routes with a `ReporterReportRef` in the body, for channels. */
export function reporterRoutes(): AnyRouteSpec[] {
  const publicStatus = named('PublicReportStatus', publicReportStatusSchema);
  return [
    defineRoute({
      method: 'post',
      path: '/v1/reporter/status',
      operationId: 'reporterStatus',
      summary: "Read a reporter's report status",
      description,
      tags: ['reporter'],
      access: 'any',
      body: {
        kind: 'json',
        schema: named('ReporterStatusRequest', reporterStatusBodySchema),
        description: 'The reference.',
      },
      responses: { 200: { description: 'The public status.', schema: publicStatus } },
      problems: [403, 404, 422],
      handle: async ({ service, body, context }) => {
        const status = await required(service).getReportStatus(toPortRef(body.ref), {
          signal: context.req.raw.signal,
        });
        return reply(200, status);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/reporter/confirm',
      operationId: 'reporterConfirm',
      summary: "Confirm a reporter's resolved report with the closure code",
      description,
      tags: ['reporter'],
      access: 'any',
      body: {
        kind: 'json',
        schema: named('ReporterConfirmRequest', reporterConfirmBodySchema),
        description: 'The reference and the code.',
      },
      responses: {
        200: {
          description: 'The outcome.',
          schema: named('ConfirmClosureResult', confirmClosureResultSchema),
        },
      },
      problems: [403, 404, 409, 422],
      handle: async ({ service, body, context }) => {
        const result = await required(service).confirmClosure(toPortRef(body.ref), body.code, {
          signal: context.req.raw.signal,
        });
        return reply(200, result);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/reporter/reopen',
      operationId: 'reporterReopen',
      summary: "Reopen a reporter's resolved report",
      description,
      tags: ['reporter'],
      access: 'any',
      body: {
        kind: 'json',
        schema: named('ReporterReopenRequest', reporterReopenBodySchema),
        description: 'The reference and, optionally, why.',
      },
      responses: { 200: { description: 'The report, back in progress.', schema: publicStatus } },
      problems: [403, 404, 409, 422],
      handle: async ({ service, body, context }) => {
        const status = await required(service).reopenReport(toPortRef(body.ref), body.reason, {
          signal: context.req.raw.signal,
        });
        return reply(200, status);
      },
    }),
  ];
}

/** Reads the number of a body's reference into its canonical form, as the port expects. */
function toPortRef(ref: ReporterReportRefInput): ReporterReportRef {
  if ('token' in ref) return { number: parseReportNumber(ref.number).formatted, token: ref.token };
  return ref.number === undefined
    ? { contact: ref.contact }
    : { contact: ref.contact, number: parseReportNumber(ref.number).formatted };
}
