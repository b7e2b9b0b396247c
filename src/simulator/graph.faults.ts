import type { FaultRoute, FaultSpec } from './simulator.types.ts';

export interface FaultQueue {
  injectFault(spec: FaultSpec): void;
  /** The fault for the next call on `route`, consuming one of its `times`. */
  takeFault(route: FaultRoute): FaultSpec | undefined;
  clearFaults(): void;
}

export function createFaultQueue(): FaultQueue {
  let pending: Array<{ spec: FaultSpec; remaining: number }> = [];
  return {
    injectFault: (spec) => {
      pending.push({ spec, remaining: spec.times ?? 1 });
    },
    takeFault: (route) => {
      const entry = pending.find((candidate) => candidate.spec.route === route && candidate.remaining > 0);
      if (!entry) {
        return undefined;
      }
      entry.remaining -= 1;
      pending = pending.filter((candidate) => candidate.remaining > 0);
      return entry.spec;
    },
    clearFaults: () => {
      pending = [];
    },
  };
}
