// One place to register teardown work, so that a normal finish, a thrown
// error and Ctrl-C all leave no child process or temp dir behind.

const tasks = [];
let running = null;
let signalExitCode = null;

/**
 * The exit code owed to a signal that asked us to stop (130 for SIGINT,
 * 143 for SIGTERM), or null. Failures after that are consequences, not news.
 */
export function interruptedExitCode() {
  return signalExitCode;
}

/**
 * Throw once a signal has asked us to stop, so nothing new (a server, a seed, a load
 * run) starts while teardown is stopping the rest, and nothing is left behind.
 */
export function throwIfInterrupted() {
  if (signalExitCode !== null) throw new Error('interrupted');
}

/** Register fn to run at teardown. Tasks run in reverse registration order. */
export function onCleanup(fn) {
  tasks.push(fn);
}

/** Run every registered task once; safe to call repeatedly and concurrently. */
export function cleanup() {
  running ??= (async () => {
    while (tasks.length > 0) {
      const task = tasks.pop();
      try {
        await task();
      } catch (err) {
        console.error(`cleanup: ${err.message}`);
      }
    }
  })();
  return running;
}

/** Turn SIGINT/SIGTERM into an orderly teardown instead of orphaned children. */
export function cleanupOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      signalExitCode = signal === 'SIGINT' ? 130 : 143;
      console.error(`\n${signal} received, cleaning up...`);
      await cleanup();
      process.exit(signalExitCode);
    });
  }
}
