import { reportStatsSchema, staffReportPageSchema, staffReportSchema } from '@balagh/core';
import type { ReportListQuery } from '../../service/report-service.js';
import { readReportPathRef, reportRefText } from '../report-ref.js';
import { type AnyRouteSpec, defineRoute, named, reply } from '../route-spec.js';
import { reportRefParamsSchema } from '../schemas/public-request-schemas.js';
import {
  assignBodySchema,
  closeBodySchema,
  duplicateBodySchema,
  reportListArrayParameters,
  reportListQuerySchema,
  statsQuerySchema,
  transitionBodySchema,
} from '../schemas/staff-request-schemas.js';
import { required } from './public-routes.js';
import { staffRoles, statsRoles } from './staff-roles.js';

const staffReport = named('StaffReport', staffReportSchema);

/** The staff routes: list, assign, transition, close, duplicate and stats. */
export function staffRoutes(): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/reports',
      operationId: 'listReports',
      summary: 'List and filter reports',
      description:
        "Filters repeat (`?status=received&status=assigned`) or take comma-separated values. A department key sees only its department's reports. Follow `nextCursor` with the same filters.",
      tags: ['staff'],
      access: staffRoles,
      query: reportListQuerySchema,
      queryArrays: reportListArrayParameters,
      responses: {
        200: {
          description: 'One page of reports.',
          schema: named('StaffReportPage', staffReportPageSchema),
        },
      },
      problems: [],
      handle: async ({ service, query }) => {
        const listQuery: ReportListQuery = {
          ...(query.status === undefined ? {} : { status: query.status }),
          ...(query.category === undefined ? {} : { categoryCode: query.category }),
          ...(query.department === undefined ? {} : { departmentCode: query.department }),
          ...(query.area === undefined ? {} : { areaCode: query.area }),
          ...(query.channel === undefined ? {} : { channel: query.channel }),
          ...(query.slaState === undefined ? {} : { slaState: query.slaState }),
          // Stored times are UTC; an instant with an offset is compared in UTC too.
          ...(query.createdFrom === undefined
            ? {}
            : { createdFrom: new Date(query.createdFrom).toISOString() }),
          ...(query.createdTo === undefined
            ? {}
            : { createdTo: new Date(query.createdTo).toISOString() }),
          ...(query.sort === undefined ? {} : { sort: query.sort }),
          ...(query.limit === undefined ? {} : { limit: query.limit }),
          ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        };
        const page = await required(service).listReports(listQuery);
        return reply(200, page);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/reports/{ref}/assign',
      operationId: 'assignReport',
      summary: 'Assign (or reassign) a report to a department',
      tags: ['staff'],
      access: staffRoles,
      params: reportRefParamsSchema,
      body: {
        kind: 'json',
        schema: named('AssignRequest', assignBodySchema),
        description: 'The department.',
      },
      responses: { 200: { description: 'The report.', schema: staffReport } },
      problems: [404, 409],
      handle: async ({ service, params, body }) => {
        const report = await required(service).assignReport(
          reportRefText(readReportPathRef(params.ref)),
          {
            departmentCode: body.departmentCode,
            ...(body.note === undefined ? {} : { note: body.note }),
          },
        );
        return reply(200, report);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/reports/{ref}/transition',
      operationId: 'transitionReport',
      summary: 'Move a report along its lifecycle',
      description:
        '`409 INVALID_TRANSITION` when the step is not in the table, `403 FORBIDDEN_ROLE` when the role may not make it.',
      tags: ['staff'],
      access: staffRoles,
      params: reportRefParamsSchema,
      body: {
        kind: 'json',
        schema: named('TransitionRequest', transitionBodySchema),
        description: 'The step.',
      },
      responses: { 200: { description: 'The report.', schema: staffReport } },
      problems: [404, 409],
      handle: async ({ service, params, body }) => {
        const report = await required(service).transitionReport(
          reportRefText(readReportPathRef(params.ref)),
          {
            to: body.to,
            ...(body.note === undefined ? {} : { note: body.note }),
            ...(body.duplicateOf === undefined ? {} : { duplicateOf: body.duplicateOf }),
            ...(body.departmentCode === undefined ? {} : { departmentCode: body.departmentCode }),
            ...(body.closedHow === undefined ? {} : { closedHow: body.closedHow }),
          },
        );
        return reply(200, report);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/reports/{ref}/close',
      operationId: 'closeReport',
      summary: 'Close a resolved report with the closure code the reporter gives the officer',
      description:
        'A wrong code is `422 CLOSURE_CODE_INVALID` (with `attemptsLeft`); `CLOSURE_CODE_MALFORMED` and ' +
        '`CLOSURE_CODE_EXPIRED` are 422, `CLOSURE_CODE_LOCKED` is 423.',
      tags: ['staff'],
      access: staffRoles,
      params: reportRefParamsSchema,
      body: {
        kind: 'json',
        schema: named('CloseRequest', closeBodySchema),
        description: 'The closure code.',
      },
      responses: { 200: { description: 'The report, closed as confirmed.', schema: staffReport } },
      problems: [404, 409, 422, 423],
      handle: async ({ service, params, body }) => {
        const report = await required(service).closeWithCode(
          reportRefText(readReportPathRef(params.ref)),
          body.code,
        );
        return reply(200, report);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/reports/{ref}/duplicate',
      operationId: 'linkDuplicate',
      summary: 'Mark a report as a duplicate of a master report',
      tags: ['staff'],
      access: staffRoles,
      params: reportRefParamsSchema,
      body: {
        kind: 'json',
        schema: named('DuplicateRequest', duplicateBodySchema),
        description: 'The master report.',
      },
      responses: { 200: { description: 'The report, now a duplicate.', schema: staffReport } },
      problems: [404, 409],
      handle: async ({ service, params, body }) => {
        const report = await required(service).linkDuplicate(
          reportRefText(readReportPathRef(params.ref)),
          {
            masterId: reportRefText(readReportPathRef(body.masterId)),
            ...(body.note === undefined ? {} : { note: body.note }),
          },
        );
        return reply(200, report);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/stats',
      operationId: 'getStats',
      summary: 'Counts and rates of the reports created in a range',
      tags: ['staff'],
      access: statsRoles,
      query: statsQuerySchema,
      responses: {
        200: { description: 'The statistics.', schema: named('ReportStats', reportStatsSchema) },
      },
      problems: [],
      handle: async ({ service, query }) => {
        const stats = await required(service).getStats({
          ...(query.from === undefined ? {} : { from: query.from }),
          ...(query.to === undefined ? {} : { to: query.to }),
        });
        return reply(200, stats);
      },
    }),
  ];
}
