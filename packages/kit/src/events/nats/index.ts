/** The distributed event bus on NATS JetStream (see docs/distributed.md). */
export { JetStreamBus, type JetStreamBusOptions } from './bus.js';
export { BusNames } from './names.js';
export { NatsLink } from './connection.js';
