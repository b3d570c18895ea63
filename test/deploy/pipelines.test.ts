import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/process.js';

/*
 * The two delivery pipelines, .github/workflows/ci.yml and the Jenkinsfile, checked
 * against what they must do: test by `.ci/run` (the one entry point of every CI), build
 * the image, run the contract breaking-change check, and publish and deploy only for a
 * release tag (v*), after the checks pass. The workflow is parsed as YAML; the
 * Jenkinsfile, which only Jenkins runs, is read as the nested blocks it is made of.
 */
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  container?: string | { image: string };
  steps: Step[];
}
const workflow = parse(read('.github/workflows/ci.yml')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const jobs = Object.entries(workflow.jobs);
const needsOf = (job: Job) => [job.needs ?? []].flat();
/** The jobs `name` waits for, directly or through others. */
const upstream = (name: string): string[] => needsOf(workflow.jobs[name]!).flatMap((need) => [need, ...upstream(need)]);

const RUNS_CI = /(^|\s)bash \.ci\/run(\s|$)/m;
const CONTRACT_CHECK = /(^|\s)npm run contracts:check(\s|$)/m;
const DEPLOYS = /deploy\/aws\/update\.sh/;
const ON_RELEASE_TAG = "startsWith(github.ref, 'refs/tags/v')";
const JENKINS_CI = /sh\s+'bash \.ci\/run'/;
const JENKINS_CONTRACT_CHECK = /sh\s+'npm run contracts:check'/;

const jobsWith = (test: (step: Step) => boolean) => jobs.filter(([, job]) => job.steps.some(test)).map(([n]) => n);
const pushes = (step: Step) =>
  (step.uses?.startsWith('docker/build-push-action@') && step.with?.push !== false) ||
  /docker push/.test(step.run ?? '');

describe('the GitHub Actions workflow', () => {
  it('runs on pushes, release tags and pull requests', () => {
    expect(workflow.on.push).toMatchObject({ tags: ['v*'] });
    expect(workflow.on).toHaveProperty('pull_request');
  });

  it('tests by .ci/run, on Node 20', () => {
    const [name] = jobsWith((s) => RUNS_CI.test(s.run ?? ''));
    expect(name, 'a job running `bash .ci/run`').toBeDefined();
    const job = workflow.jobs[name!]!;
    const image = typeof job.container === 'string' ? job.container : job.container?.image;
    const setupNode = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(image ?? `node:${String(setupNode?.with?.['node-version'])}`).toMatch(/^node:20(\D|$)/);
  });

  it('builds the image and runs the contract breaking-change check on every run', () => {
    const builds = jobsWith((s) => Boolean(s.uses?.startsWith('docker/build-push-action@')));
    expect(builds.filter((name) => !workflow.jobs[name]!.if)).not.toEqual([]);
    const checks = jobsWith((s) => CONTRACT_CHECK.test(s.run ?? ''));
    expect(checks.filter((name) => !workflow.jobs[name]!.if)).not.toEqual([]);
  });

  it('publishes and deploys only for a release tag, after the tests, the contracts and the image', () => {
    const publish = jobsWith(pushes);
    const deploy = jobsWith((s) => DEPLOYS.test(s.run ?? ''));
    expect(publish).not.toEqual([]);
    expect(deploy).not.toEqual([]);
    const checks = [
      ...jobsWith((s) => RUNS_CI.test(s.run ?? '')),
      ...jobsWith((s) => CONTRACT_CHECK.test(s.run ?? '')),
      ...jobsWith((s) => Boolean(s.uses?.startsWith('docker/build-push-action@'))).filter((n) => !publish.includes(n)),
    ];
    expect(checks).toHaveLength(3);
    for (const name of [...publish, ...deploy]) {
      expect(workflow.jobs[name]!.if, name).toBe(ON_RELEASE_TAG);
      expect(upstream(name), name).toEqual(expect.arrayContaining(checks));
    }
    for (const name of deploy) expect(upstream(name), `${name} deploys what was published`).toContain(publish[0]);
  });

  it('names a version of every action it uses', () => {
    for (const [name, job] of jobs) {
      for (const step of job.steps.filter((s) => s.uses)) expect(step.uses, name).toMatch(/^[\w.-]+\/[\w./-]+@v?\d/);
    }
  });

  it('has a contracts:check script that runs the breaking-change test', () => {
    const script = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['contracts:check'];
    expect(script).toMatch(/vitest run test\/build\/contract-breaks\.test\.ts/);
    expect(existsSync(join(ROOT, 'test/build/contract-breaks.test.ts'))).toBe(true);
  });
});

/** A block of Groovy: what precedes its `{` (`stage('Tests')`), its text, and the blocks inside. */
interface Block {
  head: string;
  body: string;
  children: Block[];
}

/**
 * The Jenkinsfile's nested `{ … }` blocks, skipping what is inside strings (`'…'`,
 * `"…"`, `'''…'''`) and comments: enough structure to find each stage and what it runs.
 */
function blocks(text: string): Block[] {
  const root: Block = { head: '', body: '', children: [] };
  const open: Array<{ block: Block; start: number }> = [{ block: root, start: 0 }];
  let headStart = 0;
  for (let i = 0; i < text.length; i++) {
    const rest = text.slice(i, i + 3);
    const quote = rest === "'''" || rest === '"""' ? rest : text[i] === "'" || text[i] === '"' ? text[i]! : undefined;
    if (quote) {
      const end = text.indexOf(quote, i + quote.length);
      expect(end, `an unterminated string at ${i}`).toBeGreaterThan(i);
      i = end + quote.length - 1;
    } else if (text.startsWith('//', i)) {
      i = text.indexOf('\n', i);
      if (i < 0) break;
    } else if (text[i] === '{') {
      const block = { head: text.slice(headStart, i).split('\n').at(-1)!.trim(), body: '', children: [] };
      open.at(-1)!.block.children.push(block);
      open.push({ block, start: i + 1 });
      headStart = i + 1;
    } else if (text[i] === '}') {
      const closed = open.pop()!;
      expect(open.length, `an unmatched } at ${i}`).toBeGreaterThan(0);
      closed.block.body = text.slice(closed.start, i);
      headStart = i + 1;
    } else if (text[i] === '\n' || text[i] === ';') {
      headStart = i + 1;
    }
  }
  expect(open, 'every { is closed').toHaveLength(1);
  return root.children;
}

const all = (list: Block[]): Block[] => list.flatMap((b) => [b, ...all(b.children)]);

describe('the Jenkinsfile', () => {
  const text = read('Jenkinsfile');
  const tree = blocks(text);
  const stages = new Map(
    all(tree)
      .map((b) => [/^stage\(\s*'([^']+)'\s*\)$/.exec(b.head)?.[1], b] as const)
      .filter((entry): entry is [string, Block] => entry[0] !== undefined),
  );
  /** A stage of its own, not one that only groups others. */
  const leaves = [...stages].filter(([, b]) => !b.children.some((c) => c.head === 'parallel'));
  const stageRunning = (pattern: RegExp) => leaves.filter(([, b]) => pattern.test(b.body)).map(([name]) => name);
  const releaseOnly = (stage: Block) =>
    stage.children.some((c) => c.head === 'when' && /^\s*tag\s+'v\*'\s*$/.test(c.body));

  it('is a declarative pipeline', () => {
    expect(tree.map((b) => b.head)).toEqual(['pipeline']);
    expect(tree[0]!.children.map((b) => b.head)).toContain('stages');
  });

  it('tests by .ci/run, in a Node 20 container', () => {
    const [name] = stageRunning(JENKINS_CI);
    expect(name, "a stage running sh 'bash .ci/run'").toBeDefined();
    expect(stages.get(name!)!.body).toMatch(/image\s+'node:20(\D)/);
  });

  it('builds the image and runs the contract breaking-change check on every run', () => {
    const builds = stageRunning(/docker build/).filter((name) => !releaseOnly(stages.get(name)!));
    expect(builds).not.toEqual([]);
    const checks = stageRunning(JENKINS_CONTRACT_CHECK).filter((name) => !releaseOnly(stages.get(name)!));
    expect(checks).not.toEqual([]);
  });

  it('publishes and deploys only for a release tag, after the checks', () => {
    const publish = stageRunning(/docker push/);
    const deploy = stageRunning(DEPLOYS);
    expect(publish).not.toEqual([]);
    expect(deploy).not.toEqual([]);
    // Top-level stages run one after another, and a failed one ends the run.
    const topLevel = tree[0]!.children.find((b) => b.head === 'stages')!.children;
    const position = (name: string) => topLevel.findIndex((b) => all([b]).includes(stages.get(name)!));
    for (const name of [...publish, ...deploy]) {
      expect(releaseOnly(stages.get(name)!), `${name} runs only for a tag v*`).toBe(true);
      const checks = [
        ...stageRunning(JENKINS_CI),
        ...stageRunning(JENKINS_CONTRACT_CHECK),
        ...stageRunning(/docker build/),
      ];
      for (const check of checks.filter((c) => !releaseOnly(stages.get(c)!))) {
        expect(position(check), `${check} before ${name}`).toBeLessThan(position(name));
      }
    }
  });
});
