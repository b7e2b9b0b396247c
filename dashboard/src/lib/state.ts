/**
 * The dashboard's client-state library, reached only through this file (server state lives in the
 * react-query cache). A tiny atom store over useSyncExternalStore: swap the implementation here, not
 * in features.
 */
import { useCallback, useSyncExternalStore } from 'react';

type Listener = () => void;
type Updater<T> = T | ((previous: T) => T);

export interface Atom<T> {
  get(): T;
  set(next: Updater<T>): void;
  subscribe(listener: Listener): () => void;
  reset(): void;
}

export function atom<T>(initial: T): Atom<T> {
  let value = initial;
  const listeners = new Set<Listener>();
  const set = (next: Updater<T>) => {
    const resolved = typeof next === 'function' ? (next as (previous: T) => T)(value) : next;
    if (Object.is(resolved, value)) {
      return;
    }
    value = resolved;
    for (const listener of listeners) {
      listener();
    }
  };
  return {
    get: () => value,
    set,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    reset: () => set(initial),
  };
}

export function useAtomValue<T>(source: Atom<T>): T {
  return useSyncExternalStore(source.subscribe, source.get, source.get);
}

export function useSetAtom<T>(source: Atom<T>): (next: Updater<T>) => void {
  return useCallback((next: Updater<T>) => source.set(next), [source]);
}

export function useAtom<T>(source: Atom<T>): [T, (next: Updater<T>) => void] {
  return [useAtomValue(source), useSetAtom(source)];
}

/** Derived read of part of an atom; re-renders only when the selected value changes (Object.is). */
export function useAtomSelector<T, S>(source: Atom<T>, select: (value: T) => S): S {
  const getSnapshot = () => select(source.get());
  return useSyncExternalStore(source.subscribe, getSnapshot, getSnapshot);
}
