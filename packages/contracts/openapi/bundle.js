// Reads a contract and bundles in the shared components it imports, so that the
// platform, the gateway and the type generator all get one self-contained document.
//
// A contract imports a shared component by package name, as code imports a module:
//   Problem: { $ref: 'npm:@starling/contracts/openapi/common.yaml#/components/schemas/Problem' }
// `npm:<specifier>` is resolved by Node's module resolution from the contract's own
// package, which must declare that package among its dependencies; a ref without the
// scheme is relative to the file it is written in. Either must name a component
// (`#/components/<kind>/<name>`). In the bundled document the imported component sits
// in `components` under the name it was imported as (its own name when a ref elsewhere
// brings it in), and every ref to it is local, so the document reads as if the
// component had been written in the contract itself.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const BY_PACKAGE = 'npm:';

/**
 * An operation marked `x-starling-callers: apps` answers only requests whose bearer
 * token was issued to a registered app (Mastodon's paths that are also Starling's own:
 * docs/mastodon.md). It may share its path and method with another service's operation,
 * which answers everyone else.
 */
export const CALLERS = 'x-starling-callers';
/** Where a merged document keeps the app-only operations that share a path and method with another. */
export const APP_OPERATIONS = 'x-starling-app-operations';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const forApps = (operation) => operation?.[CALLERS] === 'apps';

/**
 * One document from several services' contracts: every path and component of each,
 * on top of `base`. Two services may share a component only if they define it alike,
 * so a clash fails here rather than one contract silently winning. Two services may
 * share an operation's path and method only when one of them is for apps' tokens
 * (`CALLERS`): the other stays in `paths`, the app's goes to `APP_OPERATIONS` (same
 * layout as `paths`), so the document stays valid OpenAPI and a client generated from
 * it knows Starling's own operation. The platform's /openapi.json, the gateway's and the
 * SDK's types are all merged by this function.
 */
export function mergeContracts(base, documents) {
  const merged = structuredClone(base);
  merged.paths ??= {};
  merged.components ??= {};
  merged.tags ??= [];
  for (const doc of documents) {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      const into = (merged.paths[path] ??= {});
      for (const [key, value] of Object.entries(item)) {
        const existing = into[key];
        if (!METHODS.includes(key) || existing === undefined) {
          into[key] = value;
          continue;
        }
        if (forApps(existing) === forApps(value)) {
          throw new Error(`OpenAPI operation ${key.toUpperCase()} ${path} is in two services' contracts`);
        }
        const [own, apps] = forApps(value) ? [existing, value] : [value, existing];
        into[key] = own;
        // The path's own parameters go with the operation, which leaves its path item.
        const parameters = [...(item.parameters ?? []), ...(apps.parameters ?? [])];
        ((merged[APP_OPERATIONS] ??= {})[path] ??= {})[key] = parameters.length ? { ...apps, parameters } : apps;
      }
    }
    for (const [kind, entries] of Object.entries(doc.components ?? {})) {
      merged.components[kind] ??= {};
      for (const [name, value] of Object.entries(entries)) {
        const existing = merged.components[kind][name];
        if (existing && JSON.stringify(existing) !== JSON.stringify(value)) {
          throw new Error(`OpenAPI component ${kind}.${name} is defined differently by two services`);
        }
        merged.components[kind][name] = value;
      }
    }
    for (const tag of doc.tags ?? []) {
      if (!merged.tags.some((t) => t.name === tag.name)) merged.tags.push(tag);
    }
  }
  return merged;
}

/**
 * The contract at `path`, with every component it imports bundled in: from the bundle
 * `writeBundledContract` left beside it when that was made from the files as they are
 * now, otherwise from the YAML.
 */
export function loadContract(path) {
  const file = resolve(path instanceof URL ? fileURLToPath(path) : path);
  return readBundled(file) ?? bundleFile(file).document;
}

/**
 * Writes the contract at `path`, bundled, as JSON in the `dist` folder beside it, with
 * a digest of each file it was made from: parsing the YAML of every contract was a
 * fifth of the embedded process's cold start, where JSON takes milliseconds. The
 * build writes it (scripts/bundle-contracts.js); `loadContract` uses it only while
 * every one of those files is unchanged, so an edited contract is never served stale.
 * Returns where it wrote, or undefined for a contract that JSON cannot hold as parsed.
 */
export function writeBundledContract(path) {
  const file = resolve(path instanceof URL ? fileURLToPath(path) : path);
  const { document, files } = bundleFile(file);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(document)), document)) return undefined;
  const sources = Object.fromEntries(files.map((f) => [relative(dirname(file), f), digest(f)]));
  const out = bundledPath(file);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ sources, document }));
  return out;
}

const bundledPath = (file) => join(dirname(file), 'dist', `${basename(file, '.yaml')}.json`);
const digest = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The bundle beside `file`, if one was made from the files as they are now. */
function readBundled(file) {
  const at = bundledPath(file);
  if (!existsSync(at)) return undefined;
  try {
    const { sources, document } = JSON.parse(readFileSync(at, 'utf8'));
    const current = Object.entries(sources).every(([f, sum]) => {
      const source = resolve(dirname(file), f);
      return existsSync(source) && digest(source) === sum;
    });
    return current && document ? document : undefined;
  } catch {
    return undefined;
  }
}

/** The bundled contract, and every file it was made from. */
function bundleFile(file) {
  const documents = new Map([[file, readYaml(file)]]);
  return { document: bundle(documents, file), files: [...documents.keys()] };
}

function bundle(documents, file) {
  const document = documents.get(file);
  const read = (at) => {
    if (!documents.has(at)) documents.set(at, readYaml(at));
    return documents.get(at);
  };
  /** Where each component of the bundle comes from, and the local name of each source. */
  const sourceOf = new Map();
  const localName = new Map();
  const components = () => (document.components ??= {});

  // Imports first: a component that is only a ref to another file becomes its content.
  for (const [kind, entries] of Object.entries(document.components ?? {})) {
    for (const [name, value] of Object.entries(entries ?? {})) {
      const imported = isImport(value, file) ? target(value.$ref, file) : { file, kind, name };
      if (imported.file !== file) entries[name] = structuredClone(component(imported));
      sourceOf.set(`${kind}/${name}`, imported);
      localName.set(key(imported), name);
    }
  }
  for (const [part, value] of Object.entries(document)) {
    if (part !== 'components') localize(value, file);
  }
  for (const [kind, entries] of Object.entries(document.components ?? {})) {
    for (const name of Object.keys(entries ?? {})) localize(entries[name], sourceOf.get(`${kind}/${name}`).file);
  }
  return document;

  /** Points every ref in `node` (written in `base`) at a component of the bundle. */
  function localize(node, base) {
    if (Array.isArray(node)) return node.forEach((item) => localize(item, base));
    if (node === null || typeof node !== 'object') return;
    if (typeof node.$ref === 'string' && !(base === file && node.$ref.startsWith('#'))) {
      const source = target(node.$ref, base);
      node.$ref = `#/components/${source.kind}/${escape(localName.get(key(source)) ?? bringIn(source))}`;
    }
    for (const [field, value] of Object.entries(node)) if (field !== '$ref') localize(value, base);
  }

  /** Adds a component that a shared one refers to, under its own name. */
  function bringIn(source) {
    const entries = (components()[source.kind] ??= {});
    if (entries[source.name] !== undefined) {
      throw new Error(`${file}: components.${source.kind}.${source.name} clashes with the one in ${source.file}`);
    }
    entries[source.name] = structuredClone(component(source));
    sourceOf.set(`${source.kind}/${source.name}`, source);
    localName.set(key(source), source.name);
    localize(entries[source.name], source.file);
    return source.name;
  }

  function component({ file: at, kind, name }) {
    const found = read(at).components?.[kind]?.[name];
    if (found === undefined) throw new Error(`${at} has no components.${kind}.${name}`);
    return found;
  }
}

/** A component written as nothing but a ref to another file: an import. */
const isImport = (value, file) =>
  value !== null &&
  typeof value === 'object' &&
  Object.keys(value).length === 1 &&
  typeof value.$ref === 'string' &&
  target(value.$ref, file).file !== file;

/** The file and component a ref written in `base` names. */
function target(ref, base) {
  const [location, pointer = ''] = ref.split('#');
  const at = !location
    ? base
    : location.startsWith(BY_PACKAGE)
      ? fromPackage(location.slice(BY_PACKAGE.length), base)
      : resolve(dirname(base), location);
  const parts = /^\/components\/([^/]+)\/([^/]+)$/.exec(pointer);
  if (!parts) throw new Error(`${base}: $ref '${ref}' must name a component, #/components/<kind>/<name>`);
  return { file: at, kind: unescape(parts[1]), name: unescape(parts[2]) };
}

/** A file of a package, found as an import of the package that `base` belongs to would find it. */
function fromPackage(specifier, base) {
  const name = specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
  const manifest = manifestOf(base);
  const { name: own, dependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
  if (own !== name && !(name in dependencies)) {
    throw new Error(`${base} imports from ${name}, which ${manifest} does not list among its dependencies`);
  }
  return createRequire(manifest).resolve(specifier);
}

function manifestOf(file) {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'package.json');
    if (dirname(dir) === dir) throw new Error(`${file} belongs to no package`);
  }
}

const key = ({ file, kind, name }) => `${file}#${kind}/${name}`;
const unescape = (token) => token.replace(/~1/g, '/').replace(/~0/g, '~');
const escape = (token) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const readYaml = (file) => parse(readFileSync(file, 'utf8'));
