/**
 * Work a worker process does continuously rather than once per event: delivering the
 * mail and webhook calls that are due, each from a table of its own where several
 * replicas claim rows (`for update skip locked`) so none is done twice at once. It runs
 * in the `worker` and `all` roles, from `start` until `close`, which aborts `signal`
 * and waits for `run` to return: a loop stops claiming new work when the signal fires
 * and returns once what it holds is finished or put back.
 */
export interface Loop {
  /** For logs: what it does. */
  name: string;
  run(signal: AbortSignal): Promise<void>;
}
