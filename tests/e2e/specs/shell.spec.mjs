// The built page end to end: it loads, animates, responds to its slider, stays on the local host,
// and passes an accessibility scan.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { FactoryPage } from '../pages/factory-page.mjs';

test.describe('the Marrow Factory page', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
    await factory.open();
  });

  test.afterEach(async () => {
    expect(factory.consoleErrors, 'console errors').toEqual([]);
    expect(factory.offHostRequests, 'requests that left 127.0.0.1').toEqual([]);
  });

  test('shows its name and the factory', async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Marrow Factory');
    const box = await factory.factoryCanvas.boundingBox();
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(150);
  });

  test('draws the factory on every animation frame', async ({ page }) => {
    const first = await factory.canvasImage(factory.factoryCanvas);
    await page.waitForTimeout(250);
    const second = await factory.canvasImage(factory.factoryCanvas);
    expect(second).not.toEqual(first);
  });

  test('the simulated clock runs', async () => {
    await expect(factory.simDay).not.toHaveText('0', { timeout: 5_000 });
  });

  test('moving the iron slider redraws the chart', async () => {
    const slider = factory.slider('iron_intake_mg_per_day');
    await expect(slider).toHaveValue('14');
    const before = await factory.canvasImage(factory.chart);
    await factory.setSlider('iron_intake_mg_per_day', 3);
    await expect(slider).toHaveValue('3');
    await expect.poll(() => factory.canvasImage(factory.chart)).not.toEqual(before);
  });

  test('has no serious or critical WCAG 2.1 AA violations', async ({ page }) => {
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
  });
});
