import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('generated types', () => {
  it('match the openapi.yaml they come from (run `npm run gen` after editing a contract)', () => {
    let output = '';
    let failed = false;
    try {
      output = execFileSync(process.execPath, ['scripts/gen-openapi-types.js', '--check'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (err) {
      failed = true;
      output = String((err as { stderr?: string }).stderr ?? err);
    }
    expect(failed, output).toBe(false);
  });
});
