import type { QueryKey } from '@tanstack/react-query';
import { UNKEYED } from '../api/query-keys.ts';

const ids = new WeakMap<object, number>();
let next = 0;

/**
 * A key for a hook called without one: the loader's identity, so a new loader (new filters in its closure)
 * starts a new query, as before the cache existed. Give a hook a key from query-keys.ts to share its cache.
 */
export function unkeyed(load: object): QueryKey {
  let id = ids.get(load);
  if (id === undefined) {
    id = ++next;
    ids.set(load, id);
  }
  return [UNKEYED, id];
}
