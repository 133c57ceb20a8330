import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { Actor, ActorReportService, ApiKeyRole } from '../service/report-service.js';
import type { HttpEnv } from './http-env.js';

/** An HTTP method a route answers. */
export type RouteMethod = 'get' | 'post' | 'delete';

/** A zod schema with the name it has in the OpenAPI document's `components.schemas`. */
export interface NamedSchema<S extends z.ZodMiniType = z.ZodMiniType> {
  readonly name: string;
  readonly schema: S;
}

/** Gives a schema its name in the OpenAPI document. */
export function named<S extends z.ZodMiniType>(name: string, schema: S): NamedSchema<S> {
  return { name, schema };
}

/** A route's body: JSON parsed with a schema, or raw bytes of given media types. */
export type RouteBody =
  | { readonly kind: 'json'; readonly schema: NamedSchema; readonly description: string }
  | {
      readonly kind: 'bytes';
      readonly contentTypes: readonly string[];
      readonly maxBytes: number;
      readonly description: string;
    };

/** One documented answer of a route. */
export interface RouteResponse {
  readonly description: string;
  /** The body's schema; none for an empty body (204) or a non-JSON one. */
  readonly schema?: NamedSchema;
  /** The body's media type when it is not JSON (`text/plain` for metrics). */
  readonly contentType?: string;
  /** Headers of the answer, named in lower case. */
  readonly headers?: Readonly<
    Record<string, { readonly description: string; readonly schema: z.ZodMiniType }>
  >;
}

/** Who may call a route: nobody needs a key (`none`), any valid key (`any`), or these roles. */
export type RouteAccess = 'none' | 'any' | readonly ApiKeyRole[];

type AnyObjectSchema = z.ZodMiniObject;

type DeepReadonly<T> = T extends (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
    : T;

type Responses = Readonly<Record<number, RouteResponse>>;

/** What a route handler answers: one of its declared responses, or a ready `Response`. */
export type RouteReply<R extends Responses> =
  | {
      [Status in keyof R & number]: R[Status] extends { readonly schema: NamedSchema<infer S> }
        ? R[Status] extends { readonly contentType: string }
          ? never
          : {
              readonly status: Status;
              readonly body: DeepReadonly<z.output<S>>;
              readonly headers?: Readonly<Record<string, string>>;
            }
        : {
            readonly status: Status;
            readonly body?: undefined;
            readonly headers?: Readonly<Record<string, string>>;
          };
    }[keyof R & number]
  | Response;

type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;
type BodyOf<B> = B extends { readonly kind: 'json'; readonly schema: NamedSchema<infer S> }
  ? z.output<S>
  : B extends { readonly kind: 'bytes' }
    ? { readonly bytes: Uint8Array; readonly contentType: string }
    : undefined;

/** What a route handler receives: the caller, its view of the service, and the parsed request. */
export interface RouteInput<Params, Query, Headers, Body> {
  readonly context: Context<HttpEnv>;
  /** The caller; `undefined` only on routes whose access is `none`. */
  readonly actor: Actor | undefined;
  /** The service as the caller sees it; `undefined` only on routes whose access is `none`. */
  readonly service: ActorReportService | undefined;
  readonly params: Params;
  readonly query: Query;
  readonly headers: Headers;
  readonly body: Body;
}

/**
 * Everything about one route, declared once: the registrar validates requests with these
 * schemas and the OpenAPI document is generated from the same ones.
 */
export interface RouteSpec<
  P extends AnyObjectSchema | undefined = AnyObjectSchema | undefined,
  Q extends AnyObjectSchema | undefined = AnyObjectSchema | undefined,
  H extends AnyObjectSchema | undefined = AnyObjectSchema | undefined,
  B extends RouteBody | undefined = RouteBody | undefined,
  R extends Responses = Responses,
> {
  readonly method: RouteMethod;
  /** OpenAPI-style path: `/v1/reports/{ref}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly access: RouteAccess;
  /** Rate-limit this route for `integration` keys (public report creation). */
  readonly rateLimited?: boolean;
  readonly params?: P;
  readonly query?: Q;
  /** Query parameters that repeat (`?status=a&status=b`) and accept comma-separated values. */
  readonly queryArrays?: readonly string[];
  /** Request headers read, named in lower case. */
  readonly headers?: H;
  readonly body?: B;
  readonly responses: R;
  /** Statuses answered with a problem+json body besides those every route may answer. */
  readonly problems: readonly number[];
  readonly handle: (
    input: RouteInput<Parsed<P>, Parsed<Q>, Parsed<H>, BodyOf<B>>,
  ) => Promise<RouteReply<R>>;
}

/** What any route handler answers, its types erased. */
export type AnyRouteReply =
  | {
      readonly status: number;
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | Response;

/**
 * Builds a handler's answer with its status kept as a literal, so it is checked against the
 * route's declared responses.
 *
 * @example
 * ```ts
 * return reply(201, receipt, { location: `/v1/reports/${receipt.number}` });
 * ```
 */
export function reply<const Status extends number, Body = undefined>(
  status: Status,
  body?: Body,
  headers?: Readonly<Record<string, string>>,
): {
  readonly status: Status;
  readonly body: Body;
  readonly headers?: Readonly<Record<string, string>>;
} {
  return headers === undefined
    ? { status, body: body as Body }
    : { status, body: body as Body, headers };
}

/** A route with its types erased, as the registry holds it. */
export type AnyRouteSpec = RouteSpec<
  AnyObjectSchema | undefined,
  AnyObjectSchema | undefined,
  AnyObjectSchema | undefined,
  RouteBody | undefined,
  Responses
>;

/**
 * Declares a route with its types inferred from its schemas, so the handler's input and its
 * answers are checked against what the OpenAPI document says.
 *
 * @example
 * ```ts
 * const health = defineRoute({
 *   method: 'get', path: '/healthz', operationId: 'health', summary: 'Health', tags: ['operations'],
 *   access: 'none', problems: [503],
 *   responses: { 200: { description: 'Up', schema: named('Health', healthSchema) } },
 *   handle: async () => ({ status: 200, body: { status: 'ok', database: 'ok' } }),
 * });
 * ```
 */
export function defineRoute<
  P extends AnyObjectSchema | undefined = undefined,
  Q extends AnyObjectSchema | undefined = undefined,
  H extends AnyObjectSchema | undefined = undefined,
  B extends RouteBody | undefined = undefined,
  const R extends Responses = Responses,
>(spec: RouteSpec<P, Q, H, B, R>): AnyRouteSpec {
  return spec as unknown as AnyRouteSpec;
}
