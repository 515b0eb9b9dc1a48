// Where a frame's script time goes while playing at the top speed with the charts open (issue 12):
// a CPU profile (DevTools protocol `Profiler`) of PLAY_MS of play under CPU throttling, summed by
// function, self time and total time (a function's time including what it calls, counted once
// per sample however deep it recurses). Function names in the WebAssembly need a build that keeps
// its name section (wasm-opt -g); a release build names them by index only.
//
// usage: node bench/frame-profile.mjs --url http://127.0.0.1:4392/ [--rate 4] [--top 40] [--out FILE]
//        [--query '?preset=inflammation&speed=30']
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import config from '../playwright.config.mjs';

/** How long the profile plays, ms. */
const PLAY_MS = 6_000;
/** Sampling interval, µs: fine enough to see a 1 ms piece of a frame in a few hundred frames. */
const SAMPLING_US = 100;

function argument(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const url = argument('url', `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/`);
const rate = Number(argument('rate', '4'));
const top = Number(argument('top', '40'));
const out = argument('out', null);
/** The page opened: the benchmark's (inflammation at the top speed), or another query. */
const query = argument('query', '?preset=inflammation&speed=30');

const browser = await chromium.launch(config.use.launchOptions);
const context = await browser.newContext({ viewport: config.use.viewport });
const page = await context.newPage();
await page.goto(new URL(`/${query}`, url).href);
await page.waitForFunction(() => Boolean(window.wasmBindings && document.querySelector('[data-testid="sim-day"]')));
const devtools = await context.newCDPSession(page);
await devtools.send('Emulation.setCPUThrottlingRate', { rate });
await devtools.send('Profiler.enable');
await devtools.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
const button = page.getByTestId('play-pause');
if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
await devtools.send('Profiler.start');
const frames = await page.evaluate((playMs) => new Promise((resolve) => {
  let count = 0;
  const started = performance.now();
  const frame = (frameStart) => {
    count += 1;
    if (frameStart - started < playMs) requestAnimationFrame(frame); else resolve(count);
  };
  requestAnimationFrame(frame);
}), PLAY_MS);
const { profile } = await devtools.send('Profiler.stop');
await browser.close();

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const name = (node) => node.callFrame.functionName || `(anonymous ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber})`;
const self = new Map();
const total = new Map();
let sampled = 0;
profile.samples.forEach((id, index) => {
  const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
  sampled += ms;
  const leaf = nodes.get(id);
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + ms);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const label = name(nodes.get(at));
    if (!seen.has(label)) {
      seen.add(label);
      total.set(label, (total.get(label) ?? 0) + ms);
    }
  }
});
const table = (map) => [...map.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)
  .map(([label, ms]) => ({ function: label.slice(0, 90), ms_per_frame: +(ms / frames).toFixed(3), share: +(ms / sampled).toFixed(3) }));
// Each sample in one part of the frame: the first part in this list whose pattern some function
// on the sample's stack matches (so a chart's canvas calls count as the chart's).
const PARTS = [
  ['charts (plotters)', /plotters|draw_time_course|time_chart/],
  ['factory scene (canvas)', /factory_scene|factory_canvas|CanvasPainter/],
  ['marrow stain (canvas)', /marrow_stain/],
  ['canvas sizing (clientWidth forces a layout)', /clientWidth|clientHeight|fit_canvas/],
  ['model step + publish (frame loop)', /start_frame_loop/],
  ['DOM updates (render effects)', /RenderEffect|tachys|set_nodeValue|setAttribute/],
  ['other effects and memos', /reactive_graph|Effect|Memo/],
  ['browser outside script (style, layout, paint)', /^\(program\)$/],
  ['idle', /^\(idle\)$/],
  ['garbage collector', /^\(garbage collector\)$/],
];
const parts = new Map();
profile.samples.forEach((id, index) => {
  const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
  const stack = [];
  for (let at = id; at !== undefined; at = parent.get(at)) stack.push(name(nodes.get(at)));
  const part = PARTS.find(([, pattern]) => stack.some((label) => pattern.test(label)))?.[0] ?? 'other script';
  parts.set(part, (parts.get(part) ?? 0) + ms);
});
// The page's own functions (marrow_factory::) by total time: which component's work a frame does.
const own = new Map([...total.entries()].filter(([label]) => label.includes('marrow_factory')));

const report = {
  rate, frames, sampled_ms: sampled, parts: table(parts), own: table(own), self: table(self), total: table(total),
};
console.log(`${frames} frames at ${rate}x, ${sampled.toFixed(0)} ms sampled`);
for (const [key, title] of [['parts', 'the frame by part'], ['own', "the page's own functions, total time"],
  ['self', 'self time'], ['total', 'total time']]) {
  console.log(`${title}, per frame:`);
  console.table(report[key]);
}
if (out) {
  writeFileSync(out, JSON.stringify(report, null, 2));
  // The whole profile too, for DevTools (Performance panel, "Load profile").
  writeFileSync(out.replace(/\.json$/, '') + '.cpuprofile', JSON.stringify(profile));
}
