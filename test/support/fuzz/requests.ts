import fc from 'fast-check';
import { anyJson, anyString, invalidValue, resolver, validValue, type Schema } from './schema-values.js';

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** Real values for path parameters (ids that exist), so requests reach past "not found". */
export type PathValues = (template: string, name: string) => string[];

export interface Operation {
  method: string;
  template: string;
  operationId: string;
  operation: Schema;
  parameters: Schema[];
}

/** Every operation of the document, with path-level and operation-level parameters resolved. */
export function operationsOf(document: Schema): Operation[] {
  const resolve = resolver(document);
  return Object.entries(document.paths as Record<string, Schema>).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method, op]) => method !== 'parameters' && op?.operationId)
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        operationId: op.operationId as string,
        operation: op as Schema,
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve),
      })),
  );
}

/** Percent-encodes every byte but the unreserved ones (a lone surrogate becomes U+FFFD's bytes). */
const encode = (value: string) =>
  [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');

/**
 * Raw path segments no encoder makes: a NUL, bytes that are not UTF-8, a broken escape, a
 * long one. (Not `..`: a client resolves it before sending, so it names another path.)
 */
const rawSegments = fc.constantFrom('a%00b', 'a%ED%A0%80b', '%E0%A4%A', '%zz', 'x'.repeat(300), '%2F');

/** Requests for one operation: valid and invalid parameters and bodies, with and without a token. */
export function requestsFor(
  op: Operation,
  document: Schema,
  realValues: PathValues,
  tokens: { valid: () => string },
): fc.Arbitrary<FuzzRequest> {
  const resolve = resolver(document);
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');

  const segment = (name: string) => {
    const real = realValues(op.template, name);
    return fc.oneof(
      ...(real.length ? [{ weight: 4, arbitrary: fc.constantFrom(...real).map(encode) }] : []),
      { weight: 2, arbitrary: anyString.filter((s) => s.length > 0).map(encode) },
      { weight: 1, arbitrary: rawSegments },
    );
  };
  const path = fc
    .tuple(...pathParams.map((p) => segment(p.name as string)))
    .map((values) => pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i]!), op.template));

  const queryValue = (p: Schema) =>
    fc.oneof(
      { weight: 3, arbitrary: validValue(p.schema ?? {}, resolve) },
      { weight: 2, arbitrary: invalidValue(p.schema ?? {}, resolve) },
    );
  const query = fc
    .tuple(
      ...queryParams.map((p) => fc.option(queryValue(p), { freq: 3 })),
      fc.option(fc.tuple(fc.constantFrom('unknown', 'zz', '__proto__'), anyString), { freq: 4 }),
    )
    .map((values) => {
      const pairs: Array<[string, unknown]> = queryParams.map((p, i) => [p.name as string, values[i]]);
      const extra = values[queryParams.length] as [string, string] | null;
      if (extra) pairs.push(extra);
      const parts = pairs
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : JSON.stringify(v))}`);
      return parts.length ? `?${parts.join('&')}` : '';
    });

  const auth = fc.constantFrom('none', 'valid', 'garbage', 'garbage-cookie');
  const conditional = fc.option(
    fc.tuple(
      fc.constantFrom('if-match', 'if-none-match'),
      fc.oneof(fc.constantFrom('*', '"1"', 'W/"x"', '"1-abc"'), anyString),
    ),
    { freq: 4 },
  );

  const bodySchema = op.operation.requestBody?.content?.['application/json']?.schema as Schema | undefined;
  const upload = op.operation.requestBody?.content?.['multipart/form-data'] !== undefined;
  const body: fc.Arbitrary<{ payload?: string | Buffer; contentType?: string }> = upload
    ? fc.oneof(
        { weight: 4, arbitrary: multipartBody },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            {},
            { payload: '', contentType: 'multipart/form-data; boundary=x' },
            { payload: '--x\r\nnot a part\r\n', contentType: 'multipart/form-data; boundary=x' },
            { payload: 'file=1', contentType: 'multipart/form-data' },
            { payload: '{"file":"x"}', contentType: 'application/json' },
          ),
        },
      )
    : bodySchema
      ? fc.oneof(
          { weight: 4, arbitrary: validValue(bodySchema, resolve).map((v) => json(v)) },
          { weight: 4, arbitrary: mutatedBody(bodySchema, resolve).map((v) => json(v)) },
          { weight: 1, arbitrary: anyJson.map((v) => json(v)) },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              {},
              { payload: '', contentType: 'application/json' },
              { payload: '{"a":', contentType: 'application/json' },
              { payload: 'not json', contentType: 'application/json' },
              { payload: 'username=ada', contentType: 'application/x-www-form-urlencoded' },
              { payload: 'hello', contentType: 'text/plain' },
            ),
          },
        )
      : fc.oneof({ weight: 5, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: anyJson.map((v) => json(v)) });

  return fc.record({ path, query, auth, conditional, body }).map(({ path, query, auth, conditional, body }) => {
    const headers: Record<string, string> = {};
    if (auth === 'valid') headers.authorization = `Bearer ${tokens.valid()}`;
    if (auth === 'garbage') headers.authorization = 'Bearer not.a.token';
    if (auth === 'garbage-cookie') headers.cookie = 'starling_session=not.a.token';
    if (conditional) headers[conditional[0]] = conditional[1].replace(/[^\x20-\x7e]/g, '');
    if (body.contentType) headers['content-type'] = body.contentType;
    return {
      method: op.method,
      url: path + query,
      headers,
      ...(body.payload !== undefined ? { payload: body.payload } : {}),
    };
  });
}

const json = (value: unknown) => ({ payload: JSON.stringify(value), contentType: 'application/json' });

/**
 * A multipart form as a browser would send one, of random parts: a `file` of random
 * bytes or a picture's first bytes with any name and type, a `description` of any
 * length, unknown fields, a part twice.
 */
const multipartBody = fc
  .array(
    fc.oneof(
      fc.record({
        name: fc.constantFrom('file', 'file', 'image', 'description'),
        filename: fc.constantFrom('a.png', 'b.jpg', 'c', 'd.gif', '../../etc/passwd', 'e\u0000.png'),
        type: fc.constantFrom('image/png', 'image/jpeg', 'application/octet-stream', 'text/plain', ''),
        bytes: fc.oneof(
          fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
          fc.constantFrom(
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
            Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]),
            Buffer.from('GIF89a'),
          ),
        ),
      }),
      fc.record({ name: fc.constantFrom('description', 'other'), value: fc.string({ maxLength: 1600 }) }),
    ),
    { maxLength: 3 },
  )
  .map((parts) => {
    const boundary = 'fuzzboundary';
    const chunks = parts.map((p) =>
      'bytes' in p
        ? Buffer.concat([
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\n` +
                (p.type ? `Content-Type: ${p.type}\r\n` : '') +
                '\r\n',
            ),
            p.bytes,
            Buffer.from('\r\n'),
          ])
        : Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`),
    );
    return {
      payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
      contentType: `multipart/form-data; boundary=${boundary}`,
    };
  });

/** A valid body with one thing wrong: a field missing, of the wrong type, too long, or one too many. */
function mutatedBody(schema: Schema, resolve: (s: Schema) => Schema): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const properties = Object.entries((s.properties ?? {}) as Record<string, Schema>);
  return fc
    .tuple(
      validValue(s, resolve),
      fc.constantFrom(...(properties.length ? properties : [['x', {}] as [string, Schema]])),
      fc.constantFrom('missing', 'wrong', 'unknown'),
    )
    .chain(([valid, [name, property], how]) => {
      const base = { ...(valid as Record<string, unknown>) };
      if (how === 'missing') {
        delete base[name];
        return fc.constant(base);
      }
      if (how === 'unknown') return anyJson.map((v) => ({ ...base, not_in_the_contract: v }));
      return invalidValue(property, resolve).map((v) => ({ ...base, [name]: v }));
    });
}
