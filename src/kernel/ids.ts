import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** Sortable unique id (ULID): creation order is lexical order. */
export function newId(): string {
  return nextUlid();
}
