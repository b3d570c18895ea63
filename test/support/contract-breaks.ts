// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI documents are untyped trees
type Doc = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * The changes from `before` to `after` that can break a client written against
 * `before`: an operation or success status gone, a response field gone, no longer
 * always present or of another type; a request that was valid and no longer is (a new
 * required parameter or field, a field no longer accepted, a narrower type, a tighter
 * bound, an enum value gone). Each is one line naming where it is.
 */
export function breakingChanges(before: Doc, after: Doc): string[] {
  const breaks: string[] = [];
  const resolveIn = (doc: Doc) =>
    function resolve(node: Doc | undefined): Doc {
      if (!node?.$ref) return node ?? {};
      const path = (node.$ref as string).replace(/^#\//, '').split('/');
      return resolve(path.reduce((at: Doc, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc));
    };
  const old = resolveIn(before);
  const now = resolveIn(after);

  for (const [path, oldItem] of Object.entries<Doc>(before.paths ?? {})) {
    const newItem = after.paths?.[path];
    for (const method of METHODS.filter((m) => oldItem[m])) {
      const where = `${method.toUpperCase()} ${path}`;
      const was = oldItem[method] as Doc;
      const is = newItem?.[method] as Doc | undefined;
      if (!is) {
        breaks.push(`${where}: the operation was removed`);
        continue;
      }
      compareParameters(
        where,
        [...(oldItem.parameters ?? []), ...(was.parameters ?? [])].map(old),
        [...(newItem.parameters ?? []), ...(is.parameters ?? [])].map(now),
      );
      const oldBody = old(was.requestBody).content?.['application/json']?.schema;
      const newBody = now(is.requestBody).content?.['application/json']?.schema;
      if (newBody && !oldBody && now(is.requestBody).required) breaks.push(`${where}: a request body is now required`);
      if (oldBody && newBody) compareRequest(`${where} request body`, oldBody, newBody, new Set());
      for (const [status, oldResponse] of Object.entries<Doc>(was.responses ?? {})) {
        const newResponse = is.responses?.[status];
        if (!newResponse) {
          if (/^[23]/.test(status)) breaks.push(`${where}: response ${status} was removed`);
          continue;
        }
        for (const [type, media] of Object.entries<Doc>(old(oldResponse).content ?? {})) {
          const newMedia = now(newResponse).content?.[type];
          if (!newMedia) breaks.push(`${where} ${status}: ${type} is no longer answered`);
          else compareResponse(`${where} ${status}`, media.schema, newMedia.schema, new Set());
        }
      }
    }
  }
  return breaks;

  function compareParameters(where: string, was: Doc[], is: Doc[]) {
    const key = (p: Doc) => `${p.in}:${p.name}`;
    for (const p of is) {
      const before = was.find((o) => key(o) === key(p));
      if (p.required && !before?.required) breaks.push(`${where}: parameter ${p.name} (${p.in}) is now required`);
      if (before?.schema && p.schema)
        compareRequest(`${where} parameter ${p.name}`, before.schema, p.schema, new Set());
    }
  }

  /** A value the old schema accepted must still be accepted. */
  function compareRequest(where: string, wasRef: Doc, isRef: Doc, seen: Set<Doc>) {
    const was = old(wasRef);
    const is = now(isRef);
    if (seen.has(was)) return;
    seen.add(was);
    const narrowed = types(was).filter(
      (t) => !types(is).includes(t) && !(t === 'integer' && types(is).includes('number')),
    );
    if (types(is).length && narrowed.length) breaks.push(`${where}: no longer accepts ${narrowed.join(', ')}`);
    for (const [bound, tighter] of [
      ['maxLength', (a: number, b: number) => b < a],
      ['maximum', (a: number, b: number) => b < a],
      ['maxItems', (a: number, b: number) => b < a],
      ['minLength', (a: number, b: number) => b > a],
      ['minimum', (a: number, b: number) => b > a],
      ['minItems', (a: number, b: number) => b > a],
    ] as const) {
      if (is[bound] !== undefined && (was[bound] === undefined || tighter(was[bound], is[bound])))
        breaks.push(`${where}: ${bound} is now ${is[bound]} (was ${was[bound] ?? 'unbounded'})`);
    }
    if (is.pattern && is.pattern !== was.pattern) breaks.push(`${where}: the pattern changed to ${is.pattern}`);
    if (is.enum) {
      const gone = (was.enum ?? []).filter((v: unknown) => !is.enum.includes(v));
      if (!was.enum || gone.length)
        breaks.push(`${where}: no longer accepts ${was.enum ? gone.join(', ') : 'any value'}`);
    }
    const wasRequired = new Set<string>(was.required ?? []);
    for (const field of is.required ?? []) {
      if (!wasRequired.has(field)) breaks.push(`${where}: field ${field} is now required`);
    }
    for (const [name, property] of Object.entries<Doc>(was.properties ?? {})) {
      const next = is.properties?.[name];
      if (!next) {
        if (is.additionalProperties === false) breaks.push(`${where}: field ${name} is no longer accepted`);
      } else compareRequest(`${where}.${name}`, property, next, seen);
    }
    if (was.items && is.items) compareRequest(`${where}[]`, was.items, is.items, seen);
  }

  /** A value the new schema allows must be one a client of the old schema can read. */
  function compareResponse(where: string, wasRef: Doc, isRef: Doc, seen: Set<Doc>) {
    const was = old(wasRef);
    const is = now(isRef);
    if (seen.has(was)) return;
    seen.add(was);
    const widened = types(is).filter(
      (t) => !types(was).includes(t) && !(t === 'integer' && types(was).includes('number')),
    );
    if (types(was).length && widened.length) breaks.push(`${where}: may now be ${widened.join(', ')}`);
    const stillRequired = new Set<string>(is.required ?? []);
    for (const field of was.required ?? []) {
      if (!stillRequired.has(field)) breaks.push(`${where}: field ${field} is no longer always present`);
    }
    for (const [name, property] of Object.entries<Doc>(was.properties ?? {})) {
      const next = is.properties?.[name];
      if (!next) breaks.push(`${where}: field ${name} was removed`);
      else compareResponse(`${where}.${name}`, property, next, seen);
    }
    if (was.items && is.items) compareResponse(`${where}[]`, was.items, is.items, seen);
  }
}

const types = (schema: Doc): string[] =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
