// Issue 11 (share links of the whole state), end to end: a link made after moving a slider and
// giving treatments on different days reopens the same patient on the same day, lab for lab.
import { test, expect } from '@playwright/test';
import { FactoryPage } from '../pages/factory-page.mjs';

/** Every lab value the report shows, by sample key. */
async function report(page) {
  return page.locator('[data-patient="a"] [data-testid^="lab-"]').evaluateAll((labs) =>
    Object.fromEntries(labs.map((lab) => [lab.dataset.testid, lab.textContent.trim()])));
}

test('a share link carries the treatments and setting changes on their days: same patient, same labs', async ({ page, browser }) => {
  const factory = new FactoryPage(page);
  await factory.open('?preset=iron_deficiency');
  await factory.pause();
  await page.getByTestId('step').click();
  await factory.setSlider('blood_loss_ml_per_day', 0);
  await page.getByTestId('skip-forward').click();
  await page.getByTestId('treatment-select').selectOption('iv_iron');
  await page.getByTestId('treatment-give').click();
  await page.getByTestId('skip-forward').click();
  await page.getByTestId('treatment-select').selectOption('transfusion');
  await page.getByTestId('treatment-give').click();
  await page.getByTestId('step').click();
  await page.getByTestId('share-link').click();
  const link = await page.getByTestId('share-link-url').inputValue();
  expect(link).toContain('log=');
  expect(link.length).toBeLessThan(2048);
  const day = await factory.day();
  const expected = await report(page);

  // A shared state opens paused on its day.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const other = new FactoryPage(await context.newPage());
  await other.page.goto(link);
  await expect(other.factoryCanvas).toBeVisible();
  await expect(other.playPause).toHaveAttribute('aria-pressed', 'false');
  expect(await other.day()).toBe(day);
  expect(await report(other.page)).toEqual(expected);
  expect(other.consoleErrors).toEqual([]);
  expect(factory.consoleErrors).toEqual([]);
  await context.close();
});

test('a broken step of a link is named and the rest of the link still loads', async ({ page }) => {
  const factory = new FactoryPage(page);
  await factory.open('?preset=ckd&log=5:g:magic:1:1~10:s:il6_pg_per_ml:40&day=20');
  await expect(factory.notices.first()).toContainText('5:g:magic:1:1');
  await factory.pause();
  await expect(factory.slider('il6_pg_per_ml')).toHaveValue('40');
  expect(await factory.day()).toBeGreaterThanOrEqual(20);
});
