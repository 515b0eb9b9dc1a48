// Issue 11, end to end: the patient saved as a scenario file (contract section 2) opens again and
// gives the same labs on the same day; a bad file is refused, naming the field, and the patient stays.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { FactoryPage } from '../pages/factory-page.mjs';

const COMPARED_LABS = ['hb_g_dl', 'mcv_fl', 'ferritin_ng_ml', 'tsat_percent', 'retic_percent', 'b12_pg_ml'];

/** The shown text of some labs (those present on the page). */
async function labTexts(factory) {
  const texts = {};
  for (const key of COMPARED_LABS) {
    if (await factory.lab(key).count()) texts[key] = (await factory.lab(key).textContent()).trim();
  }
  return texts;
}

/** Offers `text` to the open-scenario input as a file named `name`. */
async function openFile(page, name, text) {
  await page.getByTestId('open-scenario').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

test.describe('scenario files', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
  });

  test.afterEach(async () => {
    expect(factory.consoleErrors, 'console errors').toEqual([]);
    expect(factory.offHostRequests, 'requests that left 127.0.0.1').toEqual([]);
  });

  test('save-scenario downloads a file that open-scenario turns back into the same patient', async ({ page }) => {
    // Opened paused on a whole day (playing would put the actions between whole days, which the
    // reopened file reaches only by playing too).
    await factory.open('?preset=iron_deficiency&day=1');
    await factory.pause();
    await factory.setSlider('iron_intake_mg_per_day', 30);
    await page.getByTestId('treatment-select').selectOption('transfusion');
    await page.getByTestId('treatment-give').click();
    for (let day = 0; day < 4; day += 1) await factory.step();
    const day = await factory.day();
    const saved = await labTexts(factory);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('save-scenario').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^marrow-factory-iron_deficiency-day-\d+-scenario\.json$/);
    const text = readFileSync(await download.path(), 'utf8');
    const file = JSON.parse(text);
    expect(file.start).toBe('settled');
    expect(file.events.map((event) => event.set ? 'set' : event.give)).toEqual(['set', 'transfusion']);

    await factory.open('?preset=healthy&day=1');
    await openFile(page, 'saved.json', text);
    await expect(factory.notices.last()).toContainText('saved.json');
    await expect(factory.simDay).toHaveText('0');
    await expect(factory.playPause).toHaveAttribute('aria-pressed', 'false');
    for (let step = 0; step < day; step += 1) await factory.step();
    expect(await factory.day()).toBe(day);
    expect(await labTexts(factory)).toEqual(saved);
    expect(await factory.slider('iron_intake_mg_per_day').inputValue()).toBe('30');
  });

  test('a malformed file and an out-of-range value are refused, naming the field; the patient stays', async ({ page }) => {
    await factory.open('?preset=ckd');
    await factory.pause();
    await factory.step();
    const before = await labTexts(factory);
    const dayBefore = await factory.day();

    await openFile(page, 'broken.json', '{"name": "half a file", ');
    await expect(factory.notices.last()).toContainText('broken.json');
    await expect(factory.notices.last()).toContainText('not valid JSON');

    await openFile(page, 'kidney.json', JSON.stringify({ settings: { egfr_ml_per_min: 500 } }));
    await expect(factory.notices.last()).toContainText('settings.egfr_ml_per_min');
    await expect(factory.notices.last()).toContainText('5–120');

    await openFile(page, 'late.json', JSON.stringify({ events: [{ day: 3, give: 'iv_iron', dose: -5 }] }));
    await expect(factory.notices.last()).toContainText('events[0].dose');

    expect(await factory.day()).toBe(dayBefore);
    expect(await labTexts(factory)).toEqual(before);
    await expect(factory.presetSelect).toHaveValue('ckd');
    expect(await factory.slider('egfr_ml_per_min').inputValue()).not.toBe('500');
  });

  test('a jump to the long run is left out of the file, and the page says so', async ({ page }) => {
    await factory.open('?preset=healthy');
    await factory.pause();
    await page.getByTestId('jump-settled').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('save-scenario').click(),
    ]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(file.description).toContain('jump to the long run');
    await expect(factory.notices.last()).toContainText('jump to the long run');
  });
});
