import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../settings.js';
import type { ContractOperation } from './notify-rules.js';

/**
 * What the operator's rules files (NOTIFY_RULES, ACCESS_POLICY) share: one is JSON or
 * YAML, names operations of the contracts, and every mistake in it stops the process
 * with one line naming the variable, the file and the field, as a bad variable does.
 */

/** A ConfigError naming the variable and its file. */
export type Failure = (message: string) => ConfigError;

/** Reads `file` (named by `variable`) and parses it with `schema`, or throws a ConfigError. */
export function readRulesFile<S extends z.ZodType>(
  variable: string,
  file: string,
  schema: S,
): { content: z.output<S>; fail: Failure } {
  const fail: Failure = (message) => new ConfigError(`${variable}=${JSON.stringify(file)}: ${message}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw fail(`cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let content: unknown;
  try {
    // YAML is a superset of JSON: one parser reads both.
    content = parse(text, { uniqueKeys: true, prettyErrors: false });
  } catch (err) {
    throw fail(`is neither valid JSON nor valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw fail(`${fieldName(issue.path)} ${issue.message}`);
  }
  return { content: parsed.data, fail };
}

/** By operationId, or by `METHOD /path` where parameter names need not match the contract's. */
export function findOperation(name: string, operations: ContractOperation[]): ContractOperation | undefined {
  const spaced = /^([A-Za-z]+)\s+(\/\S*)$/.exec(name);
  if (!spaced) return operations.find((o) => o.operationId === name);
  const method = spaced[1]!.toUpperCase();
  const shape = templateShape(spaced[2]!);
  return operations.find((o) => o.method === method && templateShape(o.path) === shape);
}

const templateShape = (path: string) => path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');

/** `rules[2].emit[0]:`, or `the file:` for the top level. */
function fieldName(path: PropertyKey[]): string {
  if (path.length === 0) return 'the file:';
  const name = path.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)),
    '',
  );
  return `${name}:`;
}
