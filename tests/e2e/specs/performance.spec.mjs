// Measurements, not timed assertions (speed goals go in reports): frame script time while playing at
// the top speed, and how many frames a slider change takes to reach the lab report. The figures
// are written to test-results/performance.json and printed; the goals (p95 ≤ 8 ms, same frame)
// are judged in the report.
import { test, expect } from '@playwright/test';
import { writeFileSync, mkdirSync } from 'node:fs';
import { FactoryPage } from '../pages/factory-page.mjs';

test('frame time at 30 days/s and slider-to-lab latency', async ({ page }) => {
  const factory = new FactoryPage(page);
  await factory.open('?preset=inflammation');
  await page.getByTestId('speed').selectOption('30');
  await factory.play();
  // Per frame: the interval between frames, and the script time before this callback runs. The
  // app's frame callback was requested first, so in each frame it runs first, then the reactive
  // effects it triggers (canvas drawing, DOM updates: microtasks), then this callback; the time
  // from the frame's start to here is the page's script work for that frame.
  const frames = await page.evaluate(() => new Promise((resolve) => {
    const samples = [];
    const started = performance.now();
    const frame = (frameStart) => {
      samples.push({ frameStart, busy: performance.now() - frameStart });
      if (frameStart - started < 5000) requestAnimationFrame(frame); else resolve(samples);
    };
    requestAnimationFrame(frame);
  }));
  const percentile = (values, share) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.round((sorted.length - 1) * share)];
  };
  const busy = frames.map((f) => f.busy);
  const intervals = frames.slice(1).map((f, i) => f.frameStart - frames[i].frameStart);
  const stats = page.getByTestId('frame-stats');
  const callbackFrames = Number(await stats.getAttribute('data-frames'));
  expect(callbackFrames).toBeGreaterThan(100);

  // Slider to lab: frames between the input event and the lab report showing the new value
  // (0 = already shown when the next frame starts).
  await factory.pause();
  const latency = await page.evaluate(async () => {
    const slider = document.querySelector('[data-testid="slider-il6_pg_per_ml"]');
    const lab = document.querySelector('[data-testid="lab-il6_pg_per_ml"]');
    const results = [];
    for (const value of [30, 60, 90, 120, 150, 10, 45, 75, 105, 135]) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const inputAt = performance.now();
      slider.value = String(value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      let framesWaited = 0;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      while (lab.textContent !== String(value) && framesWaited < 60) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        framesWaited += 1;
      }
      results.push({ framesWaited, ms: performance.now() - inputAt });
    }
    return results;
  });
  const report = {
    frame_script_ms: { p50: percentile(busy, 0.5), p95: percentile(busy, 0.95), max: Math.max(...busy), frames: busy.length },
    frame_interval_ms: { p50: percentile(intervals, 0.5), p95: percentile(intervals, 0.95), frames: intervals.length },
    model_and_publish_ms: {
      p50: Number(await stats.getAttribute('data-p50-ms')),
      p95: Number(await stats.getAttribute('data-p95-ms')),
      frames: callbackFrames,
    },
    days_simulated: await factory.day(),
    slider_to_lab: {
      frames_waited_max: Math.max(...latency.map((r) => r.framesWaited)),
      ms_max: Math.max(...latency.map((r) => r.ms)),
      samples: latency.length,
    },
  };
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/performance.json', JSON.stringify(report, null, 2));
  console.log(`performance: ${JSON.stringify(report)}`);
  expect(latency.every((r) => r.framesWaited < 60), 'the lab never showed the slider value').toBe(true);
  expect(factory.consoleErrors).toEqual([]);
});
