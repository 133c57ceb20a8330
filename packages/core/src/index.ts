/**
 * The Balagh report domain: schemas, taxonomy, lifecycle, SLA engine, closure codes, report
 * numbers, phone numbers, messages, events and geo. Isomorphic (browsers and Node), no I/O.
 *
 * @packageDocumentation
 */

// --- errors and validation ---
export { BalaghError, type BalaghErrorOptions, isBalaghError } from './errors/balagh-error.js';
export { type ErrorCode, errorCodes, isErrorCode } from './errors/error-codes.js';
export { NotificationError } from './errors/notification-error.js';
export { problemResponse, problemTypeBase, problemTypeOf } from './errors/problem-response.js';
export { ValidationError, type ValidationIssue } from './errors/validation-error.js';
export {
  type ParseResult,
  parseInput,
  safeParseInput,
  toValidationIssues,
} from './validation/parse-input.js';

// --- schemas ---
export { type Attachment, attachmentContentTypes, attachmentSchema } from './schemas/attachment.js';
export {
  type Calendar,
  calendarSchema,
  type HijriDate,
  type Holiday,
  hijriDateSchema,
  holidaySchema,
  type SlaPolicy,
  slaPolicySchema,
  type WorkingWindow,
  workingWindowSchema,
} from './schemas/calendar.js';
export { type Channel, channelSchema, channels } from './schemas/channel.js';
export {
  coreLanguages,
  isLanguage,
  isRightToLeft,
  type Language,
  languageSchema,
  languages,
  rightToLeftLanguages,
} from './schemas/language.js';
export { type Location, locationSchema } from './schemas/location.js';
export { categoryCodeSchema } from './schemas/category-code.js';
export { instantSchema, isInstant } from './schemas/instant.js';
export {
  type ConfirmClosureResult,
  confirmClosureResultSchema,
  type PublicReportStatus,
  type PublicTimelineEntry,
  publicReportStatusSchema,
  publicTimelineEntrySchema,
} from './schemas/public-report-status.js';
export { type Report, reportSchema } from './schemas/report.js';
export {
  type AttributeValue,
  attributeValueSchema,
  type ReportInput,
  reportInputSchema,
} from './schemas/report-input.js';
export { reportNumberSchema } from './schemas/report-number.js';
export { type ReportReceipt, reportReceiptSchema } from './schemas/report-receipt.js';
export { e164Schema, type Reporter, reporterSchema } from './schemas/reporter.js';
export {
  type ClosedHow,
  closedHowSchema,
  closedHowValues,
  isTerminalStatus,
  type Priority,
  priorities,
  prioritySchema,
  type Role,
  roleSchema,
  roles,
  type Status,
  statusSchema,
  statuses,
  terminalStatuses,
} from './schemas/status.js';
export {
  attributeDatatypes,
  type Category,
  type CategoryAttribute,
  type CategoryGroup,
  categoryAttributeSchema,
  categoryGroupSchema,
  categorySchema,
  type Department,
  departmentSchema,
  type LocalizedText,
  localizedTextSchema,
  type TaxonomyDefinition,
  taxonomyDefinitionSchema,
} from './schemas/taxonomy.js';
export { type TimelineEntry, timelineEntrySchema } from './schemas/timeline-entry.js';

// --- schemas of the intake API's other answers: categories, staff reports, stats, API keys ---
export {
  type ApiKeyInfo,
  type ApiKeyList,
  type ApiKeyRole,
  apiKeyInfoSchema,
  apiKeyListSchema,
  apiKeyRoleSchema,
  apiKeyRoles,
  type CreatedApiKey,
  createdApiKeySchema,
} from './schemas/api-key-info.js';
export {
  type CategoryList,
  categoryListSchema,
  type LocalizedCategory,
  localizedCategorySchema,
} from './schemas/category-list.js';
export { type ReportStats, reportStatsSchema } from './schemas/report-stats.js';
export {
  type LikelyDuplicate,
  likelyDuplicateSchema,
  type ReportPage,
  type StaffClosureCode,
  type StaffReport,
  type StaffReportSla,
  staffClosureCodeSchema,
  staffReportPageSchema,
  staffReportSchema,
  staffReportSlaSchema,
} from './schemas/staff-report.js';

// --- ports ---
export type { IntakePort, ReporterReportRef, SubmitReportOptions } from './ports/intake-port.js';
export type {
  Notification,
  NotificationKind,
  NotificationReceipt,
  NotificationRecipient,
  Notifier,
} from './ports/notifier.js';

// --- digits, check digits, report numbers, ids, phone numbers ---
export { dammCheckDigit, isValidDamm } from './digits/damm-check-digit.js';
export { normalizeDigits } from './digits/normalize-digits.js';
export { maskPhone } from './phone/mask-phone.js';
export { normalizePhone } from './phone/normalize-phone.js';
export { createReportId } from './report-id/create-report-id.js';
export { reportIdTimestamp } from './report-id/report-id-timestamp.js';
export {
  formatReportNumber,
  type ReportNumberParts,
} from './report-number/format-report-number.js';
export { type ParsedReportNumber, parseReportNumber } from './report-number/parse-report-number.js';

// --- taxonomy ---
export type { CategoryMatch } from './taxonomy/create-category-matcher.js';
export { createTaxonomy, type Taxonomy } from './taxonomy/create-taxonomy.js';
export { defaultTaxonomy } from './taxonomy/default-taxonomy.js';
export { languageNeighbours, localizeText } from './taxonomy/localize-text.js';
export { type MatchCategoriesOptions, matchCategories } from './taxonomy/match-categories.js';
export { normalizeForMatching } from './taxonomy/normalize-for-matching.js';

// --- lifecycle ---
export {
  allowedClosedHow,
  allowedTransitions,
  canTransition,
} from './lifecycle/allowed-transitions.js';
export {
  type TransitionableReport,
  type TransitionStep,
  transition,
} from './lifecycle/transition.js';
export { type TransitionRule, transitionTable } from './lifecycle/transition-table.js';
export type { Instant } from './lifecycle/parse-instant.js';

// --- SLA ---
export { hijriToGregorian } from './hijri/hijri-to-gregorian.js';
export { hijriYearOf } from './hijri/hijri-year-of.js';
export { toHijriDate, type YearMonthDay } from './hijri/to-hijri-date.js';
export { addWorkingTime } from './sla/add-working-time.js';
export { alwaysCalendar } from './sla/always-calendar.js';
export {
  createWorkingCalendar,
  isWorkingCalendar,
  type WorkingCalendar,
} from './sla/create-working-calendar.js';
export { defaultBusinessCalendar } from './sla/default-business-calendar.js';
export { defaultAtRiskShares, type SlaStatusOptions, slaStatus } from './sla/sla-status.js';
export {
  type SlaClockStatus,
  type SlaState,
  type SlaStatus,
  slaClockStatusSchema,
  slaStateSchema,
  slaStates,
  slaStatusSchema,
} from './sla/sla-status-schema.js';
export { workingTimeBetween } from './sla/working-time-between.js';

// --- closure codes ---
export {
  type ClosureCodeState,
  closureCodeStateSchema,
} from './closure-code/closure-code-state.js';
export {
  type ClosureKeyring,
  closureKeyringSchema,
  createClosureKeyring,
  generateClosureSecret,
} from './closure-code/closure-keyring.js';
export {
  formatClosureCode,
  normalizeClosureCodeInput,
} from './closure-code/format-closure-code.js';
export {
  type IssueClosureCodeOptions,
  type IssuedClosureCode,
  issueClosureCode,
} from './closure-code/issue-closure-code.js';
export {
  type ClosureCodeOutcome,
  type ClosureCodeVerification,
  defaultClosureCodeMaxAttempts,
  type VerifyClosureCodeOptions,
  verifyClosureCode,
} from './closure-code/verify-closure-code.js';

// --- messages ---
export {
  defaultMessageTimeZone,
  type FormatReportDateOptions,
  formatReportDate,
} from './messages/format-report-date.js';
export { messageCatalogue } from './messages/message-catalogue.js';
export {
  isMessageKind,
  type MessageKind,
  type MessageVariables,
  messageKinds,
  requiredMessageVariables,
} from './messages/message-kinds.js';
export type {
  MessageCatalogue,
  MessageTemplate,
  OptionalKeys,
  TemplatePart,
} from './messages/message-template.js';
export { type RenderMessageOptions, renderMessage } from './messages/render-message.js';

// --- events ---
export {
  type BalaghEventMap,
  type BalaghEventName,
  type BalaghEventPayload,
  balaghEventNames,
  type ClosureCodeConfirmedEvent,
  type ClosureCodeIssuedEvent,
  type ClosureCodeLockedEvent,
  type DuplicateLinkedEvent,
  type NotificationDeadEvent,
  type NotificationEventBase,
  type NotificationSentEvent,
  type ReportAssignedEvent,
  type ReportCreatedEvent,
  type ReportEventBase,
  type ReportReopenedEvent,
  type ReportStatusChangedEvent,
  type SlaAtRiskEvent,
  type SlaBreachedEvent,
} from './events/balagh-event-map.js';
export { type BalaghEmitter, createBalaghEmitter } from './events/create-balagh-emitter.js';

// --- geo ---
export {
  type AreaFeature,
  type AreaFeatureCollection,
  areaFeatureCollectionSchema,
  type GeoJsonLinearRing,
  type GeoJsonMultiPolygon,
  type GeoJsonPolygon,
  type GeoJsonPosition,
} from './geo/area-geo-json.js';
export { type AreaIndex, createAreaIndex } from './geo/create-area-index.js';
export { duplicateSearchBox, type GeoBox } from './geo/duplicate-search-box.js';
export { earthRadiusMeters, type GeoPoint, haversineMeters } from './geo/haversine-meters.js';
export {
  type DuplicateCandidate,
  type DuplicateOptions,
  defaultDuplicateRadiusMeters,
  defaultDuplicateWindowMs,
  isLikelyDuplicate,
} from './geo/is-likely-duplicate.js';
