// Issue 12 (crash recovery), end to end: a panic never leaves a dead page. The page keeps its last
// good state in the browser (the share link's query); a panic puts up `error-overlay`, whose
// "Restore the last good state" reopens the same patient, lab for lab, with working controls.
// The panic is forced through a test hook the app exports to Trunk's `window.wasmBindings`
// (`force_panic_for_tests`: the next animation frame panics inside the simulation's update).
import { test, expect } from '@playwright/test';
import { FactoryPage } from '../pages/factory-page.mjs';

/** Where the page keeps its last good state (src/app/recovery.rs). */
const STATE_KEY = 'marrow-factory.last-good-state';

/** Every lab value the report shows, by sample key. */
async function report(page) {
  return page.locator('[data-patient="a"] [data-testid^="lab-"]').evaluateAll((labs) =>
    Object.fromEntries(labs.map((lab) => [lab.dataset.testid, lab.textContent.trim()])));
}

/** Panics the app through its test hook and waits for the overlay. */
async function forcePanic(factory) {
  await factory.page.waitForFunction(() => typeof window.wasmBindings?.force_panic_for_tests === 'function');
  await factory.page.evaluate(() => window.wasmBindings.force_panic_for_tests());
  await expect(factory.page.getByTestId('error-overlay')).toBeVisible();
}

/** The errors a panic writes: the panic hook's console message and the trap it ends in. */
function panicErrors(errors) {
  return errors.filter((error) => !/forced by the test hook|RuntimeError: unreachable/.test(error));
}

test('a forced panic shows the overlay; restoring brings back the same patient, lab for lab, with live controls', async ({ page }) => {
  const factory = new FactoryPage(page);
  await factory.open('?preset=iron_deficiency');
  await factory.pause();
  await factory.step();
  await factory.setSlider('blood_loss_ml_per_day', 0);
  await page.getByTestId('skip-forward').click();
  await page.getByTestId('treatment-select').selectOption('iv_iron');
  await page.getByTestId('treatment-give').click();
  await factory.step();
  const day = await factory.day();
  const labs = await report(page);
  const settings = await page.locator('[data-patient="a"] [data-testid^="slider-"]').evaluateAll((sliders) =>
    sliders.map((slider) => [slider.dataset.testid, slider.value]));

  await forcePanic(factory);
  const overlay = page.getByTestId('error-overlay');
  await expect(overlay.getByRole('heading')).toContainText('went wrong inside the simulation');
  // The dead page behind is out of reach; the way out has the focus.
  await expect(page.locator('.page')).toHaveAttribute('inert', '');
  await expect(page.getByTestId('error-restore')).toBeFocused();
  // The program's own message is there, folded away.
  await expect(page.getByTestId('error-message')).toBeHidden();
  await overlay.locator('summary').click();
  await expect(page.getByTestId('error-message')).toContainText('forced by the test hook');
  expect(panicErrors(factory.consoleErrors)).toEqual([]);

  await page.getByTestId('error-restore').click();
  await expect(factory.factoryCanvas).toBeVisible();
  await expect(page.getByTestId('error-overlay')).toHaveCount(0);
  await expect(factory.playPause).toHaveAttribute('aria-pressed', 'false');
  expect(await factory.day()).toBe(day);
  expect(await report(page)).toEqual(labs);
  expect(await page.locator('[data-patient="a"] [data-testid^="slider-"]').evaluateAll((sliders) =>
    sliders.map((slider) => [slider.dataset.testid, slider.value]))).toEqual(settings);

  // No dead controls: the clock steps, a slider moves the labs, play plays.
  await factory.step();
  expect(await factory.day()).toBe(day + 1);
  const ferritin = await factory.labValue('ferritin_ng_ml');
  await factory.setSlider('blood_loss_ml_per_day', 50);
  await page.getByTestId('skip-forward').click();
  await expect.poll(() => factory.labValue('ferritin_ng_ml')).toBeLessThan(ferritin);
  await factory.play();
  await expect.poll(() => factory.day()).toBeGreaterThan(day + 31);
  expect(panicErrors(factory.consoleErrors)).toEqual([]);
});

test('the overlay comes only from the panic hook: never on a working page, and it carries the panic’s own message', async ({ page }) => {
  const factory = new FactoryPage(page);
  await factory.open('?preset=ckd&speed=30');
  await factory.play();
  await expect.poll(() => factory.day()).toBeGreaterThan(10);
  await expect(page.getByTestId('error-overlay')).toHaveCount(0);
  expect(factory.consoleErrors).toEqual([]);

  await forcePanic(factory);
  // The panic hook wrote the panic to the console and the same message into the overlay.
  const logged = factory.consoleErrors.find((error) => error.includes('forced by the test hook'));
  expect(logged).toBeTruthy();
  const shown = await page.getByTestId('error-message').textContent();
  expect(shown).toContain('forced by the test hook force_panic_for_tests');
  expect(logged).toContain(shown.split('\n')[0]);
  // One overlay, however often the poisoned page is poked again.
  await page.locator('.page').evaluate((element) => element.removeAttribute('inert'));
  await factory.playPause.click({ force: true });
  await expect(page.getByTestId('error-overlay')).toHaveCount(1);

  // "Start again" opens a fresh page, with no patient state from before but the teacher's choices.
  await page.getByTestId('error-start-again').click();
  await expect(factory.factoryCanvas).toBeVisible();
  await expect(page.getByTestId('error-overlay')).toHaveCount(0);
  await expect(factory.presetSelect).toHaveValue('healthy');
  expect(await factory.day()).toBeLessThan(10);
  expect(new URL(page.url()).search).toBe('?speed=30');
});

test('the last good state is kept on every change at once, and every couple of seconds while playing', async ({ page }) => {
  await page.addInitScript((key) => {
    window.stateWrites = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function keep(name, value) {
      if (name === key) window.stateWrites.push({ at: performance.now(), value });
      return setItem.call(this, name, value);
    };
  }, STATE_KEY);
  const factory = new FactoryPage(page);
  await factory.open('?preset=folate_deficiency');
  await factory.pause();
  const writes = () => page.evaluate(() => window.stateWrites);
  // Kept as the page opened.
  await expect.poll(async () => (await writes()).length).toBeGreaterThan(0);

  // A change is kept at once, as the share link writes it.
  await factory.setSlider('folate_intake_ug_per_day', 800);
  await page.getByTestId('share-link').click();
  const link = new URL(await page.getByTestId('share-link-url').inputValue());
  expect((await writes()).at(-1).value).toBe(link.search);
  expect(await page.evaluate((key) => localStorage.getItem(key), STATE_KEY)).toBe(link.search);

  // While the clock runs, the state is kept again and again, but at most every couple of seconds
  // (counted from the last write: here, pressing play).
  await page.getByTestId('speed').selectOption('30');
  await factory.play();
  const started = (await writes()).length;
  await expect.poll(async () => (await writes()).length - started, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  const playing = (await writes()).slice(started - 1);
  await factory.pause();
  const gaps = playing.slice(1).map((write, index) => write.at - playing[index].at);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1900);
  expect(playing.at(-1).value).toMatch(/day=\d/);
  expect(factory.consoleErrors).toEqual([]);
});
