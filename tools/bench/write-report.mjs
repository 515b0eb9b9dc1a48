// Writes BENCHMARKS.md from the results the benchmark command (`bash setup.sh bench`) left in its
// results folder:
//   started.txt       when the run began (UTC)
//   steps.txt         one line a step: name, exit status, seconds, load average (1, 5, 15 min)
//   model-N.txt       each `cargo bench --bench model` run's output
//   size.json         tests/e2e/size-report.mjs's totals (raw, gzip, brotli)
//   page.json         tests/e2e/bench/page-bench.mjs: the model as WebAssembly, frame times
//   lighthouse-PRESET-N.json   Lighthouse's reports (mobile: its default; desktop: --preset=desktop)
//   fuzz.json         tests/e2e/fuzz/long-run.mjs: the long UI fuzz run and its memory samples
// A missing or failed step is written as such, not left out.
//
// usage: node tools/bench/write-report.mjs RESULTS_DIR OUTPUT.md
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { memoryVerdict } from '../../tests/e2e/fuzz/memory-verdict.mjs';

// Goals of issue 12.
const GOAL_DAYS_PER_S = 1e6;
const GOAL_SETTLED_MS = 5;
const GOAL_WASM_SLOWDOWN = 2;
const GOAL_FRAME_P95_MS = 8;
const GOAL_FIRST_LOAD_KIB = 150;
const GOAL_MEMORY_MB = 30;

const [dir, output] = process.argv.slice(2);
if (!dir || !output) {
  console.error('usage: node tools/bench/write-report.mjs RESULTS_DIR OUTPUT.md');
  process.exit(2);
}

const read = (name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : null);
const readJson = (name) => {
  const text = read(name);
  return text === null ? null : JSON.parse(text);
};
const run = (command, args) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};
const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};
const fmt = (value, digits = 0) => (Number.isFinite(value)
  ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
  : 'n/a');
const judge = (ok) => (ok === null || ok === undefined ? '' : ok ? 'met' : 'not met');

// ---- the machine --------------------------------------------------------------------------------

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const steps = (read('steps.txt') ?? '').trim().split('\n').filter(Boolean).map((line) => {
    const [name, status, seconds, ...load] = line.split(/\s+/);
    return { name, status: Number(status), seconds: Number(seconds), load: load.join(' ') };
  });
  return {
    cpu: model,
    cores: cpus().length,
    ram_gib: totalmem() / 2 ** 30,
    chromium: run(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']),
    rustc: run('rustc', ['--version']),
    node: process.version,
    commit: run('git', ['describe', '--always', '--dirty']),
    started: (read('started.txt') ?? '').trim() || new Date().toISOString(),
    steps,
  };
}

// ---- the native model bench -----------------------------------------------------------------------

/**
 * One run of `cargo bench --bench model`: days/s and settled-state ms by case name. Reads both
 * the bench's older lines ("healthy   612345 simulated days/s (...)", "healthy settled state in
 * 3.16 ms") and its newer ones (sections of "  NAME   median X days/s   fastest Y days/s" and
 * "  NAME   median X ms   fastest Y ms"): the figure taken is the bench's own (its median where it
 * prints one).
 */
export function parseModelBench(text) {
  const speed = {};
  const fastest = {};
  const settled = {};
  let labsMicroseconds = NaN;
  let section = '';
  for (const line of text.split('\n')) {
    let match;
    if (/^\S.*settled state,|^Settled state/i.test(line)) section = 'settled';
    if ((match = line.match(/^\s*(.+?)\s+(?:median\s+)?([\d.]+)\s+(?:simulated\s+)?days\/s/))) {
      speed[match[1].trim()] = Number(match[2]);
      // The fastest run, where printed; the older bench printed only its best of five.
      fastest[match[1].trim()] = Number(line.match(/fastest\s+([\d.]+)\s+days\/s/)?.[1] ?? match[2]);
    } else if ((match = line.match(/^\s*(.+?)\s+settled state in ([\d.]+) ms/))) {
      settled[match[1].trim()] = Number(match[2]);
    } else if (section === 'settled' && (match = line.match(/^\s+(.+?)\s+median\s+([\d.]+)\s*ms/))) {
      settled[match[1].trim()] = Number(match[2]);
    } else if ((match = line.match(/labs\(\) from state:\s*(?:median\s+)?([\d.]+)/))) {
      labsMicroseconds = Number(match[1]);
    }
  }
  return { speed, fastest, settled, labsMicroseconds };
}

function modelBench() {
  const files = readdirSync(dir).filter((name) => /^model-\d+\.txt$/.test(name)).sort();
  const runs = files.map((name) => parseModelBench(read(name)));
  const names = (part) => [...new Set(runs.flatMap((r) => Object.keys(r[part])))];
  const medians = (part) => Object.fromEntries(names(part).map((name) => [name, median(runs.map((r) => r[part][name]))]));
  const fastest = Object.fromEntries(names('fastest').map((name) => [name, Math.max(...runs.map((r) => r.fastest[name] ?? 0))]));
  return { runs: runs.length, speed: medians('speed'), fastest, settled: medians('settled'), labs: median(runs.map((r) => r.labsMicroseconds)) };
}

const healthyOf = (table) => table[Object.keys(table).find((name) => /^healthy/.test(name))];

// ---- Lighthouse -------------------------------------------------------------------------------------

function lighthouse(preset) {
  const reports = readdirSync(dir)
    .filter((name) => name.startsWith(`lighthouse-${preset}-`) && name.endsWith('.json'))
    .map((name) => readJson(name));
  if (reports.length === 0) return null;
  const audit = (id) => median(reports.map((r) => r.audits[id]?.numericValue));
  const score = (id) => median(reports.map((r) => (r.categories[id]?.score ?? NaN) * 100));
  return {
    runs: reports.length,
    version: reports[0].lighthouseVersion,
    performance: score('performance'),
    accessibility: score('accessibility'),
    best_practices: score('best-practices'),
    pwa: reports[0].categories.pwa ? score('pwa') : null,
    installable: reports[0].audits['installable-manifest']?.score ?? null,
    fcp_ms: audit('first-contentful-paint'),
    lcp_ms: audit('largest-contentful-paint'),
    tbt_ms: audit('total-blocking-time'),
    tti_ms: audit('interactive'),
    cls: audit('cumulative-layout-shift'),
    bytes: audit('total-byte-weight'),
    throttling: reports[0].configSettings.throttling,
    form_factor: reports[0].configSettings.formFactor,
    failing: [...new Set(reports.flatMap((r) => Object.entries(r.audits)
      .filter(([, a]) => a.score !== null && a.score < 0.5 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
      .map(([id]) => id)))].sort(),
  };
}

// ---- the report ---------------------------------------------------------------------------------------

const m = machine();
const model = modelBench();
const size = readJson('size.json');
const page = readJson('page.json');
const mobile = lighthouse('mobile');
const desktop = lighthouse('desktop');
const fuzz = readJson('fuzz.json');
// Judged again from the samples, so the report follows the verdict's current rule.
if (fuzz) fuzz.verdict = memoryVerdict(fuzz.samples);

const nativeHealthy = healthyOf(model.speed);
const settledValues = Object.values(model.settled);
const settledWorst = settledValues.length ? Math.max(...settledValues) : NaN;
const wasm = page?.wasm?.median_days_per_s ?? NaN;
const slowdown = nativeHealthy / wasm;
// The fastest runs of each are the least disturbed by other work on the machine.
const slowdownFastest = healthyOf(model.fastest) / (page?.wasm?.fastest_days_per_s ?? NaN);
const frames1 = page?.frames?.cpu_1x;
const frames4 = page?.frames?.cpu_4x;
const kib = (bytes) => bytes / 1024;

const lines = [];
const add = (...more) => lines.push(...more);
add(
  '# Benchmarks',
  '',
  'Written by `bash setup.sh bench` (tools/bench/write-report.mjs); do not edit by hand, run it again.',
  `Run ${m.started} at ${m.commit}.`,
  '',
  '## Machine',
  '',
  `- CPU: ${m.cpu}, ${m.cores} cores; RAM ${fmt(m.ram_gib, 1)} GiB`,
  `- ${m.chromium}; ${m.rustc}; Node.js ${m.node}`,
  `- Load average (1, 5, 15 min) as each step began: ${m.steps.map((s) => `${s.name} ${s.load}`).join('; ') || 'not recorded'}.`,
  '  The machine is shared (2 cores, other builds running): where load moves a figure, compare the',
  '  ratios (WebAssembly ÷ native, throttled ÷ unthrottled) rather than the absolute numbers.',
  '',
  '## Summary',
  '',
  '| measure | value | goal (issue 12) | |',
  '|---|---|---|---|',
  `| model, native, healthy patient (median of ${model.runs} \`cargo bench\` runs) | ${fmt(nativeHealthy)} simulated days/s | ≥ ${fmt(GOAL_DAYS_PER_S)} | ${judge(Number.isFinite(nativeHealthy) ? nativeHealthy >= GOAL_DAYS_PER_S : null)} |`,
  `| settled state, slowest case | ${fmt(settledWorst, 2)} ms | < ${GOAL_SETTLED_MS} ms | ${judge(Number.isFinite(settledWorst) ? settledWorst < GOAL_SETTLED_MS : null)} |`,
  `| model as WebAssembly in Chromium, same patient (median of ${page?.wasm?.runs?.length ?? 0}) | ${fmt(wasm)} simulated days/s | | |`,
  `| native ÷ WebAssembly (times slower in the page): medians; fastest runs | ${fmt(slowdown, 2)}; ${fmt(slowdownFastest, 2)} | ≤ ${GOAL_WASM_SLOWDOWN} | ${judge(Number.isFinite(slowdown) ? slowdown <= GOAL_WASM_SLOWDOWN : null)} |`,
  `| frame script, 30 days/s, charts open: p50 / p95, unthrottled | ${fmt(frames1?.frame_script_p50_ms, 1)} / ${fmt(frames1?.frame_script_p95_ms, 1)} ms | | |`,
  `| the same under 4x CPU throttling | ${fmt(frames4?.frame_script_p50_ms, 1)} / ${fmt(frames4?.frame_script_p95_ms, 1)} ms | p95 ≤ ${GOAL_FRAME_P95_MS} ms | ${judge(frames4?.frame_script_p95_ms !== undefined ? frames4.frame_script_p95_ms <= GOAL_FRAME_P95_MS : null)} |`,
  `| whole frame (from the frame's start: with the rendering lag), unthrottled; 4x: p50 / p95 | ${fmt(frames1?.whole_frame_p50_ms, 1)} / ${fmt(frames1?.whole_frame_p95_ms, 1)} ms; ${fmt(frames4?.whole_frame_p50_ms, 1)} / ${fmt(frames4?.whole_frame_p95_ms, 1)} ms | | |`,
  `| frame-stats (model step and publish): p50 / p95, unthrottled | ${fmt(frames1?.frame_stats_p50_ms, 1)} / ${fmt(frames1?.frame_stats_p95_ms, 1)} ms | | |`,
  `| frame-stats under 4x CPU throttling | ${fmt(frames4?.frame_stats_p50_ms, 1)} / ${fmt(frames4?.frame_stats_p95_ms, 1)} ms | p95 ≤ ${GOAL_FRAME_P95_MS} ms | ${judge(frames4 ? frames4.frame_stats_p95_ms <= GOAL_FRAME_P95_MS : null)} |`,
  `| first load (html + js + wasm + css), gzip | ${fmt(size ? kib(size.gzip) : NaN, 1)} KiB | ≤ ${GOAL_FIRST_LOAD_KIB} KiB | ${judge(size ? kib(size.gzip) <= GOAL_FIRST_LOAD_KIB : null)} |`,
  `| first load, brotli | ${fmt(size?.brotli ? kib(size.brotli) : NaN, 1)} KiB | | |`,
);
for (const [name, report] of [['mobile', mobile], ['desktop', desktop]]) {
  if (!report) {
    add(`| Lighthouse ${name} | not run | | |`);
    continue;
  }
  add(
    `| Lighthouse ${name}: performance score, LCP, TBT | ${fmt(report.performance)}, ${fmt(report.lcp_ms / 1000, 2)} s, ${fmt(report.tbt_ms)} ms | | |`,
    `| Lighthouse ${name}: total bytes; accessibility, best practices | ${fmt(kib(report.bytes), 1)} KiB; ${fmt(report.accessibility)}, ${fmt(report.best_practices)} | | |`,
  );
}
if (fuzz) {
  const v = fuzz.verdict ?? {};
  add(
    `| long UI fuzz: ${fmt(fuzz.minutes)} min, ${fmt(fuzz.actions)} actions, seed ${fuzz.seed} | ${fuzz.failure ? 'FAILED (below)' : 'zero console errors, zero panics'} | zero errors | ${judge(!fuzz.failure)} |`,
    `| memory (JS heap + WebAssembly), minutes 1–3 → middle → last minutes; peak | ${fmt(v.first_minutes_mb, 1)} → ${fmt(v.middle_minutes_mb, 1)} → ${fmt(v.last_minutes_mb, 1)} MB; ${fmt(v.peak_mb, 1)} MB | plateau, ≤ ${GOAL_MEMORY_MB} MB | ${v.plateau === null || v.plateau === undefined ? 'no verdict' : v.plateau && v.within_goal ? 'met' : 'not met'} |`,
  );
} else {
  add('| long UI fuzz | not run | | |');
}

add(
  '',
  '## Model, native (`cargo bench --bench model`)',
  '',
  `Each figure is the median over ${model.runs} runs of the bench, of the figure each run prints (its`,
  'own median where it prints one). opt-level 3 (`[profile.bench]`).',
  '',
  '| case | simulated days/s | fastest run |',
  '|---|---|---|',
  ...Object.entries(model.speed).map(([name, value]) => `| ${name} | ${fmt(value)} | ${fmt(model.fastest[name])} |`),
  '',
  '| settled state of | ms |',
  '|---|---|',
  ...Object.entries(model.settled).map(([name, value]) => `| ${name} | ${fmt(value, 2)} |`),
  '',
  `labs() from the state: ${fmt(model.labs, 2)} µs.`,
  '',
  '## Model in the page (WebAssembly)',
  '',
  '`window.wasmBindings.bench_model_days_per_second(days)` (src/app/model_bench.rs) runs the native',
  "bench's healthy case (a healthy patient at steady state, advanced 20,000 days) inside the page and",
  'times it with `performance.now()`; the page is paused meanwhile. The page is built at opt-level "z"',
  '(size first, as shipped), the native bench at opt-level 3: the ratio includes that choice.',
  '',
  page?.wasm
    ? `Runs (days/s): ${page.wasm.runs.map((v) => fmt(v)).join(', ')}; median ${fmt(page.wasm.median_days_per_s)}, fastest ${fmt(page.wasm.fastest_days_per_s)}.`
    : 'Not measured (the page step failed).',
  '',
  '## Frame times',
  '',
  "Playing at 30 simulated days/s (`?preset=inflammation&speed=30`, the four default charts open), 10 s",
  'per page, fresh pages, medians over them. "Frame script" is the time from the start of the',
  "frame's first animation-frame callback (the app's) to a callback requested after the app's: the",
  "app's frame, the effects it triggers, canvas and chart drawing. \"Whole frame\" counts the same from",
  "the frame's start time, so it also holds whatever delay the previous frame's rendering left (as",
  'specs/performance.spec.mjs measures it); "frame-stats" is',
  "what the page publishes in its hidden `frame-stats` element (its frame callback's model step and",
  'publish, over the last 600 frames). 4x is `Emulation.setCPUThrottlingRate` (a cheap laptop).',
  '',
  '| CPU | frame script p50 | p95 | whole frame p50 | p95 | frame-stats p50 | p95 | frame interval p50 |',
  '|---|---|---|---|---|---|---|---|',
  ...[['1x', frames1], ['4x', frames4]].map(([rate, f]) => (f
    ? `| ${rate} | ${fmt(f.frame_script_p50_ms, 1)} ms | ${fmt(f.frame_script_p95_ms, 1)} ms | ${fmt(f.whole_frame_p50_ms, 1)} ms | ${fmt(f.whole_frame_p95_ms, 1)} ms | ${fmt(f.frame_stats_p50_ms, 2)} ms | ${fmt(f.frame_stats_p95_ms, 2)} ms | ${fmt(f.frame_interval_p50_ms, 1)} ms |`
    : `| ${rate} | n/a | | | | | | |`)),
  '',
  frames1 && frames4
    ? `Throttled ÷ unthrottled, frame script p95: ${fmt(frames4.frame_script_p95_ms / frames1.frame_script_p95_ms, 1)}; whole frame p95: ${fmt(frames4.whole_frame_p95_ms / frames1.whole_frame_p95_ms, 1)}; frame-stats p95: ${fmt(frames4.frame_stats_p95_ms / frames1.frame_stats_p95_ms, 1)}.`
    : '',
  '',
  '## First-load size',
  '',
  'tests/e2e/size-report.mjs on the release build: gzip level 9, brotli quality 11.',
  '',
  '| kind | files | raw KiB | gzip KiB | brotli KiB |',
  '|---|---|---|---|---|',
  ...(size
    ? [...Object.entries(size.totals).map(([kind, t]) => `| ${kind.slice(1)} | ${t.files} | ${fmt(kib(t.raw), 1)} | ${fmt(kib(t.gzip), 1)} | ${fmt(t.brotli === undefined ? NaN : kib(t.brotli), 1)} |`),
      `| total | | ${fmt(kib(size.raw), 1)} | ${fmt(kib(size.gzip), 1)} | ${fmt(size.brotli === undefined ? NaN : kib(size.brotli), 1)} |`]
    : ['| n/a | | | | |']),
  '',
  '## Lighthouse',
  '',
  'npm `lighthouse@12.2.3` with /usr/bin/chromium (`--headless=new --no-sandbox',
  '--disable-background-networking --disable-component-update`), against the release build served',
  'by tests/e2e/serve-dist.mjs (text and WebAssembly gzip-compressed, as a deployment sends them).',
  'Mobile is Lighthouse\'s default (a mid-range phone: simulated slow 4G and 4x CPU slowdown); desktop',
  'is `--preset=desktop`. Medians over the runs.',
  '',
  '| | runs | performance | FCP | LCP | TBT | TTI | CLS | total bytes | accessibility | best practices |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...[['mobile', mobile], ['desktop', desktop]].map(([name, r]) => (r
    ? `| ${name} | ${r.runs} | ${fmt(r.performance)} | ${fmt(r.fcp_ms / 1000, 2)} s | ${fmt(r.lcp_ms / 1000, 2)} s | ${fmt(r.tbt_ms)} ms | ${fmt(r.tti_ms / 1000, 2)} s | ${fmt(r.cls, 3)} | ${fmt(kib(r.bytes), 1)} KiB | ${fmt(r.accessibility)} | ${fmt(r.best_practices)} |`
    : `| ${name} | 0 | not run | | | | | | | | |`)),
  '',
  (mobile ?? desktop)
    ? `Lighthouse ${(mobile ?? desktop).version} has ${(mobile ?? desktop).pwa === null ? 'no PWA category (removed in Lighthouse 12)' : `a PWA score of ${fmt((mobile ?? desktop).pwa)}`}`
      + `${(mobile ?? desktop).installable === null ? ' and no installable-manifest audit' : `; installable-manifest: ${(mobile ?? desktop).installable === 1 ? 'passes' : 'fails'}`}.`
    : '',
  ...(mobile ? [`Audits scoring under 0.5 (mobile): ${mobile.failing.join(', ') || 'none'}.`] : []),
  '',
  '## Long UI fuzz',
  '',
);
if (fuzz) {
  add(
    `tests/e2e/fuzz/long-run.mjs: ${fmt(fuzz.minutes)} minutes of random actions (fuzz/ui-fuzz.mjs, seed`,
    `${fuzz.seed}; replay with \`FUZZ_SEED=${fuzz.seed}\`), no reloads (one page's life). ${fmt(fuzz.actions)} actions, ${fmt(fuzz.acted)}`,
    `reached their control, ${fmt(fuzz.skipped)} found it gone or covered. Memory after a forced garbage`,
    'collection (`HeapProfiler.collectGarbage`), once a minute: JS heap used (`Runtime.getHeapUsage`),',
    "the WebAssembly memory (its `memory` export's buffer; it grows in 64 KiB pages and never shrinks),",
    'and the live DOM nodes (detached ones included) and JS event listeners (`Memory.getDOMCounters`).',
    "The page's history is capped at 3,650 days (`MAX_HISTORY_DAYS`), so its memory should level off.",
    '',
    '| minute | JS heap used MB | JS heap allocated MB | WebAssembly MB | total MB | DOM nodes | event listeners |',
    '|---|---|---|---|---|---|---|',
    ...fuzz.samples.map((s) => `| ${s.minute} | ${fmt(s.js_heap_used_mb, 2)} | ${fmt(s.js_heap_total_mb, 2)} | ${fmt(s.wasm_mb, 2)} | ${fmt(s.total_mb, 2)} | ${fmt(s.dom_nodes)} | ${fmt(s.js_event_listeners)} |`),
    '',
    fuzz.verdict?.plateau === null || fuzz.verdict?.plateau === undefined
      ? `Verdict: ${fuzz.verdict?.note ?? 'none'}.`
      : `Verdict (tests/e2e/fuzz/memory-verdict.mjs; largest of three samples each): the last minutes hold ${fmt(fuzz.verdict.last_minutes_mb, 2)} MB, `
        + `${fmt(fuzz.verdict.growth_mb, 2)} MB more than minutes 1–3 (${fmt(fuzz.verdict.first_minutes_mb, 2)} MB) and `
        + `${fmt(fuzz.verdict.second_half_growth_mb, 2)} MB more than the middle of the run (from minute ${fuzz.verdict.middle_from_minute}, ${fmt(fuzz.verdict.middle_minutes_mb, 2)} MB; `
        + `flat is within ${fmt(fuzz.verdict.allowed_growth_mb, 2)} MB): ${fuzz.verdict.plateau ? 'memory plateaus' : 'memory still grows'}; `
        + `peak ${fmt(fuzz.verdict.peak_mb, 1)} MB, ${fuzz.verdict.within_goal ? 'within' : 'over'} the ${GOAL_MEMORY_MB} MB goal.`,
    '',
    `Actions by kind: ${Object.entries(fuzz.by_kind ?? {}).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}.`,
  );
  if (fuzz.failure) add('', '```', fuzz.failure, '```');
} else {
  add('Not run (the step failed before writing its results).');
}

add(
  '',
  '## Steps',
  '',
  '| step | exit status | seconds |',
  '|---|---|---|',
  ...m.steps.map((s) => `| ${s.name} | ${s.status} | ${s.seconds} |`),
  '',
  'Run it again: `bash setup.sh bench` (about 20 minutes; `BENCH_FUZZ_MINUTES=N` shortens the fuzz',
  'run, `FUZZ_SEED=N` replays one, `BENCH_PORT` picks the local port).',
  '',
);

writeFileSync(output, lines.join('\n'));
console.log(`wrote ${output}`);
