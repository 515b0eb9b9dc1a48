// What every Firefox test file shares: the one Firefox of the run, a page object on it, and the
// checks made after every test (as the Chromium specs' afterEach makes them): no console error,
// no refusal of the Content-Security-Policy, no request off this machine.
import assert from 'node:assert/strict';
import { afterEach, before, beforeEach } from 'node:test';
import { FirefoxFactoryPage } from './factory-page.mjs';
import { sharedSession } from './firefox-session.mjs';

/**
 * The longest one test may take, in ms. Chosen with a wide margin: the slowest test took under
 * 5 s on this 2-core machine at a load average of 7; a test that hangs still ends the run.
 */
export const TEST_TIMEOUT_MS = 90_000;

/** The longest Firefox may take to start, in ms (6 to 8 s seen on the same busy machine). */
const START_TIMEOUT_MS = 120_000;

/**
 * Registers the hooks of a test file and returns what its tests use: `firefox.session` and
 * `firefox.page`, set once Firefox runs.
 */
export function useFirefox() {
  const firefox = { session: null, page: null };
  before(async () => {
    firefox.session = await sharedSession();
    firefox.page = new FirefoxFactoryPage(firefox.session);
  }, { timeout: START_TIMEOUT_MS });
  beforeEach(() => firefox.session.keepOneTab());
  afterEach(async () => {
    const { session } = firefox;
    await session.settle();
    const records = {
      consoleErrors: [...session.consoleErrors],
      cspViolations: [...session.cspViolations],
      offHostRequests: session.allOffHostRequests,
    };
    // Whatever this test left is its own failure, not the next one's.
    session.clearRecords();
    assert.deepEqual(records, { consoleErrors: [], cspViolations: [], offHostRequests: [] });
  });
  return firefox;
}
