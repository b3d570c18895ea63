/**
 * The API docs page (Swagger UI at /docs) with a content policy of its own: the
 * plugin's, listing the hashes of its inline parts, but never framed by another site
 * and not forcing https on a server that speaks plain http.
 */
export const docsPolicy = {
  staticCSP: true,
  transformStaticCSP: (policy: string) =>
    policy.replace("frame-ancestors 'self'", "frame-ancestors 'none'").replace(/\s*upgrade-insecure-requests;?/, ''),
};
