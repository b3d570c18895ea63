import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

const CHILD = Symbol('child');
const BINDINGS = Symbol('bindings');
const OPTIONS = Symbol('options');

interface Pending {
  [CHILD]?: FastifyBaseLogger;
  [BINDINGS]: Record<string, unknown>;
  [OPTIONS]: object;
}

type Lazy = FastifyBaseLogger & Pending;

/** Per server logger: what every request's lazy logger inherits. */
const prototypes = new WeakMap<FastifyBaseLogger, object>();

function lazyPrototype(server: FastifyBaseLogger): object {
  const parent = server as Logger;
  let proto = prototypes.get(parent);
  if (proto) return proto;
  const real = (lazy: Lazy): FastifyBaseLogger => (lazy[CHILD] ??= server.child(lazy[BINDINGS], lazy[OPTIONS]));
  // Everything else (levels, serializers, the destination) is the parent's, as a child's would be.
  proto = Object.create(parent) as object;
  for (const level of LEVELS) {
    Object.defineProperty(proto, level, {
      writable: true,
      value(this: Lazy, ...args: unknown[]) {
        const logger = this[CHILD] ?? (parent.isLevelEnabled(level) ? real(this) : undefined);
        (logger?.[level] as ((...a: unknown[]) => void) | undefined)?.apply(logger, args);
      },
    });
  }
  Object.defineProperties(proto, {
    child: {
      value(this: Lazy, bindings: Record<string, unknown>, options?: object) {
        return real(this).child(bindings, options);
      },
    },
    isLevelEnabled: {
      value(this: Lazy, level: string) {
        return ((this[CHILD] as Logger | undefined) ?? parent).isLevelEnabled(level);
      },
    },
    bindings: {
      value(this: Lazy) {
        return (real(this) as FastifyBaseLogger & { bindings(): object }).bindings();
      },
    },
    setBindings: {
      value(this: Lazy, bindings: Record<string, unknown>) {
        (real(this) as FastifyBaseLogger & { setBindings(b: object): void }).setBindings(bindings);
      },
    },
    level: {
      get(this: Lazy) {
        return (this[CHILD] ?? parent).level;
      },
      set(this: Lazy, level: string) {
        real(this).level = level;
      },
    },
  });
  prototypes.set(server, proto);
  return proto;
}

/**
 * Each request's logger, made into a child of the server's only when the request logs
 * something. Most requests log nothing, and making a pino child costs a pass of the
 * redaction (logger.ts) over its bindings: more than the rest of a cached read's logging.
 * A route with a level or serializers of its own gets its child at once.
 */
export const lazyChildLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (logger, bindings, options) => {
  if (options && Object.keys(options).length > 0) return logger.child(bindings, options);
  const lazy = Object.create(lazyPrototype(logger)) as Lazy;
  lazy[BINDINGS] = bindings;
  lazy[OPTIONS] = options ?? {};
  return lazy;
};
