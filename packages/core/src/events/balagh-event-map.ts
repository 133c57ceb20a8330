import type { MessageKind } from '../messages/message-kinds.js';
import type { Channel } from '../schemas/channel.js';
import type { Language } from '../schemas/language.js';
import type { ClosedHow, Priority, Role, Status } from '../schemas/status.js';

/**
 * What every report event carries: which report, and when. Event payloads hold ids, report
 * numbers, statuses, codes and times only — never a phone number, a name, a description or a
 * staff member's id — so they can be logged and forwarded freely.
 */
export interface ReportEventBase {
  /** The report's id (UUIDv7). */
  readonly reportId: string;
  /** The report's number as printed, `1448-000123-7`. */
  readonly number: string;
  /** When it happened, ISO 8601 in UTC with milliseconds. */
  readonly at: string;
}

/** Payload of `report.created`: a report was accepted. */
export interface ReportCreatedEvent extends ReportEventBase {
  readonly status: Status;
  readonly categoryCode: string;
  readonly departmentCode: string;
  readonly priority: Priority;
  readonly channel: Channel;
  readonly language: Language;
  /** Area resolved by geo-routing, when the report has coordinates inside a known area. */
  readonly areaCode?: string;
}

/** Payload of `report.status_changed`: any step of the lifecycle, reassignments included. */
export interface ReportStatusChangedEvent extends ReportEventBase {
  readonly from: Status;
  readonly to: Status;
  /** Role of whoever made the change (who exactly is in the report's timeline). */
  readonly role: Role;
  readonly departmentCode: string;
  /** How the report was closed, when `to` is `closed`. */
  readonly closedHow?: ClosedHow;
}

/** Payload of `report.reopened`: a resolved report went back to work (`resolved → in_progress`). */
export interface ReportReopenedEvent extends ReportEventBase {
  readonly role: Role;
  readonly departmentCode: string;
}

/** Payload of `report.assigned`: a report was assigned, or reassigned to another department. */
export interface ReportAssignedEvent extends ReportEventBase {
  readonly departmentCode: string;
  /** The department it was taken from, on a reassignment. */
  readonly previousDepartmentCode?: string;
  readonly role: Role;
}

/** Payload of `sla.at_risk`: a target has used up a configured share of its time. */
export interface SlaAtRiskEvent extends ReportEventBase {
  /** `response` runs until the report is assigned, `resolution` until it is resolved. */
  readonly target: 'response' | 'resolution';
  readonly departmentCode: string;
  /** When the target falls due, ISO 8601. */
  readonly dueAt: string;
  /** Share of the target's working time already used, between 0 and 1 (0.75 = 75%). */
  readonly elapsedShare: number;
}

/** Payload of `sla.breached`: a target's due time passed before it was met. */
export interface SlaBreachedEvent extends ReportEventBase {
  readonly target: 'response' | 'resolution';
  readonly departmentCode: string;
  readonly dueAt: string;
  /** When the breach happened (the due time), ISO 8601; `at` is when it was noticed. */
  readonly breachedAt: string;
}

/**
 * Payload of `closure_code.issued`. It never carries the code itself: the code is the
 * reporter's secret and is derived again where it is sent.
 */
export interface ClosureCodeIssuedEvent extends ReportEventBase {
  /** Id of the key the code was derived with. */
  readonly keyId: string;
  /** Issue counter: 1 for the first code, one more on each reopening. */
  readonly issue: number;
  /** When the code stops working, if it expires. */
  readonly expiresAt?: string;
}

/** Payload of `closure_code.confirmed`: a valid closure code was given. */
export interface ClosureCodeConfirmedEvent extends ReportEventBase {
  readonly issue: number;
  /** Who entered it: the `reporter` themselves, or a `field_officer` or `agent` they told it to. */
  readonly role: Role;
}

/** Payload of `closure_code.locked`: too many wrong attempts; the code no longer works. */
export interface ClosureCodeLockedEvent extends ReportEventBase {
  readonly issue: number;
  readonly failedAttempts: number;
}

/** Payload of `duplicate.linked`: a report was marked a duplicate of a master report. */
export interface DuplicateLinkedEvent extends ReportEventBase {
  readonly masterReportId: string;
  readonly masterNumber: string;
}

/** What `notification.sent` and `notification.dead` have in common. */
export interface NotificationEventBase extends ReportEventBase {
  /** The outbox row's id; also the idempotency key given to the provider. */
  readonly notificationId: string;
  readonly messageKind: MessageKind;
  /** Channel the reporter is notified on (`sms`, `whatsapp`...). */
  readonly channel: Channel;
  readonly language: Language;
}

/** Payload of `notification.sent`: a provider accepted a message to a reporter. */
export interface NotificationSentEvent extends NotificationEventBase {
  /** Which try succeeded, from 1. */
  readonly attempt: number;
  /** The provider's id of the message, for delivery receipts. */
  readonly providerMessageId?: string;
}

/** Payload of `notification.dead`: every try failed; the message will not be sent. */
export interface NotificationDeadEvent extends NotificationEventBase {
  readonly attempts: number;
  /** Code of the last failure, such as `PROVIDER_ERROR` or `TIMEOUT`. */
  readonly lastErrorCode?: string;
}

/**
 * Every event Balagh's long-lived objects (the intake service, the SLA monitor, the outbox
 * dispatcher) emit, with the one argument each listener receives. A new event is a new key.
 *
 * @example
 * ```ts
 * const emitter = createBalaghEmitter();
 * emitter.on('sla.breached', (event) => escalate(event.departmentCode, event.number));
 * ```
 */
export interface BalaghEventMap {
  'report.created': [event: ReportCreatedEvent];
  'report.status_changed': [event: ReportStatusChangedEvent];
  'report.reopened': [event: ReportReopenedEvent];
  'report.assigned': [event: ReportAssignedEvent];
  'sla.at_risk': [event: SlaAtRiskEvent];
  'sla.breached': [event: SlaBreachedEvent];
  'closure_code.issued': [event: ClosureCodeIssuedEvent];
  'closure_code.confirmed': [event: ClosureCodeConfirmedEvent];
  'closure_code.locked': [event: ClosureCodeLockedEvent];
  'duplicate.linked': [event: DuplicateLinkedEvent];
  'notification.sent': [event: NotificationSentEvent];
  'notification.dead': [event: NotificationDeadEvent];
}

/** The name of one of Balagh's events. */
export type BalaghEventName = keyof BalaghEventMap;

/** The payload of a given event. */
export type BalaghEventPayload<E extends BalaghEventName> = BalaghEventMap[E][0];

/** Every event name, for code that forwards them all (a webhook relay, a metrics counter). */
export const balaghEventNames = [
  'report.created',
  'report.status_changed',
  'report.reopened',
  'report.assigned',
  'sla.at_risk',
  'sla.breached',
  'closure_code.issued',
  'closure_code.confirmed',
  'closure_code.locked',
  'duplicate.linked',
  'notification.sent',
  'notification.dead',
] as const satisfies readonly BalaghEventName[];
