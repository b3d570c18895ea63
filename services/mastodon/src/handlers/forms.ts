import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

/**
 * The fields of a body as Mastodon apps send it: JSON, a urlencoded form or multipart
 * (files are read and dropped: Starling takes none on these operations). A field named
 * `x[]` is gathered into an array under `x`, whatever the encoding.
 */
export async function formFields(request: FastifyRequest): Promise<Record<string, unknown>> {
  const fields: Record<string, unknown> = {};
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type === 'file') await part.toBuffer();
      else add(fields, part.fieldname, part.value);
    }
    return fields;
  }
  for (const [name, value] of Object.entries((request.body ?? {}) as Record<string, unknown>)) add(fields, name, value);
  return fields;
}

function add(fields: Record<string, unknown>, name: string, value: unknown): void {
  if (!name.endsWith('[]')) {
    fields[name] = value;
    return;
  }
  const key = name.slice(0, -2);
  const values = Array.isArray(value) ? value : [value];
  fields[key] = [...((fields[key] as unknown[] | undefined) ?? []), ...values];
}

/** A text field, or undefined when it is absent or not text. */
export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
