/**
 * Erlang C: the probability that a contact waits, with `servers` servers and `traffic` Erlangs offered
 * (arrival rate × handle time). Computed through the Erlang B recursion, which stays stable for hundreds
 * of servers: B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)); C = N·B / (N − A·(1 − B)).
 */
export function erlangC(servers: number, traffic: number): number {
  if (traffic <= 0) {
    return 0;
  }
  if (servers <= traffic) {
    return 1;
  }
  let b = 1;
  for (let n = 1; n <= servers; n += 1) {
    b = (traffic * b) / (n + traffic * b);
  }
  return (servers * b) / (servers - traffic * (1 - b));
}

/** Share of contacts answered within `targetSeconds`: 1 − C·e^(−(N − A)·t / handle time). */
export function serviceLevel(
  servers: number,
  traffic: number,
  handleSeconds: number,
  targetSeconds: number,
): number {
  if (traffic <= 0) {
    return 1;
  }
  if (servers <= traffic) {
    return 0;
  }
  return 1 - erlangC(servers, traffic) * Math.exp((-(servers - traffic) * targetSeconds) / handleSeconds);
}

export interface StaffingTarget {
  /** Share answered within `targetSeconds` (0.8 = 80 %). */
  serviceLevel: number;
  targetSeconds: number;
  /** Mean time one chat keeps an agent's slot busy. */
  handleSeconds: number;
  /** Chats one agent handles at once. */
  chatsPerAgent: number;
}

/**
 * Agents needed for an hour with `arrivals` new chats. An agent handling c chats at once is c servers
 * (each chat slot takes the next waiting chat), so the smallest number of slots meeting the target is
 * found with Erlang C and divided by c, rounded up.
 */
export function agentsNeeded(arrivals: number, target: StaffingTarget): number {
  const traffic = (arrivals * target.handleSeconds) / 3600;
  if (traffic <= 0) {
    return 0;
  }
  let slots = Math.max(1, Math.floor(traffic) + 1);
  while (serviceLevel(slots, traffic, target.handleSeconds, target.targetSeconds) < target.serviceLevel) {
    slots += 1;
  }
  return Math.ceil(slots / target.chatsPerAgent);
}
