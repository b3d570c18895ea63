import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/**
 * Checks a response against the OpenAPI document the server publishes: the status must
 * be one the operation declares, and a JSON body must match that response's schema.
 */
export function contractChecker(document: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, 'openapi');

  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));

  const resolve = (node: Doc): Doc => {
    if (!node.$ref) return node;
    const path = (node.$ref as string).replace(/^#\//, '').split('/');
    return resolve(path.reduce((at: Doc, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], document));
  };

  return function expectContract(method: string, url: string, res: LightMyRequestResponse): void {
    const path = url.split('?')[0]!;
    const found = templates.find((t) => t.pattern.test(path));
    expect(found, `no path in the contract matches ${path}`).toBeDefined();
    const operation = document.paths[found!.template][method.toLowerCase()];
    expect(operation, `the contract has no ${method} ${found!.template}`).toBeDefined();
    const declared = operation.responses[String(res.statusCode)];
    expect(declared, `${method} ${found!.template} does not declare status ${res.statusCode}`).toBeDefined();
    const response = resolve(declared);
    if (!response.content) {
      expect(res.body).toBe('');
      return;
    }
    const contentType = String(res.headers['content-type'] ?? '').split(';')[0]!;
    expect(Object.keys(response.content)).toContain(contentType);
    const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
    const base = declared.$ref
      ? (declared.$ref as string).replace(/^#\//, '')
      : ['paths', escape(found!.template), method.toLowerCase(), 'responses', String(res.statusCode)].join('/');
    const pointer = `${base}/content/${escape(contentType)}/schema`;
    const validate = ajv.getSchema(`openapi#/${pointer}`);
    expect(validate, `no schema at ${pointer}`).toBeDefined();
    const ok = validate!(res.json());
    expect(ok, `${method} ${path} → ${res.statusCode}: ${ajv.errorsText(validate!.errors)}`).toBe(true);
  };
}
