import {
  type Attachment,
  BalaghError,
  type Channel,
  createReportId,
  formatReportNumber,
  normalizePhone,
  parseInput,
  type Report,
  type ReportInput,
  type ReportReceipt,
  reportInputSchema,
  type SubmitReportOptions,
  ValidationError,
} from '@balagh/core';
import { hashSecret } from './api-key-format.js';
import type { BuildNewReport } from './build-new-report.js';
import { isParsedReportInput } from './parsed-report-input.js';
import type { Actor } from './report-service.js';
import { onBehalfRoles, requireRole } from './require-role.js';
import type { ServiceContext } from './service-context.js';
import { stableJson } from './stable-json.js';

const idempotencyTtlMilliseconds = 24 * 3_600_000;

/** Channels an `integration` key may submit on; the others need staff. */
const integrationChannels: readonly Channel[] = ['web', 'app', 'api', 'open311', 'whatsapp', 'sms'];

/** Marks a receipt answered from an earlier submission (see `ActorReportService.submitReport`). */
const submissionOutcome = Symbol.for('balagh.submission-outcome');

/**
 * Creating reports: checks, validation and routing, media and area, then one storage write
 * with the report, its `received` notification and the idempotency record; `report.created`
 * once committed.
 *
 * @internal
 */
export interface SubmitReport {
  /** `ActorReportService.submitReport` for an actor, with the idempotency key if any. */
  submitReport(
    actor: Actor,
    rawInput: ReportInput,
    idempotencyKey: string | undefined,
  ): Promise<ReportReceipt>;
  /** `ActorReportService.createOnBehalf` for an actor. */
  createOnBehalf(
    actor: Actor,
    input: ReportInput,
    submitOptions: SubmitReportOptions | undefined,
  ): Promise<ReportReceipt>;
}

/**
 * Creates the {@link SubmitReport} of a service.
 *
 * @internal
 */
export function createSubmitReport(
  context: ServiceContext,
  buildNewReport: BuildNewReport,
): SubmitReport {
  const { options, storage, taxonomy, clock, nowIso, hijriYearAt, emit } = context;

  const submit = async (
    actor: Actor,
    rawInput: ReportInput,
    idempotencyKey: string | undefined,
  ): Promise<ReportReceipt> => {
    if (actor.role === 'department') {
      throw new BalaghError('FORBIDDEN', 'A department key may not create reports.', {
        details: { role: actor.role },
      });
    }
    // The HTTP layer parsed the body already: only the phone is left to put in E.164.
    const input = isParsedReportInput(rawInput)
      ? (withNormalizedPhone(rawInput) as ReportInput)
      : parseInput(reportInputSchema, withNormalizedPhone(rawInput), 'report input');
    if (actor.role === 'integration' && !integrationChannels.includes(input.channel)) {
      throw new BalaghError(
        'FORBIDDEN',
        `Creating a report on the ${input.channel} channel needs a staff key.`,
        {
          details: { role: actor.role, channel: input.channel },
        },
      );
    }
    if (
      idempotencyKey !== undefined &&
      (idempotencyKey.length < 1 || idempotencyKey.length > 255)
    ) {
      throw new ValidationError('Invalid Idempotency-Key: 1 to 255 characters.', [
        { path: 'idempotencyKey', code: 'too_big', message: 'must be 1 to 255 characters' },
      ]);
    }
    const category = taxonomy.requireCategory(input.categoryCode);
    const attributes = taxonomy.validateAttributes(category.code, input.attributes);
    const reporter = input.reporter;
    const attachments: Attachment[] = [];
    for (const [index, mediaId] of (input.mediaIds ?? []).entries()) {
      const media = await storage.getMedia(mediaId);
      if (media === undefined) {
        throw new ValidationError(`Invalid report input. mediaIds.${index}: unknown media id`, [
          {
            path: `mediaIds.${index}`,
            code: 'invalid_value',
            message: 'is not an uploaded media id',
          },
        ]);
      }
      attachments.push({
        mediaId: media.id,
        contentType: media.contentType as Attachment['contentType'],
        byteSize: media.byteSize,
        ...(media.width === undefined ? {} : { width: media.width }),
        ...(media.height === undefined ? {} : { height: media.height }),
      });
    }
    const { areaCode: _ignored, ...givenLocation } = input.location ?? {};
    const areaCode =
      givenLocation.lat !== undefined && givenLocation.lng !== undefined
        ? options.areaIndex?.areaAt({ lat: givenLocation.lat, lng: givenLocation.lng })
        : undefined;
    const location =
      input.location === undefined
        ? undefined
        : { ...givenLocation, ...(areaCode === undefined ? {} : { areaCode }) };

    const now = clock();
    const createdAt = nowIso(now);
    const policy = taxonomy.slaPolicyFor(category.code);
    const hijriYear = hijriYearAt(now);
    const result = await storage.createReport({
      hijriYear,
      ...(idempotencyKey === undefined
        ? {}
        : {
            idempotency: {
              scope: actor.keyId,
              key: idempotencyKey,
              requestHash: hashSecret(stableJson(input)),
              now: createdAt,
              expiresAt: nowIso(now + idempotencyTtlMilliseconds),
            },
          }),
      build: (sequence) => {
        const number = formatReportNumber({ year: hijriYear, sequence });
        const report: Report = {
          id: createReportId(now),
          number,
          categoryCode: category.code,
          description: input.description,
          attributes,
          ...(location === undefined ? {} : { location }),
          attachments,
          ...(reporter === undefined ? {} : { reporter }),
          channel: input.channel,
          language: input.language,
          status: 'received',
          departmentCode: category.departmentCode,
          priority: category.priority,
          slaPolicyCode: policy.code,
          ...(input.externalId === undefined ? {} : { externalId: input.externalId }),
          timeline: [
            { at: createdAt, actor: actor.keyId, role: actor.role, from: null, to: 'received' },
          ],
          createdAt,
          updatedAt: createdAt,
        };
        return buildNewReport(report, now);
      },
    });
    if (result.kind === 'replayed') {
      const receipt = { ...(result.response as ReportReceipt) };
      Object.defineProperty(receipt, submissionOutcome, { value: 'replayed', enumerable: false });
      return receipt;
    }
    const { report } = result.stored;
    emit('report.created', {
      reportId: report.id,
      number: report.number,
      at: report.createdAt,
      status: report.status,
      categoryCode: report.categoryCode,
      departmentCode: report.departmentCode,
      priority: report.priority,
      channel: report.channel,
      language: report.language,
      ...(report.location?.areaCode === undefined ? {} : { areaCode: report.location.areaCode }),
    });
    return result.response as ReportReceipt;
  };

  return {
    submitReport: submit,

    async createOnBehalf(actor, input, submitOptions) {
      requireRole(actor, onBehalfRoles, 'create reports on behalf of a caller');
      const channel = (input as { channel?: unknown }).channel;
      if (channel !== 'call_center' && channel !== 'field_officer') {
        throw new ValidationError(
          'A report made on behalf of a caller comes from the call_center or field_officer channel.',
          [
            {
              path: 'channel',
              code: 'invalid_value',
              message: 'must be call_center or field_officer',
            },
          ],
        );
      }
      return submit(actor, input, submitOptions?.idempotencyKey);
    },
  };
}

/**
 * Puts the reporter's phone number in E.164 before the schema sees it, so that channels may
 * pass what people type (`0512345678`, Arabic-Indic digits, `00966…`).
 *
 * @throws `BalaghError` `INVALID_PHONE` when it is not a valid phone number.
 */
function withNormalizedPhone(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const reporter = (input as { reporter?: unknown }).reporter;
  if (typeof reporter !== 'object' || reporter === null) return input;
  const phone = (reporter as { phone?: unknown }).phone;
  if (typeof phone !== 'string') return input;
  return { ...input, reporter: { ...reporter, phone: normalizePhone(phone) } };
}
