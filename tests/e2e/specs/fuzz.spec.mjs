// UI fuzzing, short runs (issue 12): two fixed seeds of random clicks, keys, slider moves, preset,
// tour, case, units, language, compare, projector and treatment changes, exports and reloads
// (fuzz/ui-fuzz.mjs). After every action: no console error, no uncaught exception, no crash
// overlay, no request off the local host, and the page still answers. The benchmark command runs
// the same fuzzer for 10 minutes with memory samples (fuzz/long-run.mjs).
//
// Replay a seed (a failure prints it): FUZZ_SEED=1234 npx playwright test specs/fuzz.spec.mjs
// (FUZZ_ACTIONS changes how many actions each run makes; FUZZ_TRACE=1 prints every action).
import { test, expect } from '@playwright/test';
import { runUiFuzz, SHORT_RUN_SEEDS } from '../fuzz/ui-fuzz.mjs';

/** Actions per seed: about half a minute each on the 2-core test machine. */
const ACTIONS = Number(process.env.FUZZ_ACTIONS ?? 300);
const seeds = process.env.FUZZ_SEED ? [Number(process.env.FUZZ_SEED)] : SHORT_RUN_SEEDS;

for (const seed of seeds) {
  test(`ui fuzz, seed ${seed}: ${ACTIONS} random actions leave no error and a page that answers`, async ({ page, baseURL }) => {
    test.setTimeout(60_000 + ACTIONS * 1000);
    const result = await runUiFuzz(page, {
      seed,
      actions: ACTIONS,
      baseUrl: baseURL,
      trace: Boolean(process.env.FUZZ_TRACE),
    });
    expect(result.failure, result.failure ?? '').toBeNull();
    expect(result.actions).toBe(ACTIONS);
    // The run did act on the page: most actions reached their control.
    expect(result.acted).toBeGreaterThan(ACTIONS * 0.8);
  });
}

test('the fuzzer notices a panic, and its report names the seed, the action and the actions before it', async ({ page, baseURL }) => {
  const logged = [];
  const result = await runUiFuzz(page, {
    seed: 1,
    actions: 20,
    baseUrl: baseURL,
    navigation: false,
    log: (line) => logged.push(line),
    // After the fifth action the page is made to panic (the recovery tests' hook): the check after
    // the sixth must see it.
    between: async (index) => {
      if (index === 4) await page.evaluate(() => window.wasmBindings.force_panic_for_tests());
    },
  });
  expect(result.failure).toContain('ui fuzz FAILED: seed 1, action #5');
  expect(result.failure).toContain('the error overlay is shown');
  expect(result.failure).toMatch(/console error: panicked at [^]*forced by the test hook/);
  expect(result.failure).toContain('last 20 actions:\n  #0 ');
  expect(result.failure).toContain('replay: FUZZ_SEED=1');
  expect(result.actions).toBe(6);
  expect(logged.join('\n')).toContain(result.failure);
});
