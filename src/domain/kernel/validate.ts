// Edge validation: zod schemas whose messages are locale keys, so the same schema serves the HTML form
// (messages translated next to each field) and the JSON API (keys returned to programs).
import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Parses input with a schema or throws AppError(invalid_input) carrying one message key per field;
 * `params` fill placeholders in those messages (e.g. the minimum password length). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, params: Record<string, string | number> = {}): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const field = issue.path.join('.') || '_';
    // Messages we set are keys like "error.x"; zod's own messages (types we did not expect) fall back.
    fields[field] ??= issue.message.startsWith('error.') ? issue.message : 'error.invalid_value';
  }
  throw new AppError('invalid_input', 'error.form_invalid', params, fields);
}
