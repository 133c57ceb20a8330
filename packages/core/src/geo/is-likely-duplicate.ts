import { ValidationError } from '../errors/validation-error.js';
import { type Instant, parseInstant } from '../lifecycle/parse-instant.js';
import { isTerminalStatus, type Status } from '../schemas/status.js';
import { haversineMeters } from './haversine-meters.js';

/** What {@link isLikelyDuplicate} compares; a full `Report` fits. */
export interface DuplicateCandidate {
  readonly id?: string | undefined;
  readonly categoryCode: string;
  readonly location?:
    | { readonly lat?: number | undefined; readonly lng?: number | undefined }
    | undefined;
  readonly createdAt: Instant;
  readonly status?: Status | undefined;
}

/** Options of {@link isLikelyDuplicate}. */
export interface DuplicateOptions {
  /** How close two reports must be, in metres; default 150. */
  readonly radiusMeters?: number;
  /** How close in time they must have been created, in milliseconds; default 72 hours. */
  readonly windowMs?: number;
}

/** Default radius within which two reports of one category are likely the same problem. */
export const defaultDuplicateRadiusMeters = 150;

/** Default time window within which two reports of one category are likely the same problem. */
export const defaultDuplicateWindowMs = 72 * 60 * 60 * 1000;

/**
 * Tells whether two reports are likely about the same problem, to suggest linking them: same
 * category, both with coordinates, at most `radiusMeters` apart and created at most `windowMs`
 * apart. It is a suggestion for staff, never an automatic decision.
 *
 * A report is never a duplicate of itself (same id), and a report that is closed, rejected or
 * itself a duplicate is no candidate: a problem back after a confirmed closure is a new report,
 * and a duplicate should be linked to its master instead.
 *
 * @throws {@link ValidationError} for a `createdAt` that is not an instant or a negative option.
 * @example
 * ```ts
 * const box = duplicateSearchBox(report.location, defaultDuplicateRadiusMeters);
 * const nearby = await findOpenReports(report.categoryCode, box); // an indexed range query
 * const suggestions = nearby.filter((other) => isLikelyDuplicate(report, other));
 * ```
 */
export function isLikelyDuplicate(
  a: DuplicateCandidate,
  b: DuplicateCandidate,
  options: DuplicateOptions = {},
): boolean {
  const radiusMeters = options.radiusMeters ?? defaultDuplicateRadiusMeters;
  const windowMs = options.windowMs ?? defaultDuplicateWindowMs;
  const createdA = parseInstant(a.createdAt);
  const createdB = parseInstant(b.createdAt);
  const issues = [];
  if (createdA === undefined) issues.push(instantIssue('a.createdAt'));
  if (createdB === undefined) issues.push(instantIssue('b.createdAt'));
  if (!(radiusMeters >= 0)) issues.push(negativeIssue('radiusMeters'));
  if (!(windowMs >= 0)) issues.push(negativeIssue('windowMs'));
  if (issues.length > 0 || createdA === undefined || createdB === undefined) {
    throw new ValidationError(
      `Invalid duplicate comparison: ${issues[0]?.path} ${issues[0]?.message}.`,
      issues,
    );
  }

  if (a.id !== undefined && a.id === b.id) return false;
  if (a.categoryCode !== b.categoryCode) return false;
  if (isClosedForLinking(a.status) || isClosedForLinking(b.status)) return false;
  if (Math.abs(createdA - createdB) > windowMs) return false;
  const pointA = coordinates(a);
  const pointB = coordinates(b);
  if (pointA === undefined || pointB === undefined) return false;
  return haversineMeters(pointA, pointB) <= radiusMeters;
}

function isClosedForLinking(status: Status | undefined): boolean {
  return status !== undefined && isTerminalStatus(status);
}

function coordinates(report: DuplicateCandidate): { lat: number; lng: number } | undefined {
  const lat = report.location?.lat;
  const lng = report.location?.lng;
  if (typeof lat !== 'number' || typeof lng !== 'number') return undefined;
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
  return { lat, lng };
}

function instantIssue(path: string) {
  return {
    path,
    code: 'invalid_type',
    message: 'must be a valid date, epoch milliseconds or ISO 8601 string',
  };
}

function negativeIssue(path: string) {
  return { path, code: 'too_small', message: 'must be a number ≥ 0' };
}
