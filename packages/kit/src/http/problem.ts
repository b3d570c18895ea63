/**
 * RFC 9457 problem details. Every error Starling answers with is one of these:
 * a stable `type` per kind of failure, never an HTML page or a stack trace.
 */
export interface FieldError {
  /** The invalid field, as a dotted path inside its location (`username`, `query.limit`). */
  field: string;
  reason: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}

export class HttpProblem extends Error {
  readonly headers: Record<string, string>;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
    this.headers = headers;
  }

  body(instance?: string): ProblemBody {
    return {
      type: problemType(this.code),
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const problemType = (code: string) => `urn:starling:problem:${code}`;

export const problems = {
  validation: (errors: FieldError[], detail = 'The request is not valid.') =>
    new HttpProblem(400, 'validation-error', 'Invalid request', detail, errors),
  badRequest: (detail: string) => new HttpProblem(400, 'bad-request', 'Bad request', detail),
  malformedJson: (detail: string) => new HttpProblem(400, 'malformed-json', 'Malformed JSON', detail),
  unauthorized: (detail = 'Authentication is required.') =>
    new HttpProblem(401, 'unauthorized', 'Unauthorized', detail, undefined, {
      'www-authenticate': 'Bearer realm="starling"',
    }),
  forbidden: (detail: string) => new HttpProblem(403, 'forbidden', 'Forbidden', detail),
  notFound: (detail: string) => new HttpProblem(404, 'not-found', 'Not found', detail),
  conflict: (detail: string, errors?: FieldError[]) => new HttpProblem(409, 'conflict', 'Conflict', detail, errors),
  preconditionFailed: (detail = 'The resource has changed since you last read it.') =>
    new HttpProblem(412, 'precondition-failed', 'Precondition failed', detail),
  payloadTooLarge: (detail: string) => new HttpProblem(413, 'payload-too-large', 'Payload too large', detail),
  uriTooLong: (detail: string) => new HttpProblem(414, 'uri-too-long', 'URI too long', detail),
  unsupportedMediaType: (detail: string) =>
    new HttpProblem(415, 'unsupported-media-type', 'Unsupported media type', detail),
  unprocessable: (detail: string, errors?: FieldError[]) =>
    new HttpProblem(422, 'unprocessable', 'Unprocessable content', detail, errors),
  tooManyRequests: (retryAfterSeconds: number, detail = 'Too many attempts. Try again later.') =>
    new HttpProblem(429, 'too-many-requests', 'Too many requests', detail, undefined, {
      'retry-after': String(retryAfterSeconds),
    }),
  unavailable: (detail: string) => new HttpProblem(503, 'unavailable', 'Service unavailable', detail),
  internal: () => new HttpProblem(500, 'internal', 'Internal server error', 'Something went wrong on our side.'),
};
