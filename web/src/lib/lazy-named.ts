import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/** React.lazy for a named export, so page modules keep named exports and still split per route. */
export function lazyNamed<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}
