import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { parse } from 'yaml';

/*
 * The Prometheus rules and Grafana dashboards of deploy/, read for the deploy tests:
 * what they are, and which metrics their queries name.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
export const RULES_DIR = join(ROOT, 'deploy/prometheus/rules');
export const RULE_TESTS_DIR = join(ROOT, 'deploy/prometheus/tests');
export const DASHBOARDS_DIR = join(ROOT, 'deploy/grafana/dashboards');

export interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
    .map((f) => join(dir, f));

/** Every rule of every group of every file of deploy/prometheus/rules. */
export function rules(): Rule[] {
  return yamlFiles(RULES_DIR).flatMap((file) =>
    (parse(readFileSync(file, 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules),
  );
}

export const alerts = () => rules().filter((r): r is Rule & { alert: string } => r.alert !== undefined);

export interface Panel {
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: { expr: string; datasource?: { type: string; uid: string } }[];
  gridPos?: { x: number; y: number; w: number; h: number };
  panels?: Panel[];
}

export interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
}

/** Each dashboard of deploy/grafana/dashboards, by file name. */
export function dashboards(): Map<string, Dashboard> {
  return new Map(
    readdirSync(DASHBOARDS_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, JSON.parse(readFileSync(join(DASHBOARDS_DIR, f), 'utf8')) as Dashboard]),
  );
}

/** Every panel of a dashboard, those inside rows included. */
export const panelsOf = (board: Dashboard): Panel[] => board.panels.flatMap((p) => [p, ...(p.panels ?? [])]);

/** The PromQL of every Prometheus target of a dashboard (not Loki's LogQL). */
export function promQueries(board: Dashboard): string[] {
  return panelsOf(board).flatMap((panel) =>
    (panel.targets ?? []).filter((t) => (t.datasource ?? panel.datasource)?.type === 'prometheus').map((t) => t.expr),
  );
}

/** Grafana's own variables, as Grafana fills them in before Prometheus sees a query. */
export const withGrafanaVariables = (expr: string) => expr.replace(/\$__rate_interval|\$__interval|\$__range/g, '5m');

/**
 * The metric names a PromQL expression selects, by its syntax tree (the grammar of
 * Prometheus's own UI): `rate(x_bucket{a="b"}[5m])` names x_bucket; label names,
 * functions, `by (...)` and matchers name none; `{__name__="x"}` names x. Throws on an
 * expression that does not parse, or selects by a name it cannot tell.
 */
export function metricNames(expr: string): string[] {
  const names: string[] = [];
  const problems: string[] = [];
  const text = (node: { from: number; to: number }) => expr.slice(node.from, node.to);
  parser.parse(expr).iterate({
    enter(ref) {
      if (ref.type.isError) problems.push(`a syntax error at ${ref.from}`);
      if (ref.name === 'VectorSelector') {
        const identifier = ref.node.getChild('Identifier');
        if (identifier) names.push(text(identifier));
      }
      if (ref.name === 'UnquotedLabelMatcher' && text(ref.node.getChild('LabelName')!) === '__name__') {
        const op = ref.node.getChild('MatchOp')?.firstChild?.name;
        if (op !== 'EqlSingle') problems.push(`a __name__ matcher other than =`);
        else names.push(text(ref.node.getChild('StringLiteral')!).slice(1, -1));
      }
    },
  });
  if (problems.length) throw new Error(`${expr}: ${problems.join(', ')}`);
  return names;
}
