// Issue 11, end to end: after one visit the whole app (tours, cases and the model's notes included)
// runs with the network cut, from the service worker's cache; and it can be installed (a manifest
// with icons, a worker that controls the page).
import { test, expect } from '@playwright/test';
import { FactoryPage } from '../pages/factory-page.mjs';

const isControlled = (page) => page.evaluate(() => Boolean(navigator.serviceWorker.controller));

test.describe('offline app', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
  });

  test.afterEach(async () => {
    expect(factory.consoleErrors, 'console errors').toEqual([]);
    expect(factory.offHostRequests, 'requests that left 127.0.0.1').toEqual([]);
  });

  test('can be installed: a manifest with icons and a worker that keeps every file of the build', async ({ page }) => {
    await factory.open();
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href);
    expect(manifest.name).toBe('Marrow Factory');
    expect(manifest.start_url).toBe('.');
    expect(manifest.display).toBe('standalone');
    for (const icon of manifest.icons) {
      const status = await page.evaluate(async (src) => (await fetch(src)).status, icon.src);
      expect(status, icon.src).toBe(200);
    }
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The build stamped the worker with its files: the page's script, WebAssembly and styles.
    const worker = await page.evaluate(async () => (await fetch('sw.js')).text());
    const files = JSON.parse(/^const BUILD_FILES = (.*);$/m.exec(worker)[1]);
    expect(files.some((file) => file.endsWith('.wasm'))).toBe(true);
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    expect(files).toContain('README.md');
    expect(worker).not.toMatch(/const BUILD = 'unstamped'/);
    // Everything the page loaded is in the cache once the worker is active. Not the worker's own
    // script: this test fetched it above, and the worker keeps it only if it already controlled
    // the page then (`ready` can come before the page is claimed), as the browser checks it for
    // updates from the network anyway.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.origin === location.origin && /\.(js|wasm|css)$/.test(url.pathname))
      .filter((url) => !url.pathname.endsWith('/sw.js'))
      .map((url) => url.pathname));
    expect(loaded.length).toBeGreaterThan(0);
    const missing = await page.evaluate(async (paths) => {
      const found = await Promise.all(paths.map((path) => caches.match(path)));
      return paths.filter((_, index) => !found[index]);
    }, loaded);
    expect(missing).toEqual([]);
  });

  test('after one visit the page, a preset, a tour, a case and the model notes work with the network cut', async ({ page, context }) => {
    await factory.open();
    await page.evaluate(() => navigator.serviceWorker.ready);
    if (!(await isControlled(page))) {
      await page.reload();
      await expect(factory.factoryCanvas).toBeVisible();
    }
    await expect.poll(() => isControlled(page)).toBe(true);

    await context.setOffline(true);
    const answered = [];
    page.on('response', (response) => answered.push([response.url(), response.fromServiceWorker()]));
    await page.reload();
    await expect(factory.factoryCanvas).toBeVisible();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.filter(([, fromWorker]) => !fromWorker), 'answered by the network').toEqual([]);

    await factory.presetSelect.selectOption('iron_deficiency');
    await expect(factory.lab('hb_g_dl')).toHaveAttribute('data-flag', 'low');

    const tours = page.getByTestId('tour-select');
    await tours.selectOption('iron_heist');
    await expect(page.getByTestId('tour-step')).toHaveText(/^1 \/ \d+$/);
    await page.getByTestId('tour-exit').click();
    await expect(page.getByTestId('tour-step')).toHaveCount(0);

    const cases = page.getByTestId('case-select');
    const caseIds = (await cases.locator('option').evaluateAll((options) => options.map((o) => o.value))).filter(Boolean);
    expect(caseIds.length).toBeGreaterThanOrEqual(12);
    await cases.selectOption(caseIds[0]);
    await expect(page.getByTestId('case-panel')).toBeVisible();
    await page.getByTestId('case-order-cbc').click();
    await expect(page.getByTestId('case-result-cbc')).toBeVisible();
    await page.getByTestId('case-leave').click();
    await expect(page.getByTestId('case-panel')).toHaveCount(0);

    const about = page.getByTestId('about-model');
    await about.locator('summary').click();
    await expect(about.getByRole('heading', { name: 'Simplified for teaching' })).toBeVisible();
    await expect(about.locator('.about-failed')).toHaveCount(0);

    // A link opened offline is the same page with its query.
    await page.goto('/?preset=ckd');
    await expect(factory.presetSelect).toHaveValue('ckd');
    await context.setOffline(false);
  });
});
