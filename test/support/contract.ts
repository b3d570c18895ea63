import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI documents are untyped trees
type Doc = Record<string, any>;

/** What the checker needs of a response: an inject() answer or a fetch() one read into this shape. */
export interface CheckedResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/**
 * Checks a response against the OpenAPI document the server publishes: the status must
 * be one the operation declares, and a JSON body must match that response's schema.
 * Returns what is wrong, or undefined when the response keeps the contract.
 */
export function contractViolations(document: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, 'openapi');

  // The fewest parameters first: a fixed path (`/api/v2/mail/unsubscribe`) wins over a
  // template it also matches (`/api/v2/mail/{id}`), as the router decides.
  const templates = Object.keys(document.paths)
    .map((template) => ({
      template,
      params: (template.match(/\{/g) ?? []).length,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
    .sort((a, b) => a.params - b.params);

  const resolve = (node: Doc): Doc => {
    if (!node.$ref) return node;
    const path = (node.$ref as string).replace(/^#\//, '').split('/');
    return resolve(path.reduce((at: Doc, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], document));
  };
  const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

  return function violationOf(method: string, url: string, res: CheckedResponse): string | undefined {
    const path = url.split('?')[0]!;
    const found = templates.find((t) => t.pattern.test(path));
    if (!found) return `no path in the contract matches ${path}`;
    const operation = document.paths[found.template][method.toLowerCase()];
    if (!operation) return `the contract has no ${method} ${found.template}`;
    const declared = operation.responses[String(res.statusCode)];
    if (!declared)
      return `${method} ${found.template} does not declare status ${res.statusCode}: ${res.body.slice(0, 300)}`;
    const response = resolve(declared);
    if (!response.content) {
      return res.body === ''
        ? undefined
        : `${method} ${path} → ${res.statusCode} has a body the contract does not declare`;
    }
    const contentType = String(res.headers['content-type'] ?? '').split(';')[0]!;
    if (!Object.keys(response.content).includes(contentType)) {
      return `${method} ${path} → ${res.statusCode} is ${contentType || 'untyped'}, not ${Object.keys(response.content).join(' or ')}`;
    }
    // Other media (an event stream) are checked by their own suites.
    if (!/[/+]json$/.test(contentType)) return undefined;
    const base = declared.$ref
      ? (declared.$ref as string).replace(/^#\//, '')
      : ['paths', escape(found.template), method.toLowerCase(), 'responses', String(res.statusCode)].join('/');
    const pointer = `${base}/content/${escape(contentType)}/schema`;
    const validate = ajv.getSchema(`openapi#/${pointer}`);
    if (!validate) return `no schema at ${pointer}`;
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      return `${method} ${path} → ${res.statusCode}: the body is not JSON`;
    }
    return validate(body) ? undefined : `${method} ${path} → ${res.statusCode}: ${ajv.errorsText(validate.errors)}`;
  };
}

/** The same check as an assertion, for suites that call operations one by one. */
export function contractChecker(document: Doc) {
  const violationOf = contractViolations(document);
  return function expectContract(method: string, url: string, res: CheckedResponse): void {
    expect(violationOf(method, url, res)).toBeUndefined();
  };
}
