import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '@starling/kit';

export class DataDirLocked extends Error {
  override name = 'DataDirLocked';
}

/**
 * Embedded PGlite keeps no lock of its own: a second process opening DATA_DIR would
 * happily write to the same files and corrupt them. So the commands that open it take
 * `DATA_DIR/starling.pid`, created exclusively; a file left by a process that no
 * longer runs (killed) is taken over. On PostgreSQL there is nothing to lock. Returns
 * the release function (also run on exit).
 */
export function lockDataDir(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>, command: string): () => void {
  if (config.DATABASE_URL || config.DATA_DIR === 'memory://') return () => {};
  mkdirSync(config.DATA_DIR, { recursive: true });
  const file = resolve(config.DATA_DIR, 'starling.pid');
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid} ${command}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
      const [pid, holder] = readFileSync(file, 'utf8').trim().split(' ');
      if (isRunning(Number(pid))) {
        throw new DataDirLocked(
          `the embedded database in ${config.DATA_DIR} is in use by another starling process ` +
            `(pid ${pid}, "${holder ?? '?'}"); stop it first: only one process may open DATA_DIR`,
        );
      }
      unlinkSync(file);
    }
  }
  const release = () => {
    try {
      if (readFileSync(file, 'utf8').startsWith(`${process.pid} `)) unlinkSync(file);
    } catch {
      // already gone
    }
    process.off('exit', release);
  };
  process.on('exit', release);
  return release;
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
