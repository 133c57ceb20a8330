import { createHash } from 'node:crypto';
import {
  attachmentContentTypes,
  attachmentSchema,
  BalaghError,
  categoryListSchema,
  confirmClosureResultSchema,
  isLanguage,
  type Language,
  parseReportNumber,
  publicReportStatusSchema,
  reportReceiptSchema,
  staffReportSchema,
} from '@balagh/core';
import * as z from 'zod/mini';
import { markParsedReportInput } from '../../service/parsed-report-input.js';
import type { ApiKeyRole, StaffReport } from '../../service/report-service.js';
import { readReportPathRef } from '../report-ref.js';
import { type AnyRouteSpec, defineRoute, named, reply } from '../route-spec.js';
import {
  categoriesQuerySchema,
  confirmBodySchema,
  createReportHeadersSchema,
  reopenBodySchema,
  reportRefParamsSchema,
  reportStatusQuerySchema,
  reportSubmissionSchema,
} from '../schemas/public-request-schemas.js';
import { staffRoles } from './staff-roles.js';
import { wasReplayed } from './submission-outcome.js';

/** Options of {@link publicRoutes}. */
export interface PublicRoutesOptions {
  /** Language of the categories when `lang` is absent or unknown. */
  readonly defaultLanguage: Language;
  /** Largest media upload, in bytes. */
  readonly maxMediaBytes: number;
}

const staffChannels = new Set(['call_center', 'field_officer']);

/** How long an app (not a shared cache: the request carries a key) may reuse a category list. */
const categoryCacheControl = 'private, max-age=300';

const cacheHeaders = {
  etag: { description: 'Identifies this version of the list.', schema: z.string() },
  'cache-control': { description: `\`${categoryCacheControl}\``, schema: z.string() },
} as const;

/** A JSON body serialised once, with its entity tag. */
interface SerializedBody {
  readonly text: string;
  readonly etag: string;
}

function serializedBody(value: unknown): SerializedBody {
  const text = JSON.stringify(value);
  const digest = createHash('sha256').update(text, 'utf8').digest('base64url');
  return { text, etag: `"${digest.slice(0, 22)}"` };
}

/** Tells whether an `If-None-Match` header names this entity tag (weakly, as RFC 9110 asks). */
function matchesEntityTag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/** Named schemas of the public routes, shared with the OpenAPI document. */
const receipt = named('ReportReceipt', reportReceiptSchema);
const publicStatus = named('PublicReportStatus', publicReportStatusSchema);

/**
 * The routes a reporter's app or site calls with any key: categories, create, status by number
 * and tracking token, confirm, reopen and media upload.
 */
export function publicRoutes(options: PublicRoutesOptions): AnyRouteSpec[] {
  // The taxonomy of a running service never changes: each language's list is serialised once
  // and then answered as is, with an ETag so that apps and caches can revalidate for nothing.
  const categoryLists = new Map<Language, SerializedBody>();
  return [
    defineRoute({
      method: 'get',
      path: '/v1/categories',
      operationId: 'listCategories',
      summary: 'List the categories, named in one language',
      description:
        'An unknown or absent `lang` answers in the default language (or the first language of `Accept-Language` the service speaks).',
      tags: ['public'],
      access: 'any',
      query: categoriesQuerySchema,
      responses: {
        200: {
          description: 'The categories.',
          schema: named('CategoryList', categoryListSchema),
          headers: cacheHeaders,
        },
        304: {
          description: 'The list named in `If-None-Match` is still the current one.',
          headers: cacheHeaders,
        },
      },
      problems: [],
      handle: async ({ service, query, context }) => {
        const language = chooseLanguage(
          query.lang,
          context.req.header('accept-language'),
          options.defaultLanguage,
        );
        let list = categoryLists.get(language);
        if (list === undefined) {
          const categories = await required(service).listCategories(language, {
            signal: context.req.raw.signal,
          });
          list = serializedBody({ language, categories });
          categoryLists.set(language, list);
        }
        const headers = {
          etag: list.etag,
          'cache-control': categoryCacheControl,
          vary: 'accept-language',
        };
        if (matchesEntityTag(context.req.header('if-none-match'), list.etag)) {
          return new Response(null, { status: 304, headers });
        }
        return new Response(list.text, {
          status: 200,
          headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/reports',
      operationId: 'createReport',
      summary: 'Create a report',
      description:
        'Integration keys may use the channels web, app, api, open311, whatsapp and sms; call_center and ' +
        'field_officer need a staff key, recorded as the actor. The same Idempotency-Key and body answer ' +
        'the same receipt with `Idempotent-Replayed: true`; the same key with another body is ' +
        '`422 IDEMPOTENCY_KEY_REUSED`. Rate-limited per integration key and per client address.',
      tags: ['public'],
      access: 'any',
      rateLimited: true,
      headers: createReportHeadersSchema,
      body: {
        kind: 'json',
        schema: named('ReportInput', reportSubmissionSchema),
        description: 'The report.',
      },
      responses: {
        201: {
          description:
            'The report was created (or, with a known Idempotency-Key, was created before).',
          schema: receipt,
          headers: {
            location: {
              description: 'Where its status is read: `/v1/reports/{number}`.',
              schema: z.string(),
            },
            'idempotent-replayed': {
              description: '`true` when the receipt is the stored answer of an earlier request.',
              schema: z.literal('true'),
            },
          },
        },
      },
      problems: [403, 422],
      handle: async ({ service, body, headers, context }) => {
        const actorService = required(service);
        const submitOptions = {
          // Created only when read: a signal costs an AbortController on every create.
          get signal() {
            return context.req.raw.signal;
          },
          ...(headers['idempotency-key'] === undefined
            ? {}
            : { idempotencyKey: headers['idempotency-key'] }),
        };
        // Parsed with reportSubmissionSchema (ReportInput, the phone as typed): once the service
        // has put the phone in E.164 it is a valid ReportInput, not to be parsed again.
        const input = markParsedReportInput(body);
        const created = staffChannels.has(body.channel)
          ? await actorService.createOnBehalf(input, submitOptions)
          : await actorService.submitReport(input, submitOptions);
        return reply(201, created, {
          location: `/v1/reports/${created.number}`,
          ...(wasReplayed(created) ? { 'idempotent-replayed': 'true' } : {}),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/reports/{ref}',
      operationId: 'getReport',
      summary: 'Read a report: its public status by number and token, or the staff view',
      description:
        'With a report number and `token`: the public status (any key; a wrong token is ' +
        '`404 REPORT_NOT_FOUND`, which does not tell whether the number exists). With a report id ' +
        '(UUIDv7), or a number without `token`: the staff view (staff keys only).',
      tags: ['public', 'staff'],
      access: 'any',
      params: reportRefParamsSchema,
      query: reportStatusQuerySchema,
      responses: {
        200: {
          description: 'The public status (by number and token) or the staff view (by id).',
          schema: named('ReportView', z.union([publicReportStatusSchema, staffReportSchema])),
        },
      },
      problems: [403, 404],
      handle: async ({ service, actor, params, query, context }) => {
        const ref = readReportPathRef(params.ref);
        const actorService = required(service);
        if (ref.kind === 'number' && query.token !== undefined) {
          const status = await actorService.getReportStatus(
            { number: ref.number, token: query.token },
            { signal: context.req.raw.signal },
          );
          return reply(200, status);
        }
        if (
          actor === undefined ||
          actor.role === 'system' ||
          !(staffRoles as readonly ApiKeyRole[]).includes(actor.role)
        ) {
          if (ref.kind === 'number') {
            throw new BalaghError(
              'VALIDATION_FAILED',
              'Give the tracking token: ?token=<trackingToken>.',
              {
                details: { parameter: 'token' },
              },
            );
          }
          throw new BalaghError('FORBIDDEN', 'Only staff keys may read a report by its id.');
        }
        const report: StaffReport = await actorService.getReport(
          ref.kind === 'id' ? ref.id : ref.number,
        );
        return reply(200, report);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/reports/{ref}/confirm',
      operationId: 'confirmClosure',
      summary: 'Confirm a resolved report with its closure code',
      description:
        '`outcome` is valid (the report is closed as confirmed), invalid, malformed, expired or locked.',
      tags: ['public'],
      access: 'any',
      params: reportRefParamsSchema,
      body: {
        kind: 'json',
        schema: named('ConfirmClosureRequest', confirmBodySchema),
        description: 'The token and the code.',
      },
      responses: {
        200: {
          description: 'The outcome.',
          schema: named('ConfirmClosureResult', confirmClosureResultSchema),
        },
      },
      problems: [404, 409],
      handle: async ({ service, params, body, context }) => {
        const number = parseReportNumber(params.ref).formatted;
        const result = await required(service).confirmClosure(
          { number, token: body.token },
          body.code,
          {
            signal: context.req.raw.signal,
          },
        );
        return reply(200, result);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/reports/{ref}/reopen',
      operationId: 'reopenReport',
      summary: 'Tell the municipality a resolved report is not fixed',
      tags: ['public'],
      access: 'any',
      params: reportRefParamsSchema,
      body: {
        kind: 'json',
        schema: named('ReopenRequest', reopenBodySchema),
        description: 'The token and, optionally, why.',
      },
      responses: { 200: { description: 'The report, back in progress.', schema: publicStatus } },
      problems: [404, 409],
      handle: async ({ service, params, body, context }) => {
        const number = parseReportNumber(params.ref).formatted;
        const status = await required(service).reopenReport(
          { number, token: body.token },
          body.reason,
          {
            signal: context.req.raw.signal,
          },
        );
        return reply(200, status);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/media',
      operationId: 'uploadMedia',
      summary: 'Upload a photo for a report to come',
      description:
        'Send the image bytes as the body; put the answered `mediaId` in `ReportInput.mediaIds`.',
      tags: ['public'],
      access: 'any',
      body: {
        kind: 'bytes',
        contentTypes: attachmentContentTypes,
        maxBytes: options.maxMediaBytes,
        description: 'A JPEG, PNG or WebP image.',
      },
      responses: {
        201: { description: 'The stored photo.', schema: named('Attachment', attachmentSchema) },
      },
      problems: [],
      handle: async ({ service, body, context }) => {
        const attachment = await required(service).uploadMedia(body.bytes, body.contentType, {
          signal: context.req.raw.signal,
        });
        return reply(201, attachment);
      },
    }),
  ];
}

/** The route's service view, present on every route that needs a key. */
export function required<T>(value: T | undefined): T {
  if (value === undefined) throw new BalaghError('INTERNAL', 'A keyed route ran without a caller.');
  return value;
}

/**
 * Chooses the language of an answer: `lang` when the service speaks it, else the first language
 * of `Accept-Language` it speaks, else the default. Region subtags are ignored (`ar-SA` → `ar`).
 */
export function chooseLanguage(
  lang: string | undefined,
  acceptLanguage: string | undefined,
  fallback: Language,
): Language {
  const primary = (tag: string) => tag.trim().split(/[-_;]/, 1)[0]?.toLowerCase() ?? '';
  if (lang !== undefined) {
    const asked = primary(lang);
    return isLanguage(asked) ? asked : fallback;
  }
  for (const part of (acceptLanguage ?? '').split(',').slice(0, 20)) {
    const tag = primary(part);
    if (isLanguage(tag)) return tag;
  }
  return fallback;
}
