/**
 * A Fastify compilers factory (a validator's or a serializer's) whose compilers build
 * each route's function when the route is first used, rather than all of them while the
 * app starts. Compiling every operation's schemas (ajv for the requests,
 * fast-json-stringify for the answers) was a fifth of the embedded process's cold start
 * and kept code in memory for routes a deployment may never see; the first request of
 * a route now pays for its own (milliseconds). A schema that cannot be compiled fails
 * that route's requests instead of the start: the contract tests (test/api) call every
 * operation.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Fastify's compilers factories differ in their arguments
export function compileOnFirstUse<Factory extends (...args: any[]) => (route: any) => unknown>(
  factory: Factory,
): Factory {
  return ((...args: Parameters<Factory>) => {
    const compile = factory(...args);
    return (route: unknown) => {
      let compiled: ((input: unknown) => unknown) & { errors?: unknown };
      const onFirstUse = (input: unknown) => {
        compiled ??= compile(route) as typeof compiled;
        const result = compiled(input);
        // Fastify reads a failed validation's reasons from the function it called (ajv's `errors`).
        onFirstUse.errors = compiled.errors;
        return result;
      };
      onFirstUse.errors = undefined as unknown;
      return onFirstUse;
    };
  }) as Factory;
}
