import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { contractOf, ownerOf, ROLES, SERVICES, TOKEN_SIGNER, urlVariable } from '@starling/cli/topology';
import { CALLERS } from '@starling/kit';

/*
 * The Helm chart (deploy/helm/starling) rendered by a real `helm`, and what it renders
 * checked against the Kubernetes schemas (kubernetes-models, and the Prometheus
 * Operator's for the ServiceMonitor) and against the topology (apps/cli/src/topology.ts):
 * a Deployment per role with what the role needs, and nothing secret outside a Secret.
 * Helm comes from PATH, HELM, or the npm package scripts/helm.js extracts it from
 * (a devDependency, so `npm install` brings it); without one the suite says it skips.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CHART = join(ROOT, 'deploy/helm/starling');
const RELEASE = 'starling';
const NAMESPACE = 'social';

const found = spawnSync(process.execPath, [join(ROOT, 'scripts/helm.js'), '--path'], { encoding: 'utf8' });
const helm = found.status === 0 ? found.stdout.trim() : undefined;
if (!helm) console.warn(`helm.test.ts: skipped, no helm binary: ${found.stderr.trim()}`);

function run(args: string[]): string {
  const result = spawnSync(helm!, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`helm ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

// ------------------------------------------------------------------ the objects

interface Meta {
  name: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  args?: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  volumeMounts?: { name: string; mountPath: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; runAsNonRoot?: boolean };
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
}
interface PodSpec {
  containers: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  volumes?: { name: string; emptyDir?: object }[];
}
interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: Meta;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind's own fields; the tests read what they check
  spec?: any;
  data?: Record<string, string>;
}

/** The schema of each kind the chart renders. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
};

const VALUES = {
  default: [] as string[],
  external: ['-f', join(CHART, 'ci/external-values.yaml')],
  existingSecret: ['-f', join(CHART, 'ci/existing-secret-values.yaml')],
};
const SERVICE_MONITOR_API = ['--api-versions', 'monitoring.coreos.com/v1/ServiceMonitor'];

/** `helm template` of the chart, as objects. */
function render(args: string[]): K8sObject[] {
  const out = run(['template', RELEASE, CHART, '--namespace', NAMESPACE, ...args]);
  return parseAllDocuments(out)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

const rendered = helm
  ? {
      default: render(VALUES.default),
      defaultWithOperator: render([...VALUES.default, ...SERVICE_MONITOR_API]),
      external: render(VALUES.external),
      existingSecret: render(VALUES.existingSecret),
    }
  : undefined;

const of = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const named = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);
const roleObject = (name: string) => `${RELEASE}-${name}`;
const deployment = (objects: K8sObject[], role: string) => named(objects, 'Deployment', roleObject(role))!;
const container = (objects: K8sObject[], role: string): Container =>
  deployment(objects, role).spec.template.spec.containers[0];
const envOf = (c: Container) => new Map((c.env ?? []).map((e) => [e.name, e]));

/** Whether a label selector selects a set of labels. */
function selects(selector: Selector, labels: Record<string, string>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === 'In') return values.includes(labels[key]!);
    if (operator === 'NotIn') return !values.includes(labels[key]!);
    if (operator === 'Exists') return key in labels;
    return !(key in labels);
  });
  return byLabel && byExpression;
}

const STATELESS = ROLES.filter((r) => r.kind !== 'worker').map((r) => r.name);
const WORKERS = ROLES.filter((r) => r.kind === 'worker').map((r) => r.name);
const ROLE_NAMES = ROLES.map((r) => r.name);

describe.skipIf(!helm)('deploy/helm/starling', () => {
  const all = rendered!;

  it('passes helm lint --strict with its default values and each example values file', () => {
    const files = readdirSync(join(CHART, 'ci')).map((f) => ['-f', join(CHART, 'ci', f)]);
    expect(files.length).toBeGreaterThan(1);
    for (const values of [[], ...files]) {
      expect(run(['lint', '--strict', CHART, ...values])).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    }
  });

  it.each(Object.keys(rendered ?? {}) as (keyof NonNullable<typeof rendered>)[])(
    'renders only objects the Kubernetes schemas accept (%s values)',
    (which) => {
      const objects = all[which];
      expect(objects.length).toBeGreaterThan(ROLES.length * 3);
      const problems: string[] = [];
      for (const object of objects) {
        const Model = MODELS[`${object.apiVersion}/${object.kind}`];
        if (!Model) {
          problems.push(
            `${object.apiVersion} ${object.kind} ${object.metadata.name}: a kind this test has no schema for`,
          );
          continue;
        }
        try {
          new Model(object as never).validate();
        } catch (error) {
          problems.push(`${object.kind} ${object.metadata.name}: ${(error as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('refuses an object the schemas do not accept (the check above can fail)', () => {
    const broken = structuredClone(deployment(all.default, 'tweets'));
    broken.spec.template.spec.containers[0].readinessProbe.httpGet.port = { name: 'http' };
    expect(() => new Deployment(broken as never).validate()).toThrow(/port/);
  });

  describe('the roles of the topology', () => {
    it('has one Deployment per role, each running `start <role>` from the one image on port 3000', () => {
      for (const objects of [all.default, all.external]) {
        expect(
          of(objects, 'Deployment')
            .map((d) => d.metadata.name)
            .sort(),
        ).toEqual(ROLE_NAMES.map(roleObject).sort());
        for (const role of ROLE_NAMES) {
          const c = container(objects, role);
          expect(c.args, role).toEqual(['start', role]);
          expect(c.ports, role).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);
          expect(deployment(objects, role).spec.template.metadata.labels['app.kubernetes.io/component']).toBe(role);
        }
      }
    });

    it('runs each service with the replicas the topology gives it, and the edge with two', () => {
      const hpas = of(all.default, 'HorizontalPodAutoscaler');
      const replicasOf = (role: string) =>
        deployment(all.default, role).spec.replicas ??
        hpas.find((h) => h.spec.scaleTargetRef.name === roleObject(role))?.spec.minReplicas;
      for (const service of SERVICES) expect(replicasOf(service.name), service.name).toBe(service.replicas);
      for (const worker of WORKERS) expect(replicasOf(worker), worker).toBe(1);
      expect(replicasOf('gateway')).toBe(2);
    });

    it('autoscales the gateway and the services’ APIs on CPU, and no worker', () => {
      const hpas = of(all.default, 'HorizontalPodAutoscaler');
      expect(hpas.map((h) => h.spec.scaleTargetRef.name).sort()).toEqual(STATELESS.map(roleObject).sort());
      for (const hpa of hpas) {
        expect(hpa.spec.scaleTargetRef.kind).toBe('Deployment');
        expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
        expect(hpa.spec.metrics).toEqual([
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        ]);
        // The autoscaler keeps the count: an upgrade must not reset it to the minimum.
        const target = named(all.default, 'Deployment', hpa.spec.scaleTargetRef.name)!;
        expect(target.spec.replicas, target.metadata.name).toBeUndefined();
      }
      for (const worker of WORKERS) expect(deployment(all.default, worker).spec.replicas).toBeGreaterThanOrEqual(1);
    });

    it('gives every role a PodDisruptionBudget selecting exactly its pods', () => {
      const pdbs = of(all.default, 'PodDisruptionBudget');
      expect(pdbs).toHaveLength(ROLES.length);
      for (const role of ROLE_NAMES) {
        const pdb = named(all.default, 'PodDisruptionBudget', roleObject(role))!;
        expect(pdb.spec.maxUnavailable, role).toBe(1);
        const selected = of(all.default, 'Deployment').filter((d) =>
          selects(pdb.spec.selector, d.spec.template.metadata.labels),
        );
        expect(selected.map((d) => d.metadata.name)).toEqual([roleObject(role)]);
      }
    });

    it('checks every process: started and alive on /healthz, taking traffic once /readyz says so', () => {
      for (const role of ROLE_NAMES) {
        const c = container(all.default, role);
        expect(c.startupProbe?.httpGet, role).toEqual({ path: '/healthz', port: 'http' });
        expect(c.livenessProbe?.httpGet, role).toEqual({ path: '/healthz', port: 'http' });
        expect(c.readinessProbe?.httpGet, role).toEqual({ path: '/readyz', port: 'http' });
      }
    });

    it('sets requests and limits of CPU and memory on every container, requests within limits', () => {
      const cpu = (q: string) => (q.endsWith('m') ? Number(q.slice(0, -1)) / 1000 : Number(q));
      const mem = (q: string) => Number(q.replace(/Mi$/, '')) * (q.endsWith('Gi') ? 1024 : 1);
      const containers = [
        ...ROLE_NAMES.map((role) => [role, container(all.default, role)] as const),
        ['migrations', named(all.default, 'Job', roleObject('migrations'))!.spec.template.spec.containers[0]] as const,
      ];
      for (const [name, c] of containers) {
        const { requests, limits } = c.resources ?? {};
        expect(requests?.cpu && requests.memory && limits?.cpu && limits.memory, name).toBeTruthy();
        expect(cpu(requests!.cpu!), name).toBeLessThanOrEqual(cpu(limits!.cpu!));
        expect(mem(requests!.memory!), name).toBeLessThanOrEqual(mem(limits!.memory!));
      }
    });

    it('has a Service per role on port 3000, selecting exactly that role’s pods', () => {
      for (const role of ROLE_NAMES) {
        const service = named(all.default, 'Service', roleObject(role))!;
        expect(service.spec.ports).toEqual([{ name: 'http', port: 3000, targetPort: 'http', protocol: 'TCP' }]);
        const selected = of(all.default, 'Deployment').filter((d) =>
          selects({ matchLabels: service.spec.selector }, d.spec.template.metadata.labels),
        );
        expect(selected.map((d) => d.metadata.name)).toEqual([roleObject(role)]);
      }
    });
  });

  describe('what each role needs', () => {
    /** The variable each need is met by, and a variable that only that need brings. */
    const NEEDS = {
      database: 'DATABASE_URL',
      bus: 'NATS_URL',
      'object-storage': 'S3_BUCKET',
      mail: 'SMTP_URL',
    } as const;

    it.each(ROLE_NAMES)('%s gets what the topology says it needs, and no other backing service', (role) => {
      const entry = ROLES.find((r) => r.name === role)!;
      const env = envOf(container(all.external, role));
      for (const [need, variable] of Object.entries(NEEDS)) {
        expect(env.has(variable), `${role} ${variable}`).toBe(entry.needs.includes(need as keyof typeof NEEDS));
      }
      // Credentials go only where the store is used.
      expect(env.has('S3_SECRET_ACCESS_KEY')).toBe(entry.needs.includes('object-storage'));
    });

    it.each(ROLE_NAMES)('%s finds each service it calls, and the token keys, at that service’s Service', (role) => {
      const entry = ROLES.find((r) => r.name === role)!;
      const env = envOf(container(all.default, role));
      const callees = new Set([...entry.calls, ...(role === TOKEN_SIGNER.name ? [] : [TOKEN_SIGNER.name])]);
      for (const callee of callees) {
        const url = env.get(urlVariable(callee))?.value;
        expect(url, `${role} ${urlVariable(callee)}`).toBe(`http://${roleObject(callee)}:3000`);
        expect(named(all.default, 'Service', roleObject(callee)), callee).toBeDefined();
      }
      const others = [...env.keys()].filter(
        (k) => /^[A-Z]+_URL$/.test(k) && SERVICES.some((s) => urlVariable(s.name) === k),
      );
      expect(others.sort()).toEqual([...callees].map(urlVariable).sort());
    });

    it('gives every process but the gateway the same MAIL_SEAL_KEY, from the Secret', () => {
      for (const objects of [all.default, all.external, all.existingSecret]) {
        const refs = new Set(
          ROLE_NAMES.filter((r) => r !== 'gateway').map((role) =>
            JSON.stringify(envOf(container(objects, role)).get('MAIL_SEAL_KEY')?.valueFrom?.secretKeyRef),
          ),
        );
        expect(refs.size).toBe(1);
        const ref = JSON.parse([...refs][0]!) as { name: string; key: string; optional?: boolean };
        expect(ref.key).toBe('MAIL_SEAL_KEY');
        expect(ref.optional).toBeUndefined();
        expect(envOf(container(objects, 'gateway')).has('MAIL_SEAL_KEY')).toBe(false);
      }
      // Made when not given: 32 random bytes, different on each render without a cluster to read it back from.
      const key = (objects: K8sObject[]) =>
        Buffer.from(named(objects, 'Secret', `${RELEASE}-secrets`)!.data!.MAIL_SEAL_KEY!, 'base64').toString();
      expect(Buffer.from(key(all.default), 'base64')).toHaveLength(32);
      expect(key(all.default)).not.toBe(key(all.defaultWithOperator));
      expect(key(all.external)).toBe('cGxhY2Vob2xkZXItbWFpbC1zZWFsLWtleS0zMi1ieXQ=');
    });

    it('by default, finds PostgreSQL, NATS and MinIO as their charts name them, with the passwords from their Secrets', () => {
      const env = envOf(container(all.default, 'tweets'));
      expect(env.get('DATABASE_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({ name: 'postgresql', key: 'password' });
      expect(env.get('DATABASE_URL')?.value).toBe('postgres://starling:$(DATABASE_PASSWORD)@postgresql:5432/starling');
      // Kubernetes expands $(VAR) only from variables defined before it.
      expect([...env.keys()].indexOf('DATABASE_PASSWORD')).toBeLessThan([...env.keys()].indexOf('DATABASE_URL'));
      expect(env.get('S3_ENDPOINT')?.value).toBe('http://minio:9000');
      expect(env.get('S3_ACCESS_KEY_ID')?.valueFrom?.secretKeyRef).toEqual({ name: 'minio', key: 'root-user' });
      const secret = named(all.default, 'Secret', `${RELEASE}-secrets`)!;
      expect(Buffer.from(secret.data!.NATS_URL!, 'base64').toString()).toBe('nats://nats:4222');
    });

    it('with secrets.existingSecret, reads every secret from it and makes no Secret of its own', () => {
      const objects = all.existingSecret;
      expect(of(objects, 'Secret')).toEqual([]);
      const refs = ROLE_NAMES.flatMap((role) =>
        (container(objects, role).env ?? []).flatMap((e) =>
          e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef] : [],
        ),
      );
      expect(refs.length).toBeGreaterThan(ROLES.length);
      expect(new Set(refs.map((r) => r.name))).toEqual(new Set(['starling']));
      const identity = envOf(container(objects, 'identity'));
      expect(identity.get('AUTH_SIGNING_KEY')?.valueFrom?.secretKeyRef).toEqual({
        name: 'starling',
        key: 'AUTH_SIGNING_KEY',
        optional: true,
      });
      // S3 keys only if the Secret has them; otherwise the pods' own cloud identity.
      expect(envOf(container(objects, 'media')).get('S3_ACCESS_KEY_ID')?.valueFrom?.secretKeyRef).toEqual({
        name: 'starling',
        key: 'S3_ACCESS_KEY_ID',
        optional: true,
      });
      const job = named(objects, 'Job', roleObject('migrations'))!;
      expect(envOf(job.spec.template.spec.containers[0]).get('DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({
        name: 'starling',
        key: 'DATABASE_URL',
      });
    });

    it('never renders a secret value into a ConfigMap or a literal variable', () => {
      const values = parseAllDocuments(readFileSync(join(CHART, 'ci/external-values.yaml'), 'utf8'))[0]!.toJS() as {
        database: { url: string };
        nats: { url: string };
        s3: { accessKeyId: string; secretAccessKey: string };
        mail: { smtpUrl: string };
        secrets: Record<string, string>;
      };
      const secrets = [
        values.database.url,
        values.nats.url,
        values.s3.accessKeyId,
        values.s3.secretAccessKey,
        values.mail.smtpUrl,
        values.secrets.mailSealKey!,
        values.secrets.authSigningKey!,
        values.secrets.oidcProviders!,
        'placeholder-db-password',
        'placeholder-nats-password',
        'placeholder-smtp-password',
      ];
      const objects = all.external;
      const exposed = [
        ...of(objects, 'ConfigMap').flatMap((c) => Object.values(c.data ?? {})),
        ...[...of(objects, 'Deployment'), ...of(objects, 'Job')].flatMap((o) =>
          (o.spec.template.spec as PodSpec).containers.flatMap((c) => (c.env ?? []).map((e) => e.value ?? '')),
        ),
        ...objects.map((o) => JSON.stringify(o.metadata)),
      ].join('\n');
      for (const secret of secrets) expect(exposed, 'a secret in plain sight').not.toContain(secret);
      // Where they are instead: the Secret, which holds each of them.
      const stored = Object.values(named(objects, 'Secret', `${RELEASE}-secrets`)!.data!).map((v) =>
        Buffer.from(v, 'base64').toString(),
      );
      for (const secret of secrets.slice(0, 8)) expect(stored).toContain(secret);
    });
  });

  describe('the migration Job', () => {
    it('runs `starling migrate` as a hook before every install and upgrade', () => {
      for (const objects of [all.default, all.external, all.existingSecret]) {
        const job = named(objects, 'Job', roleObject('migrations'))!;
        expect(job.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
        const c: Container = job.spec.template.spec.containers[0];
        expect(c.args).toEqual(['migrate']);
        expect(envOf(c).has('DATABASE_URL')).toBe(true);
        expect(c.securityContext?.readOnlyRootFilesystem).toBe(true);
        expect(job.spec.template.spec.restartPolicy).toBe('Never');
      }
    });

    it('takes a DATABASE_URL from the values through a Secret that is itself a hook, made before the Job', () => {
      const job = named(all.external, 'Job', roleObject('migrations'))!;
      const ref = envOf(job.spec.template.spec.containers[0]).get('DATABASE_URL')!.valueFrom!.secretKeyRef!;
      const secret = named(all.external, 'Secret', ref.name)!;
      expect(secret.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
      const weight = (o: K8sObject) => Number(o.metadata.annotations?.['helm.sh/hook-weight'] ?? 0);
      expect(weight(secret)).toBeLessThan(weight(job));
      expect(Buffer.from(secret.data![ref.key]!, 'base64').toString()).toMatch(/^postgres:\/\/.+@db\.example\.com/);
    });
  });

  describe('the Ingress', () => {
    it('by default sends everything to the gateway', () => {
      const [ingress] = of(all.default, 'Ingress');
      const paths = ingress!.spec.rules[0].http.paths;
      expect(paths).toEqual([
        {
          path: '/',
          pathType: 'Prefix',
          backend: { service: { name: roleObject('gateway'), port: { name: 'http' } } },
        },
      ]);
    });

    /*
     * routeTo: services, as ingress-nginx reads it: every path a regular expression
     * anchored at the start, the longest tried first. Every operation of every contract
     * must reach its owner, as nginx.conf sends it (test/deploy/nginx.test.ts).
     */
    const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
    const operations = SERVICES.flatMap((service) =>
      Object.entries(contractOf(service).paths ?? {}).flatMap(([path, item]) =>
        METHODS.filter((m) => {
          const op = (item as Record<string, Record<string, unknown> | undefined>)[m];
          return op && op[CALLERS] !== 'apps';
        }).map(() => ({ service: service.name, path: path.replace(/\{[^}]+\}/g, '01JC3Z8Q9M4V7T2R5X6Y8W0ABC') })),
      ),
    );

    function routed(path: string): string | undefined {
      const [ingress] = of(all.external, 'Ingress');
      const paths = [
        ...(ingress!.spec.rules[0].http.paths as { path: string; backend: { service: { name: string } } }[]),
      ];
      paths.sort((a, b) => b.path.length - a.path.length);
      return paths.find((p) => new RegExp(`^${p.path}`, 'i').test(path))?.backend.service.name;
    }

    // GET /oauth/authorize is the web app's consent page, POST the user's answer to
    // identity: one path, told apart by method, which nginx.conf does itself and the
    // Ingress leaves to the gateway.
    const BY_METHOD = '/oauth/authorize';

    it('with routeTo: services, routes every operation of every contract to the service that owns it', () => {
      expect(operations.length).toBeGreaterThan(50);
      expect(operations.some((op) => op.path === BY_METHOD)).toBe(true);
      const misrouted = operations
        .filter((op) => op.path !== BY_METHOD)
        .filter((op) => routed(op.path) !== roleObject(op.service))
        .map((op) => `${op.path}: ${op.service}, routed to ${routed(op.path)}`);
      expect(misrouted).toEqual([]);
      // The web app, and the OAuth consent page, are the gateway's.
      for (const path of ['/', '/u/ada', '/assets/index.js', BY_METHOD]) {
        expect(routed(path), path).toBe(roleObject('gateway'));
      }
      expect(routed('/api/v1/users/abc/follow')).toBe(roleObject(ownerOf('/api/v1/users/abc/follow')!.name));
    });

    it('with routeTo: services, reaches the same services as deploy/nginx.conf, and uses TLS', () => {
      const nginx = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
      const upstreams = [...nginx.matchAll(/^\s*upstream\s+(\S+)\s*\{/gm)].map((m) => m[1]!);
      const [ingress] = of(all.external, 'Ingress');
      const backends = new Set(
        (ingress!.spec.rules[0].http.paths as { backend: { service: { name: string } } }[]).map(
          (p) => p.backend.service.name,
        ),
      );
      backends.delete(roleObject('gateway'));
      expect([...backends].sort()).toEqual(upstreams.map(roleObject).sort());
      expect(ingress!.spec.tls).toEqual([{ hosts: ['social.example.com'], secretName: 'social-example-tls' }]);
      expect(ingress!.metadata.annotations?.['nginx.ingress.kubernetes.io/use-regex']).toBe('true');
    });
  });

  describe('the NetworkPolicies', () => {
    const policies = (objects: K8sObject[]) => of(objects, 'NetworkPolicy');
    const podLabels = (objects: K8sObject[]) => [
      ...of(objects, 'Deployment').map((d) => [d.metadata.name, d.spec.template.metadata.labels] as const),
      ...of(objects, 'Job').map((j) => [j.metadata.name, j.spec.template.metadata.labels] as const),
    ];

    it('let only the gateway take traffic from anywhere; every other pod only from Starling and Prometheus', () => {
      for (const objects of [all.default, all.external]) {
        for (const [name, labels] of podLabels(objects)) {
          const applying = policies(objects).filter((p) => selects(p.spec.podSelector, labels));
          expect(applying, name).toHaveLength(1);
          const [policy] = applying;
          expect(policy!.spec.policyTypes).toEqual(['Ingress']);
          const rules = policy!.spec.ingress as { from?: object[]; ports: object[] }[];
          const open = rules.some((r) => !r.from || r.from.length === 0);
          expect(open, `${name} reachable from anywhere`).toBe(name === roleObject('gateway'));
          if (name === roleObject('gateway')) continue;
          const from = rules.flatMap((r) => r.from ?? []);
          expect(from).toContainEqual({
            podSelector: {
              matchLabels: { 'app.kubernetes.io/name': 'starling', 'app.kubernetes.io/instance': RELEASE },
            },
          });
          expect(from).toContainEqual({
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
          });
        }
      }
    });

    it('let the Ingress controller reach the services only when the Ingress routes to them', () => {
      const controller = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } };
      const internal = (objects: K8sObject[]) =>
        (named(objects, 'NetworkPolicy', `${RELEASE}-internal`)!.spec.ingress as { from: object[] }[]).flatMap(
          (r) => r.from,
        );
      expect(internal(all.default)).not.toContainEqual(controller);
      expect(internal(all.external)).toContainEqual(controller);
    });
  });

  describe('the pods', () => {
    it('run as non-root with a read-only root file system, writing only to emptyDir volumes', () => {
      for (const objects of [all.default, all.external]) {
        for (const workload of [...of(objects, 'Deployment'), ...of(objects, 'Job')]) {
          const spec = workload.spec.template.spec as PodSpec & { automountServiceAccountToken?: boolean };
          const name = workload.metadata.name;
          expect(spec.securityContext?.runAsNonRoot, name).toBe(true);
          expect(spec.securityContext?.runAsUser, name).not.toBe(0);
          expect(spec.automountServiceAccountToken, name).toBe(false);
          for (const c of spec.containers) {
            expect(c.securityContext?.readOnlyRootFilesystem, name).toBe(true);
            expect(c.securityContext?.allowPrivilegeEscalation, name).toBe(false);
            const mounts = new Map((c.volumeMounts ?? []).map((m) => [m.mountPath, m.name]));
            for (const writable of ['/tmp', '/data']) {
              const volume = spec.volumes?.find((v) => v.name === mounts.get(writable));
              expect(volume?.emptyDir, `${name} ${writable}`).toBeDefined();
            }
          }
        }
      }
    });

    it('mount the notification rules and point NOTIFY_RULES at them when given', () => {
      const config = named(all.external, 'ConfigMap', `${RELEASE}-config`)!;
      expect(config.data?.NOTIFY_RULES).toBe('/etc/starling/notify-rules.yaml');
      expect(named(all.external, 'ConfigMap', `${RELEASE}-files`)?.data?.['notify-rules.yaml']).toContain('rules');
      expect(named(all.default, 'ConfigMap', `${RELEASE}-config`)!.data?.NOTIFY_RULES).toBeUndefined();
      const mounts = container(all.external, 'notify').volumeMounts ?? [];
      expect(mounts).toContainEqual({ name: 'files', mountPath: '/etc/starling', readOnly: true });
    });
  });

  describe('the ServiceMonitor', () => {
    it('is made when the cluster has the Prometheus Operator, and scrapes /metrics of every role', () => {
      expect(of(all.default, 'ServiceMonitor')).toEqual([]);
      const [monitor] = of(all.defaultWithOperator, 'ServiceMonitor');
      expect(monitor).toBeDefined();
      const services = of(all.defaultWithOperator, 'Service').filter((s) =>
        selects(monitor!.spec.selector, s.metadata.labels ?? {}),
      );
      expect(services.map((s) => s.metadata.labels?.['app.kubernetes.io/component']).sort()).toEqual(
        [...ROLE_NAMES].sort(),
      );
      expect(monitor!.spec.endpoints).toHaveLength(1);
      const [endpoint] = monitor!.spec.endpoints;
      expect(endpoint).toMatchObject({ port: 'http', path: '/metrics' });
      // The same series as deploy/prometheus.yml: job "starling", and the role.
      expect(endpoint.relabelings).toContainEqual({ targetLabel: 'job', replacement: 'starling' });
      expect(endpoint.relabelings).toContainEqual({
        sourceLabels: ['__meta_kubernetes_service_label_app_kubernetes_io_component'],
        targetLabel: 'role',
      });
      expect(named(all.external, 'ServiceMonitor', RELEASE)?.metadata.labels?.release).toBe('kube-prometheus-stack');
    });
  });
});
