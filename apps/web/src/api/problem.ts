import type { Problem } from '@starling/sdk';

export type { Problem };

/** A request the API answered with an error status (its body is problem+json when it says more). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  /** Seconds to wait, from Retry-After, when the API is rate limiting. */
  readonly retryAfter: number | undefined;

  constructor(status: number, problem: Problem | undefined, retryAfter?: number) {
    super(problem?.detail || problem?.title || `The request failed with status ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as { status?: unknown }).status === 'number';
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** An error status and its body (problem+json when the API says more), from fetch or XMLHttpRequest. */
export function problemError(status: number, body: unknown, retryAfter: string | null): ApiError {
  return new ApiError(status, isProblem(body) ? body : undefined, retryAfterSeconds(retryAfter));
}

export function apiError(response: Response, body: unknown): ApiError {
  return problemError(response.status, body, response.headers.get('retry-after'));
}

/** Turns a validator's wording into something a person filling a form understands. */
function friendlyReason(reason: string): string {
  if (/^must NOT have fewer than 1 characters?$/.test(reason)) return 'is required';
  const fewer = /^must NOT have fewer than (\d+) characters?$/.exec(reason);
  if (fewer) return `must be at least ${fewer[1]} characters`;
  const more = /^must NOT have more than (\d+) characters?$/.exec(reason);
  if (more) return `must be at most ${more[1]} characters`;
  if (/^must match format "email"$/.test(reason)) return 'is not a valid email address';
  if (/^must match pattern/.test(reason)) return 'is not in the expected format';
  return reason;
}

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface ProblemSummary<F extends string> {
  /** Errors about the form's own fields, as sentences, keyed by the API's field name. */
  fieldErrors: FieldErrors<F>;
  /** What went wrong that is not about one of the fields; undefined when the fields say it all. */
  message: string | undefined;
}

export const NETWORK_MESSAGE = "Couldn't reach Starling. Check your connection and try again.";
export const SERVER_MESSAGE = 'Something went wrong on our side. Please try again.';

/** A one-line explanation of any failure, for places that have no fields to point at. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.status >= 500 ? SERVER_MESSAGE : error.message;
  return NETWORK_MESSAGE;
}

/**
 * Splits a failure into messages for the form's fields (`labels` maps each API field
 * name to the label the person sees) and a message for everything else.
 */
export function describeProblem<F extends string>(error: unknown, labels: Record<F, string>): ProblemSummary<F> {
  const fieldErrors: FieldErrors<F> = {};
  const other: string[] = [];
  const problem = error instanceof ApiError ? error.problem : undefined;
  for (const { field, reason } of problem?.errors ?? []) {
    if (Object.hasOwn(labels, field)) {
      const key = field as F;
      fieldErrors[key] ??= `${labels[key]} ${friendlyReason(reason)}`;
    } else {
      other.push(`${field} ${friendlyReason(reason)}`);
    }
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  let message: string | undefined;
  if (other.length > 0) message = other.join('. ');
  else if (!hasFieldErrors) message = errorMessage(error);
  return { fieldErrors, message };
}
