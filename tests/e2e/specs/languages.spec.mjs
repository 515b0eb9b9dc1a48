// The page's languages (issue 11; contract section 5: `lang-select`, `lang=`): English and Spanish,
// switched without a reload and keeping the patient; `<html lang>` follows; numbers take the
// language's decimal sign; tours, cases and presets speak the language too. Expected Spanish words
// are read from the catalogue files the page fetches, so a test names the English it starts from.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { FactoryPage } from '../pages/factory-page.mjs';

const catalogue = Object.assign(
  {},
  ...['page', 'presets', 'tours', 'cases-1', 'cases-2'].map((part) =>
    JSON.parse(readFileSync(new URL(`../../../assets/i18n/es/${part}.json`, import.meta.url), 'utf8'))),
);
/** The Spanish for an English text of the page (fails loudly if the catalogue has none). */
function es(english) {
  const spanish = catalogue[english];
  if (!spanish) throw new Error(`no Spanish for ${JSON.stringify(english)}`);
  return spanish;
}
/** Language switches before the memory is first read (the Spanish catalogue arrives, caches and
 * free lists settle: measured, the memory stops growing after the first switch). */
const WARM_UP_SWITCHES = 6;
/** Language switches measured. */
const MEASURED_SWITCHES = 30;
/** WebAssembly memory growth allowed over the measured switches, bytes: four 64 KiB pages, under a
 * third of what the leak of issue 12 added over as many switches (about 30 KB each: 0.9 MB). */
const MAX_GROWTH_BYTES = 4 * 64 * 1024;
/** A number as the Spanish page prints it ("9,8"), read back. */
const spanishNumber = (text) => Number(text.trim().replace(',', '.'));

test.describe('languages', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
  });

  test.afterEach(async () => {
    expect(factory.consoleErrors).toEqual([]);
    expect(factory.offHostRequests).toEqual([]);
  });

  test('lang-select switches to Spanish and back without a reload, keeping the patient', async ({ page }) => {
    await factory.open('?preset=iron_deficiency');
    await factory.pause();
    await page.getByTestId('skip-forward').click();
    const day = await factory.day();
    const hb = await factory.labValue('hb_g_dl');
    const heading = (await page.locator('#settings-heading').textContent()).trim();
    const hbLabel = (await page.locator('tr', { has: factory.lab('hb_g_dl') }).locator('th').textContent()).trim();
    await page.evaluate(() => { window.languageMarker = 'same page'; });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    const select = page.getByTestId('lang-select');
    await select.selectOption('es');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator('#settings-heading')).toHaveText(es(heading));
    await expect(page.locator('tr', { has: factory.lab('hb_g_dl') }).locator('th')).toHaveText(es(hbLabel));
    expect(await page.evaluate(() => window.languageMarker)).toBe('same page');
    // The same patient on the same day; the Hb with a decimal comma.
    expect(await factory.day()).toBe(day);
    const hbSpanish = (await factory.lab('hb_g_dl').textContent()).trim();
    expect(hbSpanish).toMatch(/^\d+,\d$/);
    expect(spanishNumber(hbSpanish)).toBe(hb);
    await expect(page.getByTestId('range-hb_g_dl')).toHaveText('13,5–17,5');
    // Keyboard and screen-reader users keep their place: the select has the focus again.
    await expect(select).toBeFocused();
    await expect(select).toHaveValue('es');
    // The units of a setting speak the language too.
    await expect(page.locator('#value-iron_intake_mg_per_day')).toContainText('mg/día');

    await select.selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#settings-heading')).toHaveText(heading);
    expect(await factory.labValue('hb_g_dl')).toBe(hb);
    expect(await page.evaluate(() => window.languageMarker)).toBe('same page');
  });

  test('lang=es opens in Spanish, with SI units converted, and a share link keeps the language', async ({ page }) => {
    await factory.open('?preset=inflammation&lang=es&units=si');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await factory.pause();
    await expect(factory.notices).toHaveCount(0);
    await expect(page.getByTestId('lang-select')).toHaveValue('es');
    await expect(page.getByTestId('preset-select').locator('option:checked')).toHaveText(es('Anemia of inflammation'));
    // A value and its reference range, converted and in Spanish number format.
    await expect(page.getByTestId('unit-hb_g_dl')).toHaveText('g/L');
    await expect(page.getByTestId('range-hb_g_dl')).toHaveText('135–175');
    await expect(page.getByTestId('unit-serum_iron_ug_dl')).toHaveText('µmol/L');
    await expect(page.getByTestId('range-serum_iron_ug_dl')).toHaveText('8,95–32,2');
    const ironSi = spanishNumber(await factory.lab('serum_iron_ug_dl').textContent());
    await page.getByTestId('units-select').selectOption('conventional');
    await expect(page.getByTestId('range-serum_iron_ug_dl')).toHaveText('50–180');
    const ironConventional = spanishNumber(await factory.lab('serum_iron_ug_dl').textContent());
    // 1 µg/dL = 0.179 µmol/L, within the rounding of each printed value.
    expect(Math.abs(ironSi - ironConventional * 0.179)).toBeLessThanOrEqual(0.05 + 0.179 * 0.5);

    await page.getByTestId('share-link').click();
    await expect(page.getByTestId('share-link-url')).toHaveValue(/lang=es/);
  });

  test('a tour and a case speak Spanish, with lab quantities in the chosen units', async ({ page }) => {
    await factory.open('?lang=es&tour=ckd_command&step=1');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator('#tour-heading')).toHaveText(es('Kidney disease silences the command centre'));
    // The step's explanation says "Hb is about {hb_g_dl:10}": in g/dL, then in g/L.
    const english = Object.keys(catalogue).find((text) => text.startsWith('Hb is about {hb_g_dl:10}'));
    const before = es(english).split('{hb_g_dl:10}')[0];
    const explain = page.getByTestId('tour-explain');
    await expect(explain).toContainText(`${before}10 g/dL`);
    await page.getByTestId('units-select').selectOption('si');
    await expect(explain).toContainText(`${before}100 g/L`);

    await page.goto('/?lang=es&case=myeloma');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator('#case-heading')).toHaveText(es('Back pain, thirst and a crowded marrow'));
    await expect(page.getByTestId('case-diagnosis').locator('option', { hasText: es('Anemia of multiple myeloma') })).toHaveCount(1);
  });

  test('a language switch keeps compare mode, projector mode, the units, a tour, the why-panel and the notices', async ({ page }) => {
    // lang=fr is refused with a notice; the notice stays through the switches.
    await factory.open('?preset=ckd&compare=1&mode=projector&units=si&tour=ckd_command&step=2&lang=fr');
    await factory.pause();
    await expect(factory.notices).toHaveCount(1);
    // Patient A's Hb (in compare mode patient B has one too).
    await page.locator('section.labs[data-patient="a"]').getByTestId('lab-hb_g_dl').click();
    await expect(page.getByTestId('why-panel')).toBeVisible();
    const day = await factory.day();
    const select = page.getByTestId('lang-select');
    for (const lang of ['es', 'en']) {
      await select.selectOption(lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByTestId('compare-toggle')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator('[data-patient="b"]')).toBeVisible();
      await expect(page.getByTestId('projector-toggle')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('units-select')).toHaveValue('si');
      await expect(page.getByTestId('tour-step')).toHaveText(/^2 \/ \d+$/);
      await expect(page.getByTestId('why-panel').locator('[data-key="hb_g_dl"]')).toBeVisible();
      await expect(factory.notices).toHaveCount(1);
      expect(await factory.day()).toBe(day);
    }
  });

  test('switching the language again and again does not grow the WebAssembly memory', async ({ page }) => {
    // Issue 12: every switch used to leave about 30 KB behind.
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (event) => {
        window.languageWasmMemory = event.detail?.wasm?.memory ?? null;
      });
    });
    await factory.open('?preset=iron_deficiency');
    const wasmBytes = () => page.evaluate(() => window.languageWasmMemory.buffer.byteLength);
    const select = page.getByTestId('lang-select');
    const switchTo = async (lang) => {
      await select.selectOption(lang);
      // The page has rendered itself again when the select is back, focused, showing `lang`.
      await page.waitForFunction((lang) => document.documentElement.lang === lang
        && document.activeElement?.dataset?.testid === 'lang-select'
        && document.activeElement.value === lang, lang);
    };
    // Warm-up: the Spanish catalogue, caches and the allocator's free lists settle.
    for (let index = 0; index < WARM_UP_SWITCHES; index += 1) await switchTo(index % 2 ? 'en' : 'es');
    const before = await wasmBytes();
    for (let index = 0; index < MEASURED_SWITCHES; index += 1) await switchTo(index % 2 ? 'en' : 'es');
    expect(await wasmBytes() - before).toBeLessThanOrEqual(MAX_GROWTH_BYTES);
  });

  test('a bad lang= is named in a notice and the page stays in English', async ({ page }) => {
    await factory.open('?lang=fr');
    await expect(factory.notices).toHaveCount(1);
    await expect(factory.notices.first()).toContainText('lang=fr');
    await expect(factory.notices.first()).toContainText('en, es');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
