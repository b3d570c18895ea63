/**
 * What a command says when it will not do what was asked. Commands decide in the
 * domain's words; the HTTP layer turns a refusal into its problem document and status
 * (http/error-handler.ts), so no command knows about status codes or problem types.
 */
export type RefusalKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'stale'
  /** What was sent is over a size the service sets. */
  | 'too-large'
  /** Well-formed, but its content cannot be used (a file that is not what it claims). */
  | 'unprocessable';

export interface RefusedField {
  field: string;
  reason: string;
}

export class Refusal extends Error {
  override name = 'Refusal';
  constructor(
    readonly kind: RefusalKind,
    /** Said to the client as it is: never a secret, never another account's data. */
    message: string | undefined,
    readonly fields?: RefusedField[],
  ) {
    super(message ?? kind);
    this.detail = message;
  }
  /** The message, or undefined where the HTTP layer's default wording fits. */
  readonly detail: string | undefined;
}

export const refuse = {
  invalid: (fields: RefusedField[], detail?: string) => new Refusal('invalid', detail, fields),
  unauthenticated: (detail?: string) => new Refusal('unauthenticated', detail),
  forbidden: (detail: string) => new Refusal('forbidden', detail),
  notFound: (detail: string) => new Refusal('not-found', detail),
  conflict: (detail: string, fields?: RefusedField[]) => new Refusal('conflict', detail, fields),
  /** The caller changed an older version than the current one (optimistic concurrency). */
  stale: (detail?: string) => new Refusal('stale', detail),
  tooLarge: (detail: string) => new Refusal('too-large', detail),
  unprocessable: (detail: string, fields?: RefusedField[]) => new Refusal('unprocessable', detail, fields),
};

/**
 * The versions a caller says it is changing: some versions, any (`'*'`), or not said
 * (undefined); none at all when the caller named only versions of something else. The
 * HTTP layer reads them from `If-Match`.
 */
export type ExpectedVersions = readonly number[] | '*' | undefined;

/** Refuses a change made against another version than the stream's current one. */
export function checkExpectedVersion(expected: ExpectedVersions, current: number): void {
  if (expected === undefined || expected === '*') return;
  if (expected.length === 0) throw refuse.stale('If-Match does not name a version of this resource.');
  if (!expected.includes(current)) throw refuse.stale();
}
