/** The outcome of work run under a time budget: its value, or `timeout` when it ran past the budget. */
export type Budgeted<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs `work` with a budget: a result that arrives after the deadline is dropped, and the caller does
 * not wait for it (a slow decoder or tool keeps running only until its own hard limit).
 */
export async function withBudget<T>(budgetMs: number, work: () => Promise<T>): Promise<Budgeted<T>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), budgetMs);
  });
  try {
    const pending = work();
    pending.catch(() => {});
    const first = await Promise.race([pending.then((value) => ({ value })), deadline]);
    if (first === 'late' || performance.now() - started > budgetMs) {
      return { ok: false };
    }
    return { ok: true, value: first.value };
  } finally {
    clearTimeout(timer);
  }
}
