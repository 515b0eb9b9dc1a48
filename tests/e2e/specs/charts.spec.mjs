// End-to-end: the time-course charts keep their line inside the value axis (issue 9), in the
// wide layout and in the narrow 1024 × 768 one.
import { test, expect } from '@playwright/test';
import { FactoryPage } from '../pages/factory-page.mjs';

for (const viewport of [{ width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
  test.describe(`at ${viewport.width} × ${viewport.height}`, () => {
    test.use({ viewport });

    test('a chart with a line below its default range keeps the line inside the axis', async ({ page }) => {
      const factory = new FactoryPage(page);
      await factory.open('?preset=iron_deficiency');
      const hb = 'hb_g_dl';
      await expect(factory.chart(hb)).toBeVisible();
      // Hb is below its reference range in iron deficiency: the line sits under the band.
      await expect.poll(() => factory.flag(hb)).toBe('low');
      await factory.pause();
      // A step records a day, and the chart redraws in the same frame: it then ends at the value
      // the lab panel shows.
      const dayBefore = await factory.day();
      await factory.step();
      await expect.poll(() => factory.day()).toBeGreaterThan(dayBefore);
      await expect
        .poll(async () => {
          const { lastValue } = await factory.chartAxis(hb);
          return Math.abs(lastValue - (await factory.labValue(hb)));
        })
        .toBeLessThanOrEqual(0.051);
      const { yMin, yMax, lastValue } = await factory.chartAxis(hb);
      expect(yMin).toBeLessThan(lastValue);
      expect(lastValue).toBeLessThan(yMax);
      // The axis also holds the whole reference band (13.5–17.5 g/dL for the default patient).
      expect(yMax).toBeGreaterThan(17.5);
      expect(factory.consoleErrors).toEqual([]);
    });
  });
}

// While playing, the lab report and the charts are refreshed in turns, a few times a second, not
// every frame (issue 12): they must still follow the model while the clock runs, and be exactly
// current as soon as it stops.
test.describe('refreshed in turns while playing', () => {
  const hb = 'hb_g_dl';

  /** Half a unit of the last digit a lab shows: how far a drawn value may be from the text. */
  function shownPrecision(text) {
    const decimals = (text.split('.')[1] ?? '').length;
    return 0.5 * 10 ** -decimals + 1e-9;
  }

  test('the lab report and the charts follow a falling Hb while the clock runs', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open('?preset=healthy&speed=30');
    await factory.pause();
    await factory.setSlider('blood_loss_ml_per_day', 50);
    const labBefore = await factory.labValue(hb);
    const chartBefore = (await factory.chartAxis(hb)).lastValue;
    await factory.play();
    // Never paused: what the student sees while the clock runs.
    await expect.poll(() => factory.labValue(hb), { timeout: 15_000 }).toBeLessThan(labBefore - 0.5);
    await expect
      .poll(async () => (await factory.chartAxis(hb)).lastValue, { timeout: 15_000 })
      .toBeLessThan(chartBefore - 0.5);
    // A slider moved while the clock runs reaches the report by the next frame, not a turn later.
    const shownNextFrame = await page.evaluate(async () => {
      const slider = document.querySelector('[data-testid="slider-il6_pg_per_ml"]');
      const lab = document.querySelector('[data-testid="lab-il6_pg_per_ml"]');
      const seen = [];
      for (const value of [40, 80, 120]) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        slider.value = String(value);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => requestAnimationFrame(resolve));
        seen.push(lab.textContent);
      }
      return seen;
    });
    expect(shownNextFrame).toEqual(['40', '80', '120']);
    expect(await factory.isPlaying()).toBe(true);
    expect(factory.consoleErrors).toEqual([]);
  });

  test('after a pause every lab row and every chart shows the model as it stands', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open('?preset=healthy&speed=30&blood_loss_ml_per_day=40');
    await factory.play();
    const start = await factory.day();
    await expect.poll(() => factory.day(), { timeout: 15_000 }).toBeGreaterThan(start + 20);
    await factory.pause();
    const labs = () => page.locator('button[data-testid^="lab-"]').evaluateAll((buttons) => buttons
      .map((button) => [button.dataset.testid, button.textContent, button.dataset.flag]));
    const shown = await labs();
    expect(shown.length).toBeGreaterThan(20);
    // The model's values as they stand: the share link rebuilds the same patient on the same day
    // (contract section 5), in a page that never played.
    await page.getByTestId('share-link').click();
    const link = await page.getByTestId('share-link-url').inputValue();
    const rebuilt = new FactoryPage(await page.context().newPage());
    await rebuilt.page.goto(link);
    await expect(rebuilt.simDay).toHaveText(String(await factory.day()));
    await expect.poll(() => rebuilt.page.locator('button[data-testid^="lab-"]').evaluateAll((buttons) => buttons
      .map((button) => [button.dataset.testid, button.textContent, button.dataset.flag]))).toEqual(shown);
    // Each chart ends at the value its lab row shows.
    const charted = await page.locator('canvas[data-testid^="chart-"]').evaluateAll((canvases) => canvases
      .map((canvas) => canvas.dataset.testid.replace(/^chart-/, '')));
    expect(charted.length).toBeGreaterThanOrEqual(4);
    for (const key of charted) {
      const text = await factory.lab(key).textContent();
      const { lastValue } = await factory.chartAxis(key);
      expect(Math.abs(lastValue - Number(text)), `chart-${key} ends at ${lastValue}, the report shows ${text}`)
        .toBeLessThanOrEqual(shownPrecision(text));
    }
    expect(factory.consoleErrors).toEqual([]);
    expect(rebuilt.consoleErrors).toEqual([]);
  });
});
