// Issue 11 (keyboard and screen readers), end to end: the shortcuts dialog, the polite live
// summary, and the factory described in words.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { FactoryPage } from '../pages/factory-page.mjs';

test.describe('keyboard and screen readers', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
  });

  test.afterEach(async () => {
    expect(factory.consoleErrors).toEqual([]);
  });

  test('? opens the shortcuts, Esc closes them and focus comes back', async ({ page }) => {
    await factory.open();
    await factory.pause();
    await page.getByTestId('step').focus();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const dialog = page.getByTestId('shortcuts-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Alt + R');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('the live summary says the day and the key labs, and follows a step', async ({ page }) => {
    await factory.open('?preset=iron_deficiency');
    await factory.pause();
    const summary = page.getByTestId('live-summary');
    await expect(summary).toHaveAttribute('aria-live', 'polite');
    await expect(summary).toContainText(/Hemoglobin [\d.]+ g\/dL, low/);
    const day = await factory.day();
    await page.getByTestId('skip-forward').click();
    await expect(summary).toContainText(`Day ${day + 30}:`);
  });

  test('the factory is described in words, and the words follow the model', async ({ page }) => {
    await factory.open('?preset=healthy');
    const words = page.getByTestId('scene-description');
    await expect(factory.factoryCanvas).toHaveAttribute('aria-describedby', 'scene-description');
    await expect(words).toContainText('Warehouse ferroportin gate: Gate');
    await expect(words).toContainText('Command centre (kidney, EPO): EPO');
    await factory.open('?preset=myeloma');
    await expect(words).toContainText(/Squatters \(myeloma plasma cells\): [1-9]\d* % of the marrow taken/);
  });
});

// WCAG 2.2 target size (2.5.8): every control at least 24 × 24 px, or spaced so, at phone, tablet
// and desktop widths. The factory's gates, grown to 44 px on a phone, reach into the transferrin
// pipe's region; Lighthouse's mobile audit found the gut gate's free area 12.8 px wide.
for (const [width, height] of [[375, 667], [768, 1024], [1366, 768]]) {
  test.describe(`at ${width} × ${height}`, () => {
    test.use({ viewport: { width, height }, isMobile: width < 500, hasTouch: width < 500 });

    test('every target is big enough or spaced enough', async ({ page }) => {
      const factory = new FactoryPage(page);
      await factory.open();
      const results = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
      const found = results.violations
        .flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')));
      expect(found).toEqual([]);
      expect(factory.consoleErrors).toEqual([]);
    });

    test('nothing makes the page wider than the screen', async ({ page }) => {
      const factory = new FactoryPage(page);
      // At 375 px the patient picker once pushed the page to 425 px with this preset open.
      await factory.open('?preset=inflammation');
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return {
          scrollWidth: document.documentElement.scrollWidth,
          width,
          wide: [...document.querySelectorAll('body *')]
            .filter((element) => element.getBoundingClientRect().right > width + 1)
            .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
            .slice(0, 5),
        };
      });
      expect(overflow.wide).toEqual([]);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
    });
  });
}
