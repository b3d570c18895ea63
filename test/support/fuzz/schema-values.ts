import fc from 'fast-check';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON Schema documents are untyped trees
export type Schema = Record<string, any>;

/** Follows `$ref`s (`#/components/…`) inside the OpenAPI document. */
export function resolver(document: Schema) {
  return function resolve(node: Schema): Schema {
    if (!node?.$ref) return node;
    const path = (node.$ref as string).replace(/^#\//, '').split('/');
    return resolve(path.reduce((at: Schema, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], document));
  };
}

/** Strings as clients send them: plain, unicode, empty, and some that break naive servers. */
const awkwardStrings = fc.constantFrom(
  '',
  ' ',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\u200b',
  '%00',
  '../../etc/passwd',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '🐦'.repeat(70),
  'x'.repeat(5000),
);

export const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: awkwardStrings },
);

/** Any JSON value, of the wrong type for most fields. */
export const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  anyString,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Values that satisfy `schema` (within the subset of JSON Schema the contracts use). */
export function validValue(schema: Schema, resolve: (s: Schema) => Schema): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.oneOf || s.anyOf) return fc.oneof(...(s.oneOf ?? s.anyOf).map((o: Schema) => validValue(o, resolve)));
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'string': {
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => fits(v, s));
      if (s.format === 'email') return fc.emailAddress().filter((v) => fits(v, s));
      const min = s.minLength ?? 0;
      return fc.string({ minLength: min, maxLength: Math.min(s.maxLength ?? 40, min + 40) });
    }
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(s.items ?? {}, resolve), { minLength: s.minItems ?? 0, maxLength: s.maxItems ?? 3 });
    case 'object': {
      const properties = Object.entries((s.properties ?? {}) as Record<string, Schema>);
      const required = new Set<string>(s.required ?? []);
      const record = Object.fromEntries(properties.map(([name, p]) => [name, validValue(p, resolve)]));
      return fc.record(record, { requiredKeys: properties.map(([n]) => n).filter((n) => required.has(n)) });
    }
    default:
      return anyJson;
  }
}

const fits = (v: string, s: Schema) =>
  [...v].length >= (s.minLength ?? 0) && [...v].length <= (s.maxLength ?? Number.MAX_SAFE_INTEGER);

/** Values that break `schema`: the wrong type, out of range, too long, or off its pattern. */
export function invalidValue(schema: Schema, resolve: (s: Schema) => Schema): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const wrong: fc.Arbitrary<unknown>[] = [anyJson, anyString];
  if (s.maxLength !== undefined) wrong.push(fc.constant('x'.repeat(s.maxLength + 1)));
  if (s.minLength) wrong.push(fc.constant(''));
  if (s.maximum !== undefined) wrong.push(fc.integer({ min: s.maximum + 1, max: s.maximum + 10_000 }));
  if (s.minimum !== undefined) wrong.push(fc.integer({ min: s.minimum - 10_000, max: s.minimum - 1 }));
  if (s.type === 'integer') wrong.push(fc.constant(1.5), fc.constant('12'));
  return fc.oneof(...wrong);
}
