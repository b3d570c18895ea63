import { appendFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadContract, writeBundledContract } from '@starling/contracts/bundle';
import { describe, expect, it } from 'vitest';

/** A package `svc` beside a package `shared` in node_modules, as a workspace is laid out. */
function workspace(svcManifest: object, contract: string) {
  const root = mkdtempSync(join(tmpdir(), 'starling-contracts-'));
  const shared = join(root, 'node_modules', 'shared');
  mkdirSync(join(shared, 'openapi'), { recursive: true });
  writeFileSync(join(shared, 'package.json'), JSON.stringify({ name: 'shared', exports: { './*': './*' } }));
  writeFileSync(
    join(shared, 'openapi', 'common.yaml'),
    `components:
  responses:
    Problem: { description: An error, content: { application/json: { schema: { $ref: '#/components/schemas/Problem' } } } }
  schemas:
    Problem: { type: object, properties: { detail: { $ref: '#/components/schemas/Detail' } } }
    Detail: { type: string }
`,
  );
  mkdirSync(join(root, 'svc'));
  writeFileSync(join(root, 'svc', 'package.json'), JSON.stringify(svcManifest));
  writeFileSync(join(root, 'svc', 'openapi.yaml'), contract);
  return join(root, 'svc', 'openapi.yaml');
}

const importsProblem = `paths:
  /x: { get: { responses: { '400': { $ref: '#/components/responses/Problem' } } } }
components:
  responses:
    Problem: { $ref: 'npm:shared/openapi/common.yaml#/components/responses/Problem' }
  schemas:
    Problem: { $ref: 'npm:shared/openapi/common.yaml#/components/schemas/Problem' }
`;

describe('loadContract', () => {
  it('puts imported components in place and brings in what they refer to, with local refs', () => {
    const contract = loadContract(workspace({ name: 'svc', dependencies: { shared: '1' } }, importsProblem));
    expect(contract.components).toEqual({
      responses: {
        Problem: {
          description: 'An error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
      schemas: {
        Problem: { type: 'object', properties: { detail: { $ref: '#/components/schemas/Detail' } } },
        Detail: { type: 'string' },
      },
    });
    expect(contract.paths).toEqual({
      '/x': { get: { responses: { '400': { $ref: '#/components/responses/Problem' } } } },
    });
  });

  it('refuses an import from a package the contract’s package does not depend on', () => {
    expect(() => loadContract(workspace({ name: 'svc' }, importsProblem))).toThrow(
      /does not list among its dependencies/,
    );
  });

  it('refuses a shared component whose name a component of the contract already has', () => {
    const clash = `${importsProblem}    Detail: { type: integer }\n`;
    expect(() => loadContract(workspace({ name: 'svc', dependencies: { shared: '1' } }, clash))).toThrow(
      /components.schemas.Detail clashes/,
    );
  });
});

describe('writeBundledContract', () => {
  const svc = { name: 'svc', dependencies: { shared: '1' } };

  it('writes the bundle that loadContract then reads, the same document as from the YAML', () => {
    const spec = workspace(svc, importsProblem);
    const fromYaml = loadContract(spec);
    expect(writeBundledContract(spec)).toBe(join(dirname(spec), 'dist', 'openapi.json'));
    expect(existsSync(join(dirname(spec), 'dist', 'openapi.json'))).toBe(true);
    expect(loadContract(spec)).toEqual(fromYaml);
  });

  it('is passed over once the contract, or a shared file it imports, has changed since', () => {
    const spec = workspace(svc, importsProblem);
    writeBundledContract(spec);
    appendFileSync(spec, 'x-edited: yes\n');
    expect(loadContract(spec)['x-edited']).toBe('yes');

    writeBundledContract(spec);
    const common = join(dirname(spec), '..', 'node_modules', 'shared', 'openapi', 'common.yaml');
    writeFileSync(
      common,
      'components:\n  schemas:\n    Problem: { type: string }\n  responses:\n    Problem: { description: Other }\n',
    );
    expect((loadContract(spec).components as { responses: { Problem: object } }).responses.Problem).toEqual({
      description: 'Other',
    });
  });
});
