// What a process's entry point loads first (`@starling/kit/tracing`): nothing here may
// import what tracing instruments (node:http, pg, Fastify), or it would load unpatched.
export { ConfigError } from '../settings.js';
export { startTracing, tracingActive, type Tracing } from './start.js';
