/**
 * The Balagh intake server: storage on SQLite or PostgreSQL, the report service, the HTTP API
 * (Hono), the transactional outbox and its dispatcher, the SLA monitor, configuration from the
 * environment, and `createBalaghServer`, which wires them into a running service.
 *
 * @packageDocumentation
 */

// --- server ---
export {
  type BalaghServer,
  type BalaghServerOptions,
  createBalaghServer,
  initialAdminKeyFile,
  type ListeningAddress,
  type WebhookContext,
} from './create-balagh-server.js';

// --- configuration and logging ---
export {
  type ServerLoggerOptions,
  createServerLogger,
  maskPersonalData,
} from './config/create-server-logger.js';
export {
  type BalaghConfig,
  type ConfigVariable,
  configVariables,
  generatedClosureKeysFile,
  type LoadConfigOptions,
  loadConfig,
  logLevels,
  type OutboxConfig,
  type SmsConfig,
  smsProviderNames,
  type WhatsAppConfig,
} from './config/load-config.js';
export { parseDuration } from './config/parse-duration.js';

// --- storage ---
export {
  createStorage,
  defaultDatabasePath,
  isPostgresUrl,
  type StorageOptions,
} from './storage/create-storage.js';
export type {
  ApiKeyRecord,
  CreateReportRequest,
  CreateReportResult,
  DuplicateCandidatesQuery,
  IdempotencyInput,
  MediaRecord,
  NewReportRecord,
  OpenStoredReport,
  OutboxClaim,
  OutboxCounts,
  OutboxInsert,
  OutboxRow,
  ReportSlaState,
  ReportSort,
  ReportUpdate,
  ReportWrite,
  SlaMarkRecord,
  Storage,
  StorageListQuery,
  StorageStats,
  StoredReport,
  StoredReportPage,
  WriteStatistics,
} from './storage/storage.js';

// --- service ---
export { createReportService } from './service/create-report-service.js';
export {
  type Actor,
  type ActorReportService,
  type ApiKeyInfo,
  type ApiKeyRole,
  apiKeyRoles,
  type ConversationRecord,
  type CreateApiKeyInput,
  type CreatedApiKey,
  type LikelyDuplicate,
  type OpenReportForSla,
  type ReportListQuery,
  type ReportPage,
  type ReportService,
  type ReportServiceOptions,
  type ReportStats,
  type SlaMarkInput,
  type StaffClosureCode,
  type StaffReport,
  type StaffReportSla,
  type StatsQuery,
  type StoredMedia,
  systemActor,
  type TransitionRequest,
} from './service/report-service.js';

// --- HTTP ---
export {
  createHttpApp,
  type HttpApp,
  type HttpAppOptions,
  type WebhookHandler,
} from './http/create-http-app.js';
export type { HttpEnv, HttpVariables } from './http/http-env.js';
export { type HttpLogger, redactForLog, silentHttpLogger } from './http/http-logger.js';
export type { TrustProxy } from './http/client-address.js';
export { countBalaghEvents } from './http/metrics/count-balagh-events.js';
export {
  createMetrics,
  type Metrics,
  type MetricsGauges,
  prometheusContentType,
  type RequestSample,
  requestDurationBuckets,
} from './http/metrics/create-metrics.js';
// The OpenAPI document is served at /openapi.json and answered by `app.openApiDocument()`.
export type { JsonObject, OpenApiDocumentOptions } from './http/openapi/create-openapi-document.js';
export {
  createRateLimiter,
  defaultRateLimits,
  type RateLimitDecision,
  type RateLimiter,
  type RateLimitOptions,
  type TokenBucketLimit,
} from './http/rate-limit/create-rate-limiter.js';
export { type Problem, problemSchema } from './http/schemas/problem-schema.js';

// --- outbox ---
export { type BackoffPolicy, backoffDelay, defaultBackoffPolicy } from './outbox/backoff-delay.js';
export {
  createLocalFileNotifier,
  type LocalFileNotifierOptions,
  type LocalNotificationRecord,
} from './outbox/create-local-file-notifier.js';
export {
  createOutboxDispatcher,
  type OutboxDispatcher,
  type OutboxDispatcherOptions,
  type OutboxDispatcherStatistics,
} from './outbox/create-outbox-dispatcher.js';
export { createRoutingNotifier } from './outbox/create-routing-notifier.js';
export { signalOutboxWrites } from './outbox/signal-outbox-writes.js';

// --- SLA monitor ---
export {
  createSlaMonitor,
  type SlaMonitor,
  type SlaMonitorOptions,
  type SlaSweepResult,
  slaMonitorLockKey,
} from './sla-monitor/create-sla-monitor.js';
