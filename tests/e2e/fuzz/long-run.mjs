// The long UI fuzz run of the benchmark command (issue 12): the fuzzer of ui-fuzz.mjs for 10
// minutes of wall time against the served page, with the page's memory sampled once a minute
// after a forced garbage collection: the JS heap (DevTools protocol `Runtime.getHeapUsage`) and
// the WebAssembly memory (the `memory` export's buffer, taken from the start event of
// assets/start.js). Goals: zero console errors, zero panics, memory that plateaus, at most 30 MB
// (the verdict: fuzz/memory-verdict.mjs).
//
// Reloads and going back are left out of this run's actions (the short runs of the test command
// have them): each would start a new WebAssembly instance and hide a leak of the old one.
//
// usage: node fuzz/long-run.mjs --url http://127.0.0.1:4173/ [--minutes 10] [--seed N] [--out FILE]
// Exit status 1 if the fuzzer found a problem (the report names the seed to replay).
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import config from '../playwright.config.mjs';
import { memoryVerdict } from './memory-verdict.mjs';
import { randomSeed, runUiFuzz } from './ui-fuzz.mjs';

const MB = 1024 * 1024;

function argument(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

async function main() {
  const url = argument('url', `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/`);
  const minutes = Number(argument('minutes', 10));
  const seed = Number(argument('seed', process.env.FUZZ_SEED ?? randomSeed()));
  const out = argument('out', 'test-results/ui-fuzz-long.json');

  const browser = await chromium.launch(config.use.launchOptions);
  const context = await browser.newContext({ viewport: config.use.viewport, acceptDownloads: true });
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  const samples = [];
  const started = Date.now();
  let lastSampleAt = started;
  const sample = async () => {
    await devtools.send('HeapProfiler.collectGarbage');
    const heap = await devtools.send('Runtime.getHeapUsage');
    // Live DOM nodes (detached ones included) and JS event listeners: a leak of views or handlers
    // shows here before it shows in megabytes.
    const counters = await devtools.send('Memory.getDOMCounters');
    const wasmBytes = await page.evaluate(() => window.fuzzWasmMemory?.buffer.byteLength ?? null);
    const entry = {
      minute: Math.round((Date.now() - started) / 60_000),
      js_heap_used_mb: heap.usedSize / MB,
      js_heap_total_mb: heap.totalSize / MB,
      wasm_mb: wasmBytes === null ? null : wasmBytes / MB,
      dom_nodes: counters.nodes,
      js_event_listeners: counters.jsEventListeners,
    };
    entry.total_mb = entry.js_heap_used_mb + (entry.wasm_mb ?? 0);
    samples.push(entry);
    lastSampleAt = Date.now();
    console.log(`memory at minute ${entry.minute}: JS heap ${entry.js_heap_used_mb.toFixed(1)} MB used `
      + `(${entry.js_heap_total_mb.toFixed(1)} MB allocated), WebAssembly ${entry.wasm_mb?.toFixed(1) ?? '?'} MB, `
      + `${entry.dom_nodes} DOM nodes, ${entry.js_event_listeners} event listeners`);
  };

  let nextSampleAt = started + 60_000;
  const result = await runUiFuzz(page, {
    seed,
    baseUrl: url,
    durationMs: minutes * 60_000,
    navigation: false,
    between: async (index) => {
      if (index === 0) await sample();
      if (Date.now() >= nextSampleAt) {
        nextSampleAt += 60_000;
        await sample();
      }
    },
  });
  // A last sample at the end, unless the minute's own was just taken.
  if (!result.failure && Date.now() - lastSampleAt > 20_000) await sample();
  await browser.close();

  const report = {
    seed,
    minutes,
    url,
    actions: result.actions,
    acted: result.acted,
    skipped: result.skipped,
    by_kind: result.byKind,
    failure: result.failure,
    samples,
    verdict: memoryVerdict(samples),
  };
  writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`long ui fuzz: ${JSON.stringify(report.verdict)}; written to ${out}`);
  process.exit(result.failure ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
