// Issue 9, end to end: the B12 replacement course is one order in the treatments menu and keeps
// pernicious anemia in remission (its later doses come by themselves; Reset all cancels them),
// and "About the model" shows the model's notes with the validation table as a real table.
import { test, expect } from '@playwright/test';
import { FactoryPage } from '../pages/factory-page.mjs';

/** Skips forward 30 days at a time until the page shows `day` or later. */
async function skipTo(factory, day) {
  while ((await factory.day()) < day) {
    const before = await factory.day();
    await factory.page.getByTestId('skip-forward').click();
    await expect.poll(() => factory.day()).toBeGreaterThan(before);
  }
}

test.describe('treatment courses and the model notes', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
  });

  test.afterEach(async () => {
    expect(factory.consoleErrors).toEqual([]);
  });

  test('the B12 course is one order and keeps pernicious anemia in remission; Reset all cancels it', async ({ page }) => {
    await factory.open('?preset=b12_deficiency');
    await factory.pause();
    await expect(factory.lab('b12_pg_ml')).toHaveAttribute('data-flag', 'low');
    await expect(factory.lab('mcv_fl')).toHaveAttribute('data-flag', 'high');

    await page.getByTestId('treatment-select').selectOption('b12_course');
    await expect(page.getByTestId('treatment-days')).toHaveCount(0);
    await expect(page.getByTestId('treatment-dose')).toHaveValue('1000');
    await expect(page.getByTestId('treatment-hint')).toContainText('every 3 months');
    await page.getByTestId('treatment-give').click();
    await expect(page.getByTestId('treatment-message')).toContainText('Vitamin B12 course');

    // Past the loading doses and three maintenance doses: the blood count is normal again.
    await skipTo(factory, 300);
    for (const key of ['hb_g_dl', 'mcv_fl', 'b12_pg_ml', 'mma_umol_l']) {
      await expect(factory.lab(key)).toHaveAttribute('data-flag', 'normal');
    }
    // A year and more on, still in remission: the maintenance doses kept coming.
    await skipTo(factory, 420);
    await expect(factory.lab('b12_pg_ml')).toHaveAttribute('data-flag', 'normal');
    await expect(factory.lab('mcv_fl')).toHaveAttribute('data-flag', 'normal');

    // Reset all: back to the untreated patient, and no dose is left waiting.
    await page.getByTestId('reset-all').click();
    await expect(factory.simDay).toHaveText('0');
    await factory.pause();
    await skipTo(factory, 120);
    await expect(factory.lab('b12_pg_ml')).toHaveAttribute('data-flag', 'low');
    await expect(factory.lab('mcv_fl')).toHaveAttribute('data-flag', 'high');
  });

  test('About the model shows the notes, with the validation table as a table', async ({ page }) => {
    await factory.open();
    const about = page.getByTestId('about-model');
    await expect(about).toBeVisible();
    await expect(about.locator('table')).toHaveCount(0);
    await about.locator('summary').click();
    await expect(about.getByRole('heading', { name: 'Simplified for teaching' })).toBeVisible();
    const validation = about.locator('table', { has: page.getByRole('columnheader', { name: 'source' }) }).first();
    await expect(validation).toBeVisible();
    expect(await validation.locator('tbody tr').count()).toBeGreaterThan(100);
  });
});
