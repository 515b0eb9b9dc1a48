// WebAssembly memory over many language switches (issue 12: memory must plateau). The page is
// switched between Spanish and English SWITCHES times; after every switch the size of the
// WebAssembly memory (the `memory` export's buffer, from the start event of assets/start.js, as the
// long UI fuzz run samples it) is read. The memory only grows, in 64 KiB pages, up to its
// high-water mark, so a leak shows as steady growth and a plateau as no growth at all.
// Printed: the size every STEP switches, and the bytes per switch over two windows (switches
// 40-80 and 120-160 by default) as the steady-state check.
//
// usage: node bench/language-memory.mjs --url http://127.0.0.1:4461/ [--switches 160]
//          [--query '?preset=iron_deficiency'] [--out FILE]
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import config from '../playwright.config.mjs';
import { newPage } from './browser-page.mjs';

/** Print a sample every this many switches. */
const STEP = 20;

function argument(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

/** Bytes per switch between switch `from` and switch `to` (sizes[i] is after switch i). */
function perSwitch(sizes, from, to) {
  if (to >= sizes.length) return null;
  return (sizes[to] - sizes[from]) / (to - from);
}

async function main() {
  const url = argument('url', `http://127.0.0.1:${process.env.E2E_PORT ?? 4461}/`);
  const switches = Number(argument('switches', 160));
  const query = argument('query', '');
  const out = argument('out', null);

  const browser = await chromium.launch(config.use.launchOptions);
  const { page, errors } = await newPage(browser);
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (event) => {
      window.benchWasmMemory = event.detail?.wasm?.memory ?? null;
    });
  });
  await page.goto(new URL(query, url).href);
  await page.waitForFunction(() => Boolean(window.benchWasmMemory && document.querySelector('[data-testid="sim-day"]')));
  const wasmBytes = () => page.evaluate(() => window.benchWasmMemory.buffer.byteLength);

  const sizes = [await wasmBytes()];
  const started = Date.now();
  for (let index = 1; index <= switches; index += 1) {
    const lang = index % 2 === 1 ? 'es' : 'en';
    await page.getByTestId('lang-select').selectOption(lang);
    // The page has rendered itself again in the new language when the select is back, focused.
    await page.waitForFunction(
      (lang) => document.documentElement.lang === lang
        && document.activeElement?.dataset?.testid === 'lang-select'
        && document.activeElement.value === lang,
      lang,
    );
    sizes.push(await wasmBytes());
    if (index % STEP === 0) console.log(`after ${index} switches: WebAssembly memory ${(sizes[index] / 1024).toFixed(0)} KiB`);
  }
  const report = {
    switches,
    seconds: (Date.now() - started) / 1000,
    start_bytes: sizes[0],
    end_bytes: sizes[switches],
    bytes_per_switch_overall: (sizes[switches] - sizes[0]) / switches,
    bytes_per_switch_40_80: perSwitch(sizes, 40, 80),
    bytes_per_switch_120_160: perSwitch(sizes, 120, 160),
    errors,
    sizes,
  };
  console.log(`${switches} switches in ${report.seconds.toFixed(0)} s: ${(report.start_bytes / 1024).toFixed(0)} → `
    + `${(report.end_bytes / 1024).toFixed(0)} KiB, ${report.bytes_per_switch_overall.toFixed(0)} bytes per switch overall; `
    + `switches 40-80: ${report.bytes_per_switch_40_80?.toFixed(0) ?? '-'}, `
    + `120-160: ${report.bytes_per_switch_120_160?.toFixed(0) ?? '-'} bytes per switch; ${errors.length} console errors`);
  if (out) writeFileSync(out, JSON.stringify(report, null, 2));
  await browser.close();
  process.exitCode = errors.length ? 1 : 0;
}

await main();
