/**
 * The Balagh report domain: schemas, taxonomy, lifecycle, SLA engine, closure codes, report
 * numbers, phone numbers, messages, events and geo. Isomorphic (browsers and Node), no I/O.
 *
 * @packageDocumentation
 */

// --- errors and validation ---
export { BalaghError, type BalaghErrorOptions, isBalaghError } from './errors/balagh-error.js';
export { type ErrorCode, errorCodes, isErrorCode } from './errors/error-codes.js';
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
export {
  type PublicReportStatus,
  type PublicTimelineEntry,
  publicReportStatusSchema,
  publicTimelineEntrySchema,
  type Report,
  type ReportReceipt,
  reportNumberSchema,
  reportReceiptSchema,
  reportSchema,
} from './schemas/report.js';
export {
  type AttributeValue,
  attributeValueSchema,
  categoryCodeSchema,
  type ReportInput,
  reportInputSchema,
} from './schemas/report-input.js';
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

// --- ports ---
export type {
  ConfirmClosureResult,
  IntakePort,
  LocalizedCategory,
  ReporterReportRef,
  SubmitReportOptions,
} from './ports/intake-port.js';

// --- digits, check digits, report numbers, ids, phone numbers ---

// --- taxonomy ---

// --- lifecycle ---

// --- SLA ---

// --- closure codes ---

// --- messages ---

// --- events ---

// --- geo ---
