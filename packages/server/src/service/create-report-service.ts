import { mkdir, open, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type Attachment,
  BalaghError,
  type BalaghEventMap,
  type Channel,
  type ClosureCodeState,
  type ConfirmClosureResult,
  createReportId,
  defaultClosureCodeMaxAttempts,
  defaultDuplicateRadiusMeters,
  defaultDuplicateWindowMs,
  duplicateSearchBox,
  formatReportNumber,
  haversineMeters,
  hijriYearOf,
  isLikelyDuplicate,
  issueClosureCode,
  isTerminalStatus,
  type NotificationKind,
  normalizePhone,
  type PublicReportStatus,
  parseInput,
  parseReportNumber,
  type Report,
  type ReporterReportRef,
  type ReportInput,
  type ReportReceipt,
  type Role,
  reportInputSchema,
  type SlaPolicy,
  type SlaStatus,
  type Status,
  slaStatus,
  type TimelineEntry,
  type TransitionStep,
  transition,
  ValidationError,
  verifyClosureCode,
} from '@balagh/core';
import type {
  OutboxInsert,
  ReportWrite,
  StorageListQuery,
  StoredReport,
} from '../storage/storage.js';
import { generateApiKey, hashesEqual, hashSecret, parseApiKey } from './api-key-format.js';
import { isParsedReportInput } from './parsed-report-input.js';
import { readImageInfo } from './read-image-info.js';
import type {
  Actor,
  ActorReportService,
  ApiKeyInfo,
  ApiKeyRole,
  CreateApiKeyInput,
  CreatedApiKey,
  LikelyDuplicate,
  ReportListQuery,
  ReportService,
  ReportServiceOptions,
  ReportStats,
  StaffClosureCode,
  StaffReport,
  StaffReportSla,
  TransitionRequest,
} from './report-service.js';
import { apiKeyRoles, systemActor } from './report-service.js';
import { stableJson } from './stable-json.js';
import { createTrackingTokens } from './tracking-token.js';

const hour = 3_600_000;
const day = 24 * hour;
const maximumMediaBytes = 5 * 1024 * 1024;
const idempotencyTtlMilliseconds = day;
const quarterHour = 15 * 60_000;
/** Verified API keys remembered at most; the oldest is forgotten first. */
const maximumVerifiedKeys = 10_000;
const defaultConversationTtlMilliseconds = day;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Channels an `integration` key may submit on; the others need staff. */
const integrationChannels: readonly Channel[] = ['web', 'app', 'api', 'open311', 'whatsapp', 'sms'];
const staffRoles: readonly Actor['role'][] = [
  'agent',
  'field_officer',
  'department',
  'supervisor',
  'admin',
  'system',
];
const onBehalfRoles: readonly Actor['role'][] = [
  'agent',
  'field_officer',
  'supervisor',
  'admin',
  'system',
];
const contactRoles = onBehalfRoles;
const statsRoles: readonly Actor['role'][] = ['department', 'supervisor', 'admin', 'system'];
const adminRoles: readonly Actor['role'][] = ['admin', 'system'];
/** Statuses a report can be a likely duplicate in (open ones, and resolved). */
const duplicateCandidateStatuses: readonly Status[] = [
  'received',
  'assigned',
  'in_progress',
  'awaiting_info',
  'resolved',
];

/** Marks a receipt answered from an earlier submission (see `ActorReportService.submitReport`). */
const submissionOutcome = Symbol.for('balagh.submission-outcome');

/** Where a caller points at a report, and what for (which reports a contact ref may mean). */
type RefPurpose = 'status' | 'answer';

/**
 * Creates the intake service over a storage: core's rules (validation, routing, lifecycle,
 * SLA, closure codes, duplicates) applied to stored reports, every change written in one
 * transaction with its timeline entry and notifications.
 *
 * @example
 * ```ts
 * const storage = await createStorage({ url: process.env.DATABASE_URL });
 * const service = createReportService({
 *   storage,
 *   taxonomy: defaultTaxonomy,
 *   closureKeyring: createClosureKeyring({ currentKeyId: 'k1', keys: { k1: process.env.CLOSURE_KEY! } }),
 *   publicBaseUrl: 'https://balagh.example.gov.sa',
 * });
 * const receipt = await service.forActor(actor).submitReport(input);
 * ```
 */
export function createReportService(options: ReportServiceOptions): ReportService {
  const { storage, taxonomy, closureKeyring } = options;
  const clock = options.clock ?? Date.now;
  const unconfirmedCloseAfterMs = options.unconfirmedCloseAfterMs ?? 72 * hour;
  const mediaDirectory = resolve(options.mediaDirectory ?? './data/media');
  let mediaDirectoryReady: Promise<unknown> | undefined;

  const nowIso = (now = clock()) => new Date(now).toISOString();

  // Every time zone's offset is a whole number of quarter hours, so the local date, and with it
  // the Hijri year, never changes within one: the year is computed once per quarter hour.
  let hijriQuarter = Number.NaN;
  let hijriYear = 0;
  const hijriYearAt = (now: number): number => {
    const quarter = Math.floor(now / quarterHour);
    if (quarter !== hijriQuarter) {
      hijriYear = hijriYearOf(now);
      hijriQuarter = quarter;
    }
    return hijriYear;
  };

  const apiKeyCacheMs = options.apiKeyCacheMs ?? 5000;
  /** Verified keys by SHA-256 of the presented key, with when to read them again. */
  const verifiedKeys = new Map<string, { readonly actor: Actor; readonly until: number }>();
  const forgetVerifiedKey = (keyId: string) => {
    for (const [hash, entry] of verifiedKeys)
      if (entry.actor.keyId === keyId) verifiedKeys.delete(hash);
  };

  function emit<E extends keyof BalaghEventMap>(name: E, ...payload: BalaghEventMap[E]): void {
    try {
      (
        options.emitter?.emit as ((name: E, ...payload: BalaghEventMap[E]) => boolean) | undefined
      )?.call(options.emitter, name, ...payload);
    } catch {
      // A failing listener must not turn a committed change into an error for the caller.
    }
  }

  // --- SLA and the stored form ---------------------------------------------------------

  const policyOf = (report: Report): SlaPolicy =>
    taxonomy.slaPolicy(report.slaPolicyCode) ?? taxonomy.slaPolicyFor(report.categoryCode);

  const slaOf = (report: Report, now: number): SlaStatus =>
    slaStatus(report, policyOf(report), now);

  /** The stored form of a report: its SLA state and due time as of `now`. */
  const toWrite = (report: Report, now: number, resolvedAt: string | undefined): ReportWrite => {
    const sla = slaOf(report, now);
    return {
      report,
      slaState: sla.state,
      resolutionDueAt: sla.resolution.dueAt,
      ...(resolvedAt === undefined ? {} : { resolvedAt }),
    };
  };

  // --- notifications -------------------------------------------------------------------

  const notification = (
    report: Report,
    kind: NotificationKind,
    variables: Record<string, string | undefined>,
    idempotencySuffix: string,
    at: string,
  ): OutboxInsert | undefined => {
    const reporter = report.reporter;
    if (reporter?.phone === undefined && reporter?.whatsappUserId === undefined) return undefined;
    const clean: Record<string, string> = {};
    for (const [key, value] of Object.entries(variables))
      if (value !== undefined) clean[key] = value;
    return {
      id: createReportId(Date.parse(at)),
      reportId: report.id,
      reportNumber: report.number,
      kind,
      channel: reporter.channel ?? report.channel,
      recipient: {
        ...(reporter.phone === undefined ? {} : { phone: reporter.phone }),
        ...(reporter.whatsappUserId === undefined
          ? {}
          : { whatsappUserId: reporter.whatsappUserId }),
      },
      language: reporter.language ?? report.language,
      variables: clean,
      idempotencyKey: `${report.id}:${kind}:${idempotencySuffix}`,
      createdAt: at,
    };
  };

  const trackingTokens = createTrackingTokens(options.trackingSecret, options.closureKeyring);
  /** The reporter's tracking link of a report, for any notification about it. */
  const trackingUrlFor = (report: Report) =>
    trackingUrlOf(report.number, trackingTokens.tokenOf(report.id));

  const trackingUrlOf = (number: string, token: string) =>
    options.publicBaseUrl === undefined
      ? undefined
      : `${options.publicBaseUrl.replace(/\/+$/, '')}/track/${encodeURIComponent(number)}?token=${encodeURIComponent(token)}`;

  /** `closed` notifications to a closing master's duplicates' reporters. */
  const duplicateClosings = async (master: Report, at: string): Promise<OutboxInsert[]> => {
    const duplicates = await storage.listDuplicatesOf(master.id);
    const rows: OutboxInsert[] = [];
    for (const { report } of duplicates) {
      const row = notification(
        report,
        'closed',
        { number: report.number, closedHow: master.closedHow, masterNumber: master.number },
        `master:${master.id}:${master.timeline.length}`,
        at,
      );
      if (row !== undefined) rows.push(row);
    }
    return rows;
  };

  // --- reading and scoping -------------------------------------------------------------

  const requireRole = (actor: Actor, allowed: readonly Actor['role'][], what: string) => {
    if (!allowed.includes(actor.role)) {
      throw new BalaghError('FORBIDDEN', `The ${actor.role} role may not ${what}.`, {
        details: { role: actor.role },
      });
    }
  };

  const notFound = () => new BalaghError('REPORT_NOT_FOUND', 'No such report.');

  const inScope = (actor: Actor, report: Report) =>
    actor.role !== 'department' || report.departmentCode === actor.departmentCode;

  const canonicalNumber = (input: string) => {
    const parsed = parseReportNumber(input);
    return formatReportNumber({ year: parsed.year, sequence: parsed.sequence });
  };

  const findStored = async (idOrNumber: string): Promise<StoredReport | undefined> =>
    uuidPattern.test(idOrNumber)
      ? await storage.getReport(idOrNumber.toLowerCase())
      : await storage.getReportByNumber(canonicalNumber(idOrNumber));

  const readScoped = async (actor: Actor, idOrNumber: string): Promise<StoredReport> => {
    const stored = await findStored(idOrNumber);
    if (stored === undefined || !inScope(actor, stored.report)) throw notFound();
    return stored;
  };

  const resolveRef = async (
    actor: Actor,
    ref: ReporterReportRef,
    purpose: RefPurpose,
  ): Promise<StoredReport> => {
    if ('token' in ref) {
      const stored = await storage.getReportByNumber(canonicalNumber(ref.number));
      if (stored === undefined) throw notFound();
      const hash = await storage.getTrackingTokenHash(stored.report.id);
      if (
        typeof ref.token !== 'string' ||
        !(
          trackingTokens.matches(stored.report.id, ref.token) ||
          (hash !== undefined && hashesEqual(hash, hashSecret(ref.token)))
        )
      ) {
        throw notFound();
      }
      return stored;
    }
    requireRole(actor, contactRoles, 'find reports by the reporter’s contact');
    const contact =
      'phone' in ref.contact
        ? { phone: normalizePhone(ref.contact.phone) }
        : { whatsappUserId: ref.contact.whatsappUserId };
    if (ref.number !== undefined) {
      const stored = await storage.getReportByNumber(canonicalNumber(ref.number));
      const reporter = stored?.report.reporter;
      const matches =
        'phone' in contact
          ? reporter?.phone === contact.phone
          : reporter?.whatsappUserId === contact.whatsappUserId;
      if (stored === undefined || !matches) throw notFound();
      return stored;
    }
    const stored = await storage.findLatestReportByContact(
      contact,
      purpose === 'answer' ? ['resolved'] : undefined,
    );
    if (stored === undefined) throw notFound();
    return stored;
  };

  const publicStatus = (
    stored: StoredReport,
    state: ClosureCodeState | undefined,
  ): PublicReportStatus => {
    const { report } = stored;
    return {
      number: report.number,
      categoryCode: report.categoryCode,
      status: report.status,
      ...(report.closedHow === undefined ? {} : { closedHow: report.closedHow }),
      language: report.language,
      createdAt: report.createdAt,
      updatedAt: report.updatedAt,
      ...(stored.resolutionDueAt === undefined ? {} : { resolutionDueAt: stored.resolutionDueAt }),
      awaitingConfirmation: staffClosureCode(report, state).issued,
      timeline: report.timeline.map((entry) => ({ at: entry.at, status: entry.to })),
    };
  };

  const staffClosureCode = (
    report: Report,
    state: ClosureCodeState | undefined,
  ): StaffClosureCode => {
    if (report.status !== 'resolved' || state === undefined)
      return { issued: false, locked: false };
    const locked = state.lockedAt !== undefined;
    const expired =
      state.consumedAt !== undefined ||
      (state.expiresAt !== undefined && Date.parse(state.expiresAt) <= clock());
    return {
      issued: !locked && !expired,
      ...(locked
        ? {}
        : { attemptsLeft: Math.max(0, defaultClosureCodeMaxAttempts - state.failedAttempts) }),
      locked,
      ...(state.expiresAt === undefined ? {} : { expiresAt: state.expiresAt }),
    };
  };

  const likelyDuplicatesOf = async (report: Report): Promise<LikelyDuplicate[]> => {
    const lat = report.location?.lat;
    const lng = report.location?.lng;
    if (lat === undefined || lng === undefined || isTerminalStatus(report.status)) return [];
    const box = duplicateSearchBox({ lat, lng }, defaultDuplicateRadiusMeters);
    const created = Date.parse(report.createdAt);
    const candidates = await storage.findDuplicateCandidates({
      categoryCode: report.categoryCode,
      statuses: duplicateCandidateStatuses,
      ...box,
      createdFrom: new Date(created - defaultDuplicateWindowMs).toISOString(),
      createdTo: new Date(created + defaultDuplicateWindowMs + 1).toISOString(),
      excludeId: report.id,
      limit: 50,
    });
    return candidates
      .filter(({ report: other }) => isLikelyDuplicate(report, other))
      .map(({ report: other }) => ({
        id: other.id,
        number: other.number,
        distanceMeters: Math.round(
          haversineMeters(
            { lat, lng },
            { lat: other.location?.lat ?? lat, lng: other.location?.lng ?? lng },
          ),
        ),
        createdAt: other.createdAt,
      }))
      .sort((a, b) => a.distanceMeters - b.distanceMeters);
  };

  const toStaffReport = async (
    stored: StoredReport,
    state: ClosureCodeState | undefined,
  ): Promise<StaffReport> => {
    const { report } = stored;
    const detail = slaOf(report, clock());
    const sla: StaffReportSla = {
      state: detail.state,
      responseDueAt: detail.response.dueAt,
      resolutionDueAt: detail.resolution.dueAt,
      remainingMilliseconds: detail.resolution.remainingMs,
      ...(detail.breachedAt === undefined ? {} : { breachedAt: detail.breachedAt }),
      paused: detail.resolution.paused,
      detail,
    };
    return {
      ...report,
      sla,
      closureCode: staffClosureCode(report, state),
      likelyDuplicates: await likelyDuplicatesOf(report),
    };
  };

  const staffView = async (stored: StoredReport) =>
    toStaffReport(stored, await storage.getClosureState(stored.report.id));

  // --- changes -------------------------------------------------------------------------

  /** Runs a read-modify-write once more when a concurrent change won (`CONFLICT`). */
  const retryOnConflict = async <T>(change: () => Promise<T>): Promise<T> => {
    try {
      return await change();
    } catch (error) {
      if (!(error instanceof BalaghError && error.code === 'CONFLICT')) throw error;
      return await change();
    }
  };

  interface AppliedChange {
    readonly stored: StoredReport;
    readonly previous: Report;
    readonly entry: TimelineEntry;
  }

  /**
   * Applies one lifecycle step to a stored report with its side effects: the closure code on
   * `resolved`, notifications, the write, and the events once committed.
   */
  const applyStep = async (
    stored: StoredReport,
    step: TransitionStep,
    closureStateInput?: ClosureCodeState,
  ): Promise<AppliedChange> => {
    const previous = stored.report;
    const next = transition(previous, step);
    const entry = next.timeline.at(-1) as TimelineEntry;
    const at = entry.at;
    const now = Date.parse(at);
    const position = String(next.timeline.length - 1);
    const outbox: OutboxInsert[] = [];
    const push = (row: OutboxInsert | undefined) => {
      if (row !== undefined) outbox.push(row);
    };
    let closureState: ClosureCodeState | null | undefined = closureStateInput;
    let resolvedAt = stored.resolvedAt;
    let issued: { keyId: string; issue: number; expiresAt?: string } | undefined;

    if (step.to === 'resolved') {
      const previousState = closureStateInput ?? (await storage.getClosureState(previous.id));
      const code = await issueClosureCode({
        reportId: previous.id,
        keyring: closureKeyring,
        ...(previousState === undefined ? {} : { previous: previousState }),
        now,
        ...(options.closureCodeTtlMs === undefined ? {} : { ttlMs: options.closureCodeTtlMs }),
      });
      closureState = code.state;
      resolvedAt = at;
      issued = {
        keyId: code.state.keyId,
        issue: code.state.counter,
        ...(code.state.expiresAt === undefined ? {} : { expiresAt: code.state.expiresAt }),
      };
      push(
        notification(
          next,
          'resolved',
          { number: next.number, closureCode: code.formatted, trackingUrl: trackingUrlFor(next) },
          position,
          at,
        ),
      );
    } else if (previous.status === 'resolved' && step.to === 'in_progress') {
      resolvedAt = undefined;
      push(
        notification(
          next,
          'reopened',
          { number: next.number, trackingUrl: trackingUrlFor(next) },
          position,
          at,
        ),
      );
    } else if (step.to === 'awaiting_info') {
      push(
        notification(
          next,
          'awaiting_info',
          { number: next.number, question: step.note, trackingUrl: trackingUrlFor(next) },
          position,
          at,
        ),
      );
    } else if (step.to === 'closed') {
      push(
        notification(
          next,
          'closed',
          { number: next.number, closedHow: next.closedHow },
          position,
          at,
        ),
      );
      outbox.push(...(await duplicateClosings(next, at)));
    } else if (step.to === 'duplicate' && step.duplicateOf !== undefined) {
      const master = await storage.getReport(step.duplicateOf);
      push(
        notification(
          next,
          'duplicate_linked',
          {
            number: next.number,
            masterNumber: master?.report.number,
            trackingUrl: trackingUrlFor(next),
          },
          position,
          at,
        ),
      );
    }

    const updated = await storage.updateReport({
      reportId: previous.id,
      expectedVersion: stored.version,
      write: toWrite(next, now, resolvedAt),
      newTimelineEntries: [entry],
      ...(closureState === undefined ? {} : { closureState }),
      outbox,
    });

    const base = { reportId: next.id, number: next.number, at };
    emit('report.status_changed', {
      ...base,
      from: previous.status,
      to: next.status,
      role: step.role,
      departmentCode: next.departmentCode,
      ...(next.closedHow === undefined || next.status !== 'closed'
        ? {}
        : { closedHow: next.closedHow }),
    });
    if (next.status === 'assigned') {
      emit('report.assigned', {
        ...base,
        departmentCode: next.departmentCode,
        ...(previous.departmentCode === next.departmentCode
          ? {}
          : { previousDepartmentCode: previous.departmentCode }),
        role: step.role,
      });
    }
    if (previous.status === 'resolved' && next.status === 'in_progress') {
      emit('report.reopened', { ...base, role: step.role, departmentCode: next.departmentCode });
    }
    if (issued !== undefined) emit('closure_code.issued', { ...base, ...issued });
    if (next.status === 'duplicate' && next.duplicateOf !== undefined) {
      const master = await storage.getReport(next.duplicateOf);
      emit('duplicate.linked', {
        ...base,
        masterReportId: next.duplicateOf,
        masterNumber: master?.report.number ?? '',
      });
    }
    return { stored: updated, previous, entry };
  };

  /**
   * Checks a closure code against a resolved report and applies the outcome: `valid` closes it
   * as confirmed by `role`; other outcomes persist the attempt (and the lock).
   */
  const confirmWithCode = async (
    stored: StoredReport,
    code: string,
    actorName: string,
    role: Role,
  ): Promise<{
    outcome: ConfirmClosureResult['outcome'];
    attemptsLeft: number;
    stored: StoredReport;
    state: ClosureCodeState;
  }> => {
    const { report } = stored;
    const state = await storage.getClosureState(report.id);
    if (report.status !== 'resolved' || state === undefined) {
      throw new BalaghError(
        'CLOSURE_CODE_NOT_ISSUED',
        'The report is not resolved: there is no closure code to confirm.',
        {
          details: { status: report.status },
        },
      );
    }
    // Refuse a role that may not close before it can use up an attempt.
    transition(report, {
      to: 'closed',
      closedHow: 'confirmed',
      actor: actorName,
      role,
      at: Math.max(clock(), Date.parse(report.updatedAt)),
    });
    const now = clock();
    const verification = await verifyClosureCode({
      reportId: report.id,
      input: code,
      state,
      keyring: closureKeyring,
      now,
    });
    if (verification.outcome === 'valid') {
      const { stored: closed } = await applyStep(
        stored,
        {
          to: 'closed',
          closedHow: 'confirmed',
          actor: actorName,
          role,
          at: Math.max(now, Date.parse(report.updatedAt)),
        },
        verification.state,
      );
      emit('closure_code.confirmed', {
        reportId: report.id,
        number: report.number,
        at: closed.report.updatedAt,
        issue: state.counter,
        role,
      });
      return {
        outcome: 'valid',
        attemptsLeft: verification.attemptsLeft,
        stored: closed,
        state: verification.state,
      };
    }
    let current = stored;
    if (verification.state !== state) {
      current = await storage.updateReport({
        reportId: report.id,
        expectedVersion: stored.version,
        closureState: verification.state,
      });
      if (verification.state.lockedAt !== undefined && state.lockedAt === undefined) {
        emit('closure_code.locked', {
          reportId: report.id,
          number: report.number,
          at: verification.state.lockedAt,
          issue: verification.state.counter,
          failedAttempts: verification.state.failedAttempts,
        });
      }
    }
    return {
      outcome: verification.outcome,
      attemptsLeft: verification.attemptsLeft,
      stored: current,
      state: verification.state,
    };
  };

  // --- API keys --------------------------------------------------------------------------

  const createKey = async (input: CreateApiKeyInput): Promise<CreatedApiKey> => {
    const issues = [];
    if (typeof input.name !== 'string' || input.name.trim() === '' || input.name.length > 200) {
      issues.push({ path: 'name', code: 'too_small', message: 'must be 1 to 200 characters' });
    }
    if (!(apiKeyRoles as readonly string[]).includes(input.role)) {
      issues.push({
        path: 'role',
        code: 'invalid_value',
        message: `must be one of ${apiKeyRoles.join(', ')}`,
      });
    }
    if (input.role === 'department') {
      if (
        input.departmentCode === undefined ||
        taxonomy.department(input.departmentCode) === undefined
      ) {
        issues.push({
          path: 'departmentCode',
          code: 'invalid_value',
          message: 'must name a department of the taxonomy',
        });
      }
    }
    if (issues.length > 0) {
      throw new ValidationError(
        `Invalid API key. ${issues[0]?.path}: ${issues[0]?.message}`,
        issues,
      );
    }
    const generated = generateApiKey();
    const createdAt = nowIso();
    const departmentCode = input.role === 'department' ? input.departmentCode : undefined;
    await storage.insertApiKey({
      id: generated.id,
      name: input.name.trim(),
      role: input.role,
      ...(departmentCode === undefined ? {} : { departmentCode }),
      secretHash: hashSecret(generated.secret),
      createdAt,
    });
    return {
      id: generated.id,
      key: generated.key,
      name: input.name.trim(),
      role: input.role,
      ...(departmentCode === undefined ? {} : { departmentCode }),
      createdAt,
    };
  };

  // --- the actor's view ------------------------------------------------------------------

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
        const write = toWrite(report, now, undefined);
        const token = trackingTokens.tokenOf(report.id);
        const trackingUrl = trackingUrlOf(number, token);
        const receipt: ReportReceipt = {
          id: report.id,
          number,
          trackingToken: token,
          ...(trackingUrl === undefined ? {} : { trackingUrl }),
          status: report.status,
          categoryCode: report.categoryCode,
          departmentCode: report.departmentCode,
          createdAt,
          ...(write.resolutionDueAt === undefined
            ? {}
            : { resolutionDueAt: write.resolutionDueAt }),
          ...(report.externalId === undefined ? {} : { externalId: report.externalId }),
        };
        const received = notification(
          report,
          'received',
          { number, trackingUrl, dueAt: write.resolutionDueAt },
          '0',
          createdAt,
        );
        return {
          write,
          trackingTokenHash: hashSecret(token),
          outbox: received === undefined ? [] : [received],
          response: receipt,
        };
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

  const forActor = (actor: Actor): ActorReportService => {
    if (actor.role === 'department' && actor.departmentCode === undefined) {
      throw new BalaghError('FORBIDDEN', 'A department key needs a department.', {
        details: { role: actor.role },
      });
    }
    const requireStaff = (what: string) => requireRole(actor, staffRoles, what);
    const stepBase = () => ({ actor: actor.keyId, role: actor.role as Role });
    const stepTime = (report: Report) => Math.max(clock(), Date.parse(report.updatedAt));

    const transitionScoped = (idOrNumber: string, request: TransitionRequest) =>
      retryOnConflict(async () => {
        requireStaff('change reports');
        const stored = await readScoped(actor, idOrNumber);
        if (
          request.to === 'closed' &&
          actor.role !== 'supervisor' &&
          actor.role !== 'admin' &&
          actor.role !== 'system'
        ) {
          throw new BalaghError(
            'FORBIDDEN_ROLE',
            'Close a resolved report with the reporter’s closure code.',
            {
              details: { from: stored.report.status, to: 'closed', role: actor.role },
            },
          );
        }
        if (
          request.to === 'assigned' &&
          request.departmentCode !== undefined &&
          taxonomy.department(request.departmentCode) === undefined
        ) {
          throw new ValidationError(`Unknown department "${request.departmentCode}".`, [
            {
              path: 'departmentCode',
              code: 'invalid_value',
              message: 'must name a department of the taxonomy',
            },
          ]);
        }
        let duplicateOf = request.duplicateOf;
        if (request.to === 'duplicate') {
          const master = duplicateOf === undefined ? undefined : await findStored(duplicateOf);
          if (master === undefined || !inScope(actor, master.report)) {
            throw new BalaghError('REPORT_NOT_FOUND', 'No such master report.', {
              details: { duplicateOf },
            });
          }
          if (isTerminalStatus(master.report.status)) {
            throw new ValidationError(
              'The master report is closed, rejected or itself a duplicate.',
              [{ path: 'duplicateOf', code: 'invalid_value', message: 'must be an open report' }],
            );
          }
          duplicateOf = master.report.id;
        }
        const step: TransitionStep = {
          ...stepBase(),
          to: request.to,
          at: stepTime(stored.report),
          ...(request.note === undefined ? {} : { note: request.note }),
          ...(request.departmentCode === undefined
            ? {}
            : { departmentCode: request.departmentCode }),
          ...(request.closedHow === undefined ? {} : { closedHow: request.closedHow }),
          ...(duplicateOf === undefined ? {} : { duplicateOf }),
        };
        const { stored: updated } = await applyStep(stored, step);
        return staffView(updated);
      });

    return {
      actor,

      async listCategories(language) {
        return taxonomy.localizedCategories(language);
      },

      submitReport: (input, submitOptions) => submit(actor, input, submitOptions?.idempotencyKey),

      async createOnBehalf(input, submitOptions) {
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

      async getReportStatus(ref) {
        const stored = await resolveRef(actor, ref, 'status');
        return publicStatus(stored, await storage.getClosureState(stored.report.id));
      },

      confirmClosure: (ref, code) =>
        retryOnConflict(async () => {
          const stored = await resolveRef(actor, ref, 'answer');
          const result = await confirmWithCode(stored, code, 'reporter', 'reporter');
          return {
            outcome: result.outcome,
            ...(result.outcome === 'invalid' ? { attemptsLeft: result.attemptsLeft } : {}),
            report: publicStatus(result.stored, result.state),
          };
        }),

      reopenReport: (ref, reason) =>
        retryOnConflict(async () => {
          const stored = await resolveRef(actor, ref, 'answer');
          const { stored: reopened } = await applyStep(stored, {
            to: 'in_progress',
            actor: 'reporter',
            role: 'reporter',
            at: stepTime(stored.report),
            ...(reason === undefined || reason.trim() === '' ? {} : { note: reason }),
          });
          return publicStatus(reopened, await storage.getClosureState(reopened.report.id));
        }),

      async uploadMedia(input, contentType) {
        const bytes =
          input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer());
        if (bytes.byteLength > maximumMediaBytes) {
          throw new BalaghError('PAYLOAD_TOO_LARGE', 'An image may be at most 5 MiB.', {
            details: { byteSize: bytes.byteLength, maximum: maximumMediaBytes },
          });
        }
        const info = readImageInfo(bytes);
        const declared = contentType.split(';')[0]?.trim().toLowerCase();
        if (info === undefined || info.contentType !== declared) {
          throw new BalaghError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Send a JPEG, PNG or WebP image, with its own content type.',
            {
              details: { contentType: declared },
            },
          );
        }
        if (bytes.byteLength === 0)
          throw new BalaghError('UNSUPPORTED_MEDIA_TYPE', 'The image is empty.');
        mediaDirectoryReady ??= mkdir(mediaDirectory, { recursive: true });
        await mediaDirectoryReady;
        const id = createReportId(clock());
        const extension = info.contentType.slice('image/'.length);
        const path = join(mediaDirectory, `${id}.${extension}`);
        const handle = await open(path, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        const attachment: Attachment = {
          mediaId: id,
          contentType: info.contentType,
          byteSize: bytes.byteLength,
          ...(info.width === undefined ? {} : { width: info.width }),
          ...(info.height === undefined ? {} : { height: info.height }),
        };
        await storage.insertMedia({
          id,
          contentType: info.contentType,
          byteSize: bytes.byteLength,
          ...(info.width === undefined ? {} : { width: info.width }),
          ...(info.height === undefined ? {} : { height: info.height }),
          path,
          createdAt: nowIso(),
        });
        return attachment;
      },

      async listReports(query: ReportListQuery = {}) {
        requireStaff('list reports');
        let departmentCode = query.departmentCode;
        if (actor.role === 'department') {
          const own = actor.departmentCode as string;
          if (
            departmentCode !== undefined &&
            departmentCode.length > 0 &&
            !departmentCode.includes(own)
          ) {
            return { items: [] };
          }
          departmentCode = [own];
        }
        const storageQuery: StorageListQuery = {
          ...query,
          ...(departmentCode === undefined ? {} : { departmentCode }),
          ...(query.createdFrom === undefined
            ? {}
            : { createdFrom: isoInstant(query.createdFrom, 'createdFrom') }),
          ...(query.createdTo === undefined
            ? {}
            : { createdTo: isoInstant(query.createdTo, 'createdTo') }),
        };
        const page = await storage.listReports(storageQuery);
        const states = await storage.getClosureStates(page.items.map((item) => item.report.id));
        const items = await Promise.all(
          page.items.map((item) => toStaffReport(item, states.get(item.report.id))),
        );
        return page.nextCursor === undefined ? { items } : { items, nextCursor: page.nextCursor };
      },

      async getReport(idOrNumber) {
        requireStaff('read reports');
        return staffView(await readScoped(actor, idOrNumber));
      },

      assignReport: (idOrNumber, request) =>
        transitionScoped(idOrNumber, {
          to: 'assigned',
          departmentCode: request.departmentCode,
          ...(request.note === undefined ? {} : { note: request.note }),
        }),

      transitionReport: transitionScoped,

      closeWithCode: (idOrNumber, code) =>
        retryOnConflict(async () => {
          requireStaff('close reports');
          const stored = await readScoped(actor, idOrNumber);
          const result = await confirmWithCode(stored, code, actor.keyId, actor.role as Role);
          switch (result.outcome) {
            case 'valid':
              return staffView(result.stored);
            case 'invalid':
              throw new BalaghError('CLOSURE_CODE_INVALID', 'Wrong closure code.', {
                details: { attemptsLeft: result.attemptsLeft },
              });
            case 'malformed':
              throw new BalaghError(
                'CLOSURE_CODE_MALFORMED',
                'Not a closure code: check the digits.',
              );
            case 'expired':
              throw new BalaghError(
                'CLOSURE_CODE_EXPIRED',
                'The closure code has expired or was used.',
              );
            default:
              throw new BalaghError(
                'CLOSURE_CODE_LOCKED',
                'Too many wrong closure codes; the code is locked.',
                {
                  details: { attemptsLeft: 0 },
                },
              );
          }
        }),

      linkDuplicate: (idOrNumber, request) =>
        transitionScoped(idOrNumber, {
          to: 'duplicate',
          duplicateOf: request.masterId,
          ...(request.note === undefined ? {} : { note: request.note }),
        }),

      async getStats(query = {}) {
        requireRole(actor, statsRoles, 'read stats');
        const toIso = isoInstant(query.to ?? nowIso(), 'to');
        const fromIso = isoInstant(
          query.from ?? new Date(Date.parse(toIso) - 30 * day).toISOString(),
          'from',
        );
        const stats = await storage.stats({
          from: fromIso,
          to: toIso,
          ...(actor.role === 'department' && actor.departmentCode !== undefined
            ? { departmentCode: actor.departmentCode }
            : {}),
        });
        return { from: fromIso, to: toIso, ...stats } satisfies ReportStats;
      },

      async createApiKey(input) {
        requireRole(actor, adminRoles, 'manage API keys');
        return createKey(input);
      },

      async listApiKeys() {
        requireRole(actor, adminRoles, 'manage API keys');
        const keys = await storage.listApiKeys();
        return keys.map(
          (key): ApiKeyInfo => ({
            id: key.id,
            name: key.name,
            role: key.role as ApiKeyRole,
            ...(key.departmentCode === undefined ? {} : { departmentCode: key.departmentCode }),
            createdAt: key.createdAt,
            ...(key.revokedAt === undefined ? {} : { revokedAt: key.revokedAt }),
          }),
        );
      },

      async revokeApiKey(id) {
        requireRole(actor, adminRoles, 'manage API keys');
        const revoked = await storage.revokeApiKey(id, nowIso());
        forgetVerifiedKey(id);
        if (!revoked) {
          throw new BalaghError('NOT_FOUND', 'No such API key.', { details: { id } });
        }
      },
    };
  };

  return {
    forActor,

    async verifyApiKey(presentedKey) {
      if (typeof presentedKey !== 'string') return undefined;
      const cacheKey = apiKeyCacheMs > 0 ? hashSecret(presentedKey) : undefined;
      if (cacheKey !== undefined) {
        const cached = verifiedKeys.get(cacheKey);
        if (cached !== undefined && cached.until > Date.now()) return cached.actor;
        verifiedKeys.delete(cacheKey);
      }
      const parsed = parseApiKey(presentedKey);
      if (parsed === undefined) return undefined;
      const record = await storage.getApiKey(parsed.id);
      if (record === undefined || record.revokedAt !== undefined) return undefined;
      if (!hashesEqual(record.secretHash, hashSecret(parsed.secret))) return undefined;
      const actor: Actor = {
        keyId: record.id,
        role: record.role as ApiKeyRole,
        ...(record.departmentCode === undefined ? {} : { departmentCode: record.departmentCode }),
      };
      if (cacheKey !== undefined) {
        if (verifiedKeys.size >= maximumVerifiedKeys) {
          const oldest = verifiedKeys.keys().next().value;
          if (oldest !== undefined) verifiedKeys.delete(oldest);
        }
        verifiedKeys.set(cacheKey, { actor, until: Date.now() + apiKeyCacheMs });
      }
      return actor;
    },

    createApiKey: createKey,

    async closeUnconfirmed(now = clock()) {
      const cutoff = new Date(now - unconfirmedCloseAfterMs).toISOString();
      let closed = 0;
      for (;;) {
        const due = await storage.listResolvedBefore(cutoff, 100);
        let closedNow = 0;
        for (const stored of due) {
          try {
            await applyStep(stored, {
              to: 'closed',
              closedHow: 'unconfirmed',
              actor: systemActor.keyId,
              role: 'system',
              at: Math.max(now, Date.parse(stored.report.updatedAt)),
            });
            closedNow += 1;
          } catch (error) {
            // Someone acted on it meanwhile (confirmed, reopened): it is no longer ours to close.
            if (!(error instanceof BalaghError && error.code === 'CONFLICT')) throw error;
          }
        }
        closed += closedNow;
        if (due.length < 100 || closedNow === 0) return closed;
      }
    },

    async listOpenReports(pageOptions = {}) {
      const page = await storage.listOpenReports(pageOptions);
      const items = page.items.map((item) => ({ report: item.stored.report, marks: item.marks }));
      return page.nextCursor === undefined ? { items } : { items, nextCursor: page.nextCursor };
    },

    async recordSlaMark(input) {
      const stored = await storage.getReport(input.reportId);
      if (stored === undefined) throw notFound();
      const { report } = stored;
      const atMilliseconds =
        input.at === undefined
          ? clock()
          : typeof input.at === 'number'
            ? input.at
            : Date.parse(input.at);
      const at = nowIso(atMilliseconds);
      const escalation = input.escalation;
      const outbox: OutboxInsert[] =
        escalation === undefined
          ? []
          : [
              {
                id: createReportId(atMilliseconds),
                reportId: report.id,
                reportNumber: report.number,
                kind: 'escalation',
                channel: report.channel,
                recipient: { departmentCode: escalation.departmentCode ?? report.departmentCode },
                language: report.language,
                variables: {
                  number: report.number,
                  clock: input.clock,
                  mark: input.mark,
                  ...escalation.variables,
                },
                idempotencyKey: `${report.id}:sla:${input.clock}:${input.mark}`,
                createdAt: at,
              },
            ];
      const isNew = await storage.recordSlaMark({
        reportId: report.id,
        clock: input.clock,
        mark: input.mark,
        at,
        ...(input.slaState === undefined ? {} : { slaState: input.slaState }),
        outbox,
      });
      const target: 'response' | 'resolution' | undefined =
        input.clock === 'response'
          ? 'response'
          : input.clock === 'resolution'
            ? 'resolution'
            : undefined;
      if (isNew && target !== undefined) {
        const sla = slaOf(report, atMilliseconds)[target];
        const base = {
          reportId: report.id,
          number: report.number,
          at,
          target,
          departmentCode: report.departmentCode,
          dueAt: sla.dueAt,
        };
        if (input.mark === 'breached') {
          emit('sla.breached', { ...base, breachedAt: sla.breachedAt ?? sla.dueAt });
        } else if (input.mark.startsWith('at_risk')) {
          const share = Number(input.mark.split(':')[1]);
          emit('sla.at_risk', {
            ...base,
            elapsedShare: Number.isFinite(share) ? share : sla.elapsedMs / sla.targetMs,
          });
        }
      }
      return isNew;
    },

    async readMedia(mediaId) {
      const record = await storage.getMedia(mediaId);
      if (record === undefined)
        throw new BalaghError('NOT_FOUND', 'No such media.', { details: { mediaId } });
      const bytes = new Uint8Array(await readFile(record.path));
      return {
        mediaId: record.id,
        contentType: record.contentType as Attachment['contentType'],
        byteSize: record.byteSize,
        ...(record.width === undefined ? {} : { width: record.width }),
        ...(record.height === undefined ? {} : { height: record.height }),
        bytes,
      };
    },

    async getConversation<T>(channel: string, userId: string) {
      const record = await storage.getConversation(channel, userId, nowIso());
      return record === undefined
        ? undefined
        : { state: record.state as T, updatedAt: record.updatedAt, expiresAt: record.expiresAt };
    },

    async putConversation(
      channel,
      userId,
      state,
      ttlMilliseconds = defaultConversationTtlMilliseconds,
    ) {
      const now = clock();
      await storage.putConversation(
        channel,
        userId,
        state,
        nowIso(now),
        nowIso(now + ttlMilliseconds),
      );
    },

    deleteConversation: (channel, userId) => storage.deleteConversation(channel, userId),

    outboxCounts: () => storage.outboxCounts(),

    purgeExpired: (now = clock()) => storage.purgeExpired(nowIso(now)),

    checkHealth: () => storage.ping(),
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

/**
 * An instant in the stored form (ISO 8601 UTC with milliseconds), which compares as text.
 *
 * @throws `ValidationError` when the value is not a date.
 */
function isoInstant(value: string, path: string): string {
  const milliseconds = Date.parse(value);
  if (Number.isNaN(milliseconds)) {
    throw new ValidationError(`Invalid query. ${path}: must be an ISO 8601 date`, [
      { path, code: 'invalid_format', message: 'must be an ISO 8601 date' },
    ]);
  }
  return new Date(milliseconds).toISOString();
}
