// Issue 11, end to end: the time series as CSV (the contract's sample keys as columns, a row a
// day), a chart as PNG, and the printed one-page summary (print stylesheet).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { FactoryPage } from '../pages/factory-page.mjs';

const SOME_SAMPLE_KEYS = ['day', 'hb_g_dl', 'mcv_fl', 'ferritin_ng_ml', 'tsat_percent', 'life_threatening'];

test.describe('exports', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
    await factory.open('?preset=iron_deficiency');
    await factory.pause();
  });

  test.afterEach(async () => {
    expect(factory.consoleErrors, 'console errors').toEqual([]);
    expect(factory.offHostRequests, 'requests that left 127.0.0.1').toEqual([]);
  });

  test('export-csv downloads a row a day under the contract header', async ({ page }) => {
    for (let day = 0; day < 3; day += 1) await factory.step();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^marrow-factory-iron_deficiency-day-\d+\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(header[0]).toBe('day');
    for (const key of SOME_SAMPLE_KEYS) expect(header).toContain(key);
    const rows = lines.slice(1).map((line) => line.split(',').map(Number));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      expect(row).toHaveLength(header.length);
      expect(row.every(Number.isFinite)).toBe(true);
    }
    const days = rows.map((row) => row[0]);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    const hb = header.indexOf('hb_g_dl');
    expect(rows.at(-1)[hb]).toBeLessThan(12);
  });

  test('export-png downloads the first chart as a PNG', async ({ page }) => {
    await expect(factory.chart('hb_g_dl')).toHaveAttribute('data-y-max', /\d/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-png').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^marrow-factory-iron_deficiency-day-\d+-hb_g_dl\.png$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(2000);
  });

  test('print-summary prints one page: patient, lab report with flags and charts, without the controls', async ({ page }) => {
    await page.evaluate(() => {
      window.printCalls = 0;
      window.print = () => { window.printCalls += 1; };
    });
    await page.getByTestId('print-summary').click();
    expect(await page.evaluate(() => window.printCalls)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    for (const hook of ['slider-iron_intake_mg_per_day', 'slider-intrinsic_factor_percent', 'play-pause', 'step',
      'tour-select', 'case-select', 'share-link', 'treatment-select', 'export-csv', 'export-png', 'print-summary',
      'factory-canvas', 'marrow-stain', 'about-model']) {
      await expect(page.getByTestId(hook), hook).toBeHidden();
    }
    // The patient: the preset, the day, and every setting as text with its unit.
    await expect(factory.presetSelect).toBeVisible();
    await expect(factory.simDay).toBeVisible();
    const settings = page.locator('.controls .setting-slider output');
    expect(await settings.count()).toBe(11);
    for (const output of await settings.all()) await expect(output).toBeVisible();
    await expect(page.locator('.controls')).toContainText('mg/day');
    await expect(factory.lab('hb_g_dl')).toBeVisible();
    await expect(factory.lab('hb_g_dl')).toHaveAttribute('data-flag', 'low');
    await expect(page.locator('.lab-flag').first()).toBeVisible();
    await expect(factory.chart('hb_g_dl')).toBeVisible();

    // On A4 paper the summary takes one page.
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages).toHaveLength(1);

    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByTestId('slider-iron_intake_mg_per_day')).toBeVisible();
    await expect(page.getByTestId('export-csv')).toBeVisible();
  });
});
