import type { CallOptions, Operation, Transport } from './create-transport.js';
import type { ResponseKind } from './response-validators.js';

// The shapes every operation of the client is made of, shared by the public operations and the
// staff ones so that an app needing only the first (the widget) bundles nothing of the second.

/** `/v1/reports`, the collection every report path starts with. */
export const reportsPath = '/v1/reports';

/** A read: repeatable, its parameters in the query. */
export function get<T>(
  send: Transport,
  path: string,
  response: ResponseKind | undefined,
  call?: CallOptions,
  parameters = {},
): Promise<T> {
  return send<T>(
    { method: 'GET', path, response, repeatable: true, searchParams: query(parameters) },
    call,
  );
}

/** A change with a JSON body, repeatable only when said so. */
export function post<T>(
  send: Transport,
  path: string,
  json: unknown,
  response: ResponseKind | undefined,
  call?: CallOptions,
  repeatable?: boolean,
): Promise<T> {
  return send<T>({ method: 'POST', path, json, response, repeatable }, call);
}

/** A creation made safe to repeat (by an `Idempotency-Key`, or by its nature). */
export function create<T>(
  send: Transport,
  operation: Omit<Operation, 'method'> & { method?: 'DELETE' },
  call?: CallOptions,
): Promise<T> {
  return send<T>({ method: 'POST', repeatable: true, ...operation }, call);
}

/** The path of one report, `/v1/reports/{idOrNumber}`, or of an action on it. */
export function reportPath(idOrNumber: string, action = ''): string {
  return `${reportsPath}/${encodeURIComponent(idOrNumber)}${action && `/${action}`}`;
}

// Repeated parameters for arrays (`?status=received&status=assigned`), ISO 8601 for dates.
function query(parameters: object): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    for (const item of [value].flat()) {
      if (item !== undefined)
        search.append(name, item instanceof Date ? item.toISOString() : String(item));
    }
  }
  return search;
}
