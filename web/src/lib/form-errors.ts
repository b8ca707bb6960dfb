import type { FormInstance } from 'antd';
import type { FieldError } from '../api/errors.ts';

type NamePath = (string | number)[];

const toSegments = (path: string): NamePath =>
  path
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

const sameName = (a: NamePath, b: NamePath) => a.length === b.length && a.every((s, i) => String(s) === String(b[i]));

/**
 * Puts the server's per-field errors on the matching form fields. `regionCodes.2` lands on the
 * `regionCodes` field when there is no field for the single item. Returns the errors no field could show.
 */
export function applyFieldErrors(form: FormInstance, errors: FieldError[]): FieldError[] {
  const registered = form.getFieldsError().map((f) => f.name as NamePath);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const segments = toSegments(error.path);
    let name: NamePath | undefined;
    for (let len = segments.length; len > 0 && !name; len--) {
      const prefix = segments.slice(0, len);
      name = registered.find((r) => sameName(r, prefix));
    }
    if (!name) {
      unmatched.push(error);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(error.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unmatched;
}
