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
