// Waiting for conditions, never for a fixed time: the Firefox tests' counterpart of Playwright's
// auto-waiting `expect` and `expect.poll`.

/**
 * How long a condition may take before the test fails, in ms. Chosen, not measured: Playwright's
 * default is 5 s; a busy 2-core machine running Firefox beside other builds is several times
 * slower than that, and a wait that runs out fails the test with the last value it saw.
 */
export const WAIT_TIMEOUT_MS = 15_000;

/** How often a condition is checked, in ms: often enough that a test never waits long for a met one. */
const POLL_INTERVAL_MS = 50;

/**
 * Reads `probe()` until `until(value)` holds and returns that value. A probe that throws (an
 * element not there yet) counts as not yet. After `timeoutMs` it throws, naming `what` and the
 * last value or error seen.
 *
 * @template T
 * @param {() => Promise<T> | T} probe
 * @param {{ until?: (value: T) => boolean, what?: string, timeoutMs?: number }} [options]
 * @returns {Promise<T>}
 */
export async function waitFor(probe, { until = Boolean, what = 'a condition', timeoutMs = WAIT_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (until(value)) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const seen = last instanceof Error ? `${last.name}: ${last.message}` : JSON.stringify(last);
      throw new Error(`waited ${timeoutMs} ms for ${what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Waits until `probe()` equals `expected` (compared as JSON, so arrays and objects work too). */
export function waitForEqual(probe, expected, what) {
  const wanted = JSON.stringify(expected);
  return waitFor(probe, { until: (value) => JSON.stringify(value) === wanted, what: `${what} to be ${wanted}` });
}
