// Conventional and SI units (issue 11; contract section 5: `units-select`, `units=`): the lab
// report, the charts and the share link follow the choice, at once and without a reload; flags do
// not change with the units.
import { test, expect } from '@playwright/test';
import { FactoryPage } from '../pages/factory-page.mjs';

/** What a lab line shows: its value, unit, range and flag. */
async function line(page, factory, key) {
  return {
    value: await factory.labValue(key),
    unit: (await page.getByTestId(`unit-${key}`).textContent()).trim(),
    range: (await page.getByTestId(`range-${key}`).textContent()).trim(),
    flag: await factory.flag(key),
  };
}

test.describe('units', () => {
  test('units=si prints SI values and ranges; switching back changes them without a reload', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open('?preset=iron_deficiency&units=si');
    await factory.pause();
    const unitsSelect = page.getByTestId('units-select');
    await expect(unitsSelect).toHaveValue('si');
    await expect(factory.notices).toHaveCount(0);

    const hb = await line(page, factory, 'hb_g_dl');
    expect(hb.unit).toBe('g/L');
    expect(hb.range).toBe('135–175');
    expect(hb.flag).toBe('low');
    const ferritin = await line(page, factory, 'ferritin_ng_ml');
    expect(ferritin.unit).toBe('µg/L');
    expect(ferritin.range).toBe('30–300');
    const iron = await line(page, factory, 'serum_iron_ug_dl');
    expect(iron.unit).toBe('µmol/L');
    expect(iron.range).toBe('8.95–32.2');
    const b12 = await line(page, factory, 'b12_pg_ml');
    expect(b12.unit).toBe('pmol/L');
    // A lab without a conventional/SI difference is left as it is.
    const mcv = await line(page, factory, 'mcv_fl');
    expect(mcv.unit).toBe('fL');
    // The chart's caption names the SI unit, and its line ends at the SI value.
    await expect(factory.chart('hb_g_dl')).toHaveAttribute('aria-label', /\(g\/L\)/);
    await expect.poll(async () => (await factory.chartAxis('hb_g_dl')).lastValue).toBeGreaterThan(30);

    // The share link keeps the units.
    await page.getByTestId('share-link').click();
    await expect(page.getByTestId('share-link-url')).toHaveValue(/units=si/);

    // Back to conventional, on the same page: a marker on the window survives (no reload).
    await page.evaluate(() => { window.unitsMarker = 'same page'; });
    await unitsSelect.selectOption('conventional');
    await expect(page.getByTestId('unit-hb_g_dl')).toHaveText('g/dL');
    expect(await page.evaluate(() => window.unitsMarker)).toBe('same page');

    const hbConventional = await line(page, factory, 'hb_g_dl');
    expect(hbConventional.range).toBe('13.5–17.5');
    // Paused, the same patient: the SI number is the conventional one ×10 (within the rounding of
    // each: 0.1 g/dL and 1 g/L).
    expect(Math.abs(hb.value - hbConventional.value * 10)).toBeLessThanOrEqual(1);
    expect(hbConventional.flag).toBe(hb.flag);

    const ironConventional = await line(page, factory, 'serum_iron_ug_dl');
    expect(ironConventional.unit).toBe('µg/dL');
    expect(ironConventional.range).toBe('50–180');
    expect(Math.abs(iron.value - ironConventional.value * 0.179)).toBeLessThanOrEqual(0.15);
    expect(ironConventional.flag).toBe(iron.flag);

    const ferritinConventional = await line(page, factory, 'ferritin_ng_ml');
    expect(ferritinConventional.unit).toBe('ng/mL');
    expect(ferritinConventional.value).toBe(ferritin.value);
    expect(ferritinConventional.flag).toBe(ferritin.flag);

    const b12Conventional = await line(page, factory, 'b12_pg_ml');
    expect(b12Conventional.unit).toBe('pg/mL');
    expect(Math.abs(b12.value - b12Conventional.value * 0.738)).toBeLessThanOrEqual(1);
    expect((await line(page, factory, 'mcv_fl')).value).toBe(mcv.value);

    await expect(factory.chart('hb_g_dl')).toHaveAttribute('aria-label', /\(g\/dL\)/);
    await expect.poll(async () => (await factory.chartAxis('hb_g_dl')).lastValue).toBeLessThan(30);

    await page.getByTestId('share-link').click();
    await expect(page.getByTestId('share-link-url')).not.toHaveValue(/units=/);
    expect(factory.consoleErrors).toEqual([]);
  });

  test('the why-panel prints its labs in the chosen units', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open('?preset=iron_deficiency&units=si');
    await factory.pause();
    await factory.lab('hb_g_dl').click();
    const hbLink = page.getByTestId('why-panel').locator('[data-testid="why-link"][data-key="hb_g_dl"]');
    await expect(hbLink).toContainText('g/L');
    await page.getByTestId('units-select').selectOption('conventional');
    await expect(hbLink).toContainText('g/dL');
  });

  test('a bad units= value is ignored with a notice naming the choices', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open('?preset=iron_deficiency&units=xyz');
    await expect(factory.notices).toHaveCount(1);
    await expect(factory.notices.first()).toContainText('units=xyz');
    await expect(factory.notices.first()).toContainText('conventional, si');
    await expect(page.getByTestId('units-select')).toHaveValue('conventional');
    await expect(page.getByTestId('unit-hb_g_dl')).toHaveText('g/dL');
  });
});
