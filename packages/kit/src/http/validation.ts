import AjvCompiler from '@fastify/ajv-compiler';

/**
 * Query strings, path parameters and headers are text, so their values are coerced to
 * the declared types (`?limit=5`). JSON bodies carry their own types: a number where
 * the contract says string is a 400, not silently turned into "42".
 */
const ajvPool = AjvCompiler();
export const exactBodies: AjvCompiler.BuildCompilerFromPool = (externalSchemas, options = {}) => {
  const coercing = ajvPool(externalSchemas, options);
  const { customOptions, ...rest } = options as { customOptions?: AjvCompiler.Options };
  const exact = ajvPool(externalSchemas, { ...rest, customOptions: { ...customOptions, coerceTypes: false } });
  const byPart = (route: { httpPart?: string }) => (route.httpPart === 'body' ? exact : coercing)(route as never);
  return byPart as unknown as ReturnType<AjvCompiler.BuildCompilerFromPool>;
};
