import { z } from 'zod';
import type { OpenApiDocument } from './openapi.js';
import { findOperation, readRulesFile, type Failure } from './rules-file.js';

/**
 * The notification rules (NOTIFY_RULES, docs/notifications.md): which API operations
 * emit an `OperationNoticed` event to which topic, `before` their handler runs and/or
 * `after` they answer. The file is JSON or YAML; every mistake in it stops the process,
 * naming the rule and the field, as a bad environment variable does.
 */

export type NoticePhase = 'before' | 'after';

/** One operation of a contract, as a rule may name it. */
export interface ContractOperation {
  operationId: string;
  method: string;
  /** The contract's path template: `/api/v2/tweets/{id}`. */
  path: string;
  /** Whether it answers with a live stream (text/event-stream), which never ends with one status. */
  streams: boolean;
}

/** A rule checked against the contracts: the operation it names, resolved. */
export interface NotifyRule {
  operation: ContractOperation;
  topic: string;
  phases: NoticePhase[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Topics become webhook event names (`topic.<name>`): short, lower case, no spaces. */
const TOPIC = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const ruleSchema = z.strictObject({
  operation: z.string().trim().min(1, 'must name an operation: an operationId or "METHOD /path/template"'),
  emit: z
    .array(z.enum(['before', 'after']))
    .min(1, 'must list "before", "after" or both')
    .refine((phases) => new Set(phases).size === phases.length, 'must not list a phase twice'),
  topic: z.string().regex(TOPIC, 'must be 1-64 of a-z, 0-9, ".", "_" and "-", starting with a letter or digit'),
});

const fileSchema = z.strictObject({ rules: z.array(ruleSchema) });

/** The operations of `documents`, in contract order. */
export function operationsOf(documents: OpenApiDocument[]): ContractOperation[] {
  const operations: ContractOperation[] = [];
  for (const document of documents) {
    for (const [path, item] of Object.entries(document.paths ?? {}) as Array<[string, OpenApiDocument]>) {
      for (const method of HTTP_METHODS) {
        const operation = item?.[method] as OpenApiDocument | undefined;
        if (typeof operation?.operationId !== 'string') continue;
        const streams = Object.values(operation.responses ?? {}).some(
          (response) => (response as OpenApiDocument)?.content?.['text/event-stream'] !== undefined,
        );
        operations.push({ operationId: operation.operationId, method: method.toUpperCase(), path, streams });
      }
    }
  }
  return operations;
}

/**
 * Reads and checks the rules file at `file` against `operations`: every operation the
 * deployment has, so that a process running one service still refuses a rule naming
 * an operation no service has. No file, no rules.
 */
export function loadNotifyRules(file: string | undefined, operations: ContractOperation[]): NotifyRule[] {
  if (!file) return [];
  const { content, fail } = readRulesFile('NOTIFY_RULES', file, fileSchema);
  return resolveRules(content.rules, operations, fail);
}

function resolveRules(
  rules: z.infer<typeof ruleSchema>[],
  operations: ContractOperation[],
  fail: Failure,
): NotifyRule[] {
  const seen = new Map<string, number>();
  return rules.map((rule, i) => {
    const operation = findOperation(rule.operation, operations);
    if (!operation) {
      throw fail(
        `rules[${i}].operation: no operation is ${JSON.stringify(rule.operation)}; name one by its operationId ` +
          `(as in the services' openapi.yaml) or by method and path template, such as "POST /api/v2/tweets"`,
      );
    }
    if (operation.streams && rule.emit.includes('after')) {
      throw fail(
        `rules[${i}].emit: ${operation.operationId} answers with a live stream, which ends with no status to ` +
          `report; only "before" can be noticed`,
      );
    }
    const key = `${operation.operationId} ${rule.topic}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw fail(
        `rules[${i}].topic: rules[${earlier}] already makes ${operation.operationId} emit to ${JSON.stringify(rule.topic)}`,
      );
    }
    seen.set(key, i);
    return { operation, topic: rule.topic, phases: rule.emit };
  });
}
