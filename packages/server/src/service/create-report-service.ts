import { BalaghError } from '@balagh/core';
import { createApiKeys } from './api-keys.js';
import { createApplyStep } from './apply-step.js';
import { createBuildNewReport } from './build-new-report.js';
import { createClosureFlow } from './closure-flow.js';
import { createConversationStore } from './conversation-store.js';
import { createMediaOperations } from './media-operations.js';
import { createReportLookup } from './report-lookup.js';
import type {
  Actor,
  ActorReportService,
  ReportService,
  ReportServiceOptions,
} from './report-service.js';
import { createReportTransitions } from './report-transitions.js';
import { createReporterOperations } from './reporter-operations.js';
import { createServiceContext } from './service-context.js';
import { createSlaOperations } from './sla-operations.js';
import { createStaffQueries } from './staff-queries.js';
import { createStaffReportView } from './staff-report-view.js';
import { createSubmitReport } from './submit-report.js';

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
  // Every part is built once here; `forActor` only binds the actor to them, per request.
  const context = createServiceContext(options);
  const { storage, taxonomy, clock, nowIso } = context;

  const lookup = createReportLookup(context);
  const view = createStaffReportView(context);
  const applyStep = createApplyStep(context);
  const closure = createClosureFlow(context, { applyStep, lookup, staffView: view.staffView });
  const transitions = createReportTransitions(context, {
    applyStep,
    lookup,
    staffView: view.staffView,
  });
  const reporter = createReporterOperations(context, {
    applyStep,
    confirmWithCode: closure.confirmWithCode,
  });
  const staff = createStaffQueries(context, { lookup, view });
  const apiKeys = createApiKeys(context);
  const media = createMediaOperations(context);
  const sla = createSlaOperations(context);
  const conversations = createConversationStore(context);
  const { submitReport: submit, createOnBehalf } = createSubmitReport(
    context,
    createBuildNewReport(context),
  );

  const listCategories: ActorReportService['listCategories'] = async (language) =>
    taxonomy.localizedCategories(language);

  const forActor = (actor: Actor): ActorReportService => {
    if (actor.role === 'department' && actor.departmentCode === undefined) {
      throw new BalaghError('FORBIDDEN', 'A department key needs a department.', {
        details: { role: actor.role },
      });
    }

    // Methods rather than arrow properties: under tsx (how the benchmark runs the sources),
    // esbuild's keepNames renames every arrow property with a defineProperty call per request.
    return {
      actor,
      listCategories,
      submitReport(input, submitOptions) {
        return submit(actor, input, submitOptions?.idempotencyKey);
      },
      createOnBehalf(input, submitOptions) {
        return createOnBehalf(actor, input, submitOptions);
      },

      getReportStatus(ref) {
        return reporter.getReportStatus(actor, ref);
      },
      confirmClosure(ref, code) {
        return reporter.confirmClosure(actor, ref, code);
      },
      reopenReport(ref, reason) {
        return reporter.reopenReport(actor, ref, reason);
      },

      uploadMedia: media.uploadMedia,

      listReports(query) {
        return staff.listReports(actor, query);
      },
      getReport(idOrNumber) {
        return staff.getReport(actor, idOrNumber);
      },
      assignReport(idOrNumber, request) {
        return transitions.assignReport(actor, idOrNumber, request);
      },
      transitionReport(idOrNumber, request) {
        return transitions.transitionReport(actor, idOrNumber, request);
      },
      closeWithCode(idOrNumber, code) {
        return closure.closeWithCode(actor, idOrNumber, code);
      },
      linkDuplicate(idOrNumber, request) {
        return transitions.linkDuplicate(actor, idOrNumber, request);
      },
      getStats(query) {
        return staff.getStats(actor, query);
      },

      createApiKey(input) {
        return apiKeys.createAs(actor, input);
      },
      listApiKeys() {
        return apiKeys.list(actor);
      },
      revokeApiKey(id) {
        return apiKeys.revoke(actor, id);
      },
    };
  };

  return {
    forActor,
    verifyApiKey: apiKeys.verify,
    createApiKey: apiKeys.create,
    closeUnconfirmed: closure.closeUnconfirmed,
    listOpenReports: sla.listOpenReports,
    recordSlaMark: sla.recordSlaMark,
    readMedia: media.readMedia,
    getConversation: conversations.getConversation,
    putConversation: conversations.putConversation,
    deleteConversation: conversations.deleteConversation,
    markMessageSeen: conversations.markMessageSeen,

    outboxCounts: () => storage.outboxCounts(),

    purgeExpired: (now = clock()) => storage.purgeExpired(nowIso(now)),

    checkHealth: () => storage.ping(),
  };
}
