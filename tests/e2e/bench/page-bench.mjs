// The benchmark command's measurements in the browser (issue 12), against the served release build:
//
// - the model's speed as WebAssembly: `window.wasmBindings.bench_model_days_per_second(DAYS)`
//   (src/app/model_bench.rs: the native bench's healthy case, timed with performance.now()), RUNS
//   times after a warm-up, median and fastest;
// - frame script time while playing at the top speed (30 simulated days/s) with the charts open, as
//   the page itself publishes it (`frame-stats`: the frame callback's model step and publish, p50
//   and p95 over its last 600 frames), and the whole frame's script time seen from a later
//   animation-frame callback (as specs/performance.spec.mjs measures it: the app's callback, the
//   effects it triggers, canvas and chart drawing), counted from the frame's start time, and the
//   frame's script time proper, counted from when its first callback began (noteFrameStarts).
//   Unthrottled and under 4x CPU throttling (DevTools
//   protocol `Emulation.setCPUThrottlingRate`: a cheap laptop), FRAME_RUNS fresh pages each.
//
// usage: node bench/page-bench.mjs --url http://127.0.0.1:4173/ --out FILE
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import config from '../playwright.config.mjs';
import { newPage } from './browser-page.mjs';

/** Simulated days per call: the native bench's run length (tests/bench/model.rs). */
const DAYS = 20_000;
/** Timed calls of the WebAssembly model (odd, so the median is one call). */
const RUNS = 7;
/** Fresh pages per throttling rate for the frame times (odd, for the median). */
const FRAME_RUNS = 3;
/** How long each frame measurement plays, ms: 10 s is the page's 600-frame window at 60 fps. */
const PLAY_MS = 10_000;
/** CPU throttling rates measured: none, and a cheap laptop (issue 12). */
const THROTTLING = [1, 4];

function argument(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function percentile(values, share) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.round((sorted.length - 1) * share)];
}


async function open(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => Boolean(window.wasmBindings && document.querySelector('[data-testid="sim-day"]')));
}

async function setPlaying(page, playing) {
  const button = page.getByTestId('play-pause');
  if (((await button.getAttribute('aria-pressed')) === 'true') !== playing) await button.click();
  await page.waitForFunction(
    (playing) => document.querySelector('[data-testid="play-pause"]').getAttribute('aria-pressed') === String(playing),
    playing,
  );
}

async function measureWasm(browser, url) {
  const { context, page, errors } = await newPage(browser);
  await open(page, url);
  await setPlaying(page, false);
  const daysPerSecond = await page.evaluate(({ days, runs }) => {
    const bench = window.wasmBindings.bench_model_days_per_second;
    bench(days / 10);
    return Array.from({ length: runs }, () => bench(days));
  }, { days: DAYS, runs: RUNS });
  await context.close();
  return {
    days: DAYS,
    runs: daysPerSecond,
    median_days_per_s: median(daysPerSecond),
    fastest_days_per_s: Math.max(...daysPerSecond),
    errors,
  };
}

/**
 * Installed before the page's own scripts: every animation-frame callback goes through a wrapper
 * that notes when the first callback of each frame began (the app's frame callback, which always
 * runs first: it asks for the next frame inside its callback, before the probe does). The probe's
 * later callback then reads the frame's script time from there: the app's callback, the effects
 * and drawing it triggers, without the delay that the previous frame's rendering left before the
 * frame's callbacks could start.
 */
function noteFrameStarts() {
  const request = window.requestAnimationFrame.bind(window);
  const starts = new Map();
  window.__firstCallbackStart = starts;
  window.requestAnimationFrame = (callback) => request((timestamp) => {
    if (!starts.has(timestamp)) {
      starts.set(timestamp, performance.now());
      if (starts.size > 2000) starts.delete(starts.keys().next().value);
    }
    return callback(timestamp);
  });
}

async function measureFrames(browser, url, rate) {
  const { context, page, errors } = await newPage(browser);
  await page.addInitScript(noteFrameStarts);
  await open(page, new URL('/?preset=inflammation&speed=30', url).href);
  const charts = await page.locator('canvas[data-testid^="chart-"]').count();
  const devtools = await context.newCDPSession(page);
  await devtools.send('Emulation.setCPUThrottlingRate', { rate });
  await setPlaying(page, true);
  const dayBefore = Number(await page.getByTestId('sim-day').textContent());
  // Per frame, from a callback requested after the app's: the frame's start and the script time
  // spent in it so far (the app's frame, its effects, drawing).
  const frames = await page.evaluate((playMs) => new Promise((resolve) => {
    const samples = [];
    const started = performance.now();
    const frame = (frameStart) => {
      const now = performance.now();
      const firstCallback = window.__firstCallbackStart.get(frameStart) ?? now;
      samples.push({ frameStart, busy: now - frameStart, script: now - firstCallback });
      if (frameStart - started < playMs) requestAnimationFrame(frame); else resolve(samples);
    };
    requestAnimationFrame(frame);
  }), PLAY_MS);
  const stats = page.getByTestId('frame-stats');
  const read = async (name) => Number(await stats.getAttribute(name));
  const result = {
    rate,
    charts,
    frame_stats_p50_ms: await read('data-p50-ms'),
    frame_stats_p95_ms: await read('data-p95-ms'),
    frame_stats_frames: await read('data-frames'),
    frame_script_p50_ms: percentile(frames.map((f) => f.script), 0.5),
    frame_script_p95_ms: percentile(frames.map((f) => f.script), 0.95),
    whole_frame_p50_ms: percentile(frames.map((f) => f.busy), 0.5),
    whole_frame_p95_ms: percentile(frames.map((f) => f.busy), 0.95),
    frame_interval_p50_ms: percentile(frames.slice(1).map((f, i) => f.frameStart - frames[i].frameStart), 0.5),
    frames: frames.length,
    days_played: Number(await page.getByTestId('sim-day').textContent()) - dayBefore,
    errors,
  };
  await devtools.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  return result;
}

async function main() {
  const url = argument('url', `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/`);
  const out = argument('out', 'test-results/page-bench.json');
  const browser = await chromium.launch(config.use.launchOptions);
  const report = { chromium: browser.version(), wasm: await measureWasm(browser, url), frames: {} };
  console.log(`model in WebAssembly: median ${report.wasm.median_days_per_s.toFixed(0)} simulated days/s`
    + ` (fastest ${report.wasm.fastest_days_per_s.toFixed(0)}; ${RUNS} runs of ${DAYS} days)`);
  for (const rate of THROTTLING) {
    const runs = [];
    for (let run = 0; run < FRAME_RUNS; run += 1) runs.push(await measureFrames(browser, url, rate));
    const summary = { runs };
    for (const key of ['frame_stats_p50_ms', 'frame_stats_p95_ms', 'frame_script_p50_ms', 'frame_script_p95_ms',
      'whole_frame_p50_ms', 'whole_frame_p95_ms', 'frame_interval_p50_ms']) {
      summary[key] = median(runs.map((r) => r[key]));
    }
    report.frames[`cpu_${rate}x`] = summary;
    console.log(`frames at ${rate}x CPU throttling (medians of ${FRAME_RUNS} pages): frame-stats p50 `
      + `${summary.frame_stats_p50_ms} ms p95 ${summary.frame_stats_p95_ms} ms; frame script p50 `
      + `${summary.frame_script_p50_ms.toFixed(2)} ms p95 ${summary.frame_script_p95_ms.toFixed(2)} ms; whole frame p50 `
      + `${summary.whole_frame_p50_ms.toFixed(2)} ms p95 ${summary.whole_frame_p95_ms.toFixed(2)} ms; `
      + `frame interval p50 ${summary.frame_interval_p50_ms.toFixed(1)} ms`);
  }
  await browser.close();
  writeFileSync(out, JSON.stringify(report, null, 2));
  const errors = [report.wasm, ...Object.values(report.frames).flatMap((f) => f.runs)].flatMap((r) => r.errors);
  if (errors.length > 0) {
    console.error(`page bench: console errors:\n${errors.join('\n')}`);
    process.exit(1);
  }
}

await main();
