// UI fuzzer (issue 12): seeded random actions against the built page, as a restless student would
// make them: clicks on whatever control is visible and enabled, key presses, slider drags and
// fills, preset, tour, case, units, language, compare, projector and treatment changes, tour
// answers, case orders and answers, scene parts, lab rows (the why-panel), exports, scenario files,
// reloads. After every action the page must still be well: no console error, no uncaught
// exception, no crash overlay (`error-overlay`), no request off the local host, and the page
// answers (`sim-day` reads as a number within a frame or two).
//
// The same seed makes the same choices, so a failure can be replayed: the seed is printed at the
// start, and a failure names the seed, the action's index and the last 20 actions. (The page's own
// clock runs between actions, so a replay chooses the same actions but may meet the page a frame
// earlier or later.)
//
// Used by specs/fuzz.spec.mjs (short runs in the test command) and fuzz/long-run.mjs (the
// benchmark command's 10-minute run with memory samples).

/** Seeds of the test command's short runs: fixed so the test command is repeatable. */
export const SHORT_RUN_SEEDS = [20261126, 7];

/** The controls a student can reach. A link counts only if it stays on the page (`#…`). */
const CONTROL_SELECTOR =
  'button, select, input, textarea, summary, a[href], [role="button"], [tabindex]:not([tabindex="-1"]), canvas';

/** How long one pointer or form action may wait for its control, ms. A control that moved or
 * was covered in between is skipped, not a failure. */
const ACTION_TIMEOUT_MS = 1500;

/** How long the page may take to answer after an action, ms: a frame normally takes 17 ms, and
 * the slowest action (opening a settled preset, a language) a few hundred on this machine. */
const ANSWER_TIMEOUT_MS = 10_000;

/** How long one action may take in all, ms, reloads included (a reload takes 1–3 s here): past
 * this the run stops with a report instead of hanging until the test's own time limit. */
const ACTION_DEADLINE_MS = 30_000;

/** How many actions a failure report lists. */
const REPORTED_ACTIONS = 20;

/** Keys a student presses (Playwright key names). */
const KEYS = [
  'Tab', 'Shift+Tab', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Space', 'Enter',
  'Escape', '?', 'PageUp', 'PageDown', 'Home', 'End', 'Alt+R',
];

/** Where a run opens the page: plain, or as a link a lecturer or student would share (contract
 * section 4 and the teacher panel's parameters), so the actions also meet those modes. */
const START_QUERIES = [
  '', '', '?preset=iron_deficiency', '?preset=b12_deficiency&speed=30', '?compare=1',
  '?mode=projector', '?embed=1', '?lang=es', '?units=si', '?preset=ckd&day=200',
  '?lock=iron_intake_mg_per_day,il6_pg_per_ml&hide=charts,treatments', '?charts=hb_g_dl,epo_mu_ml&speed=7',
];

/** Doses typed into the treatment form: sensible, odd and wrong. */
const TYPED_VALUES = ['', '0', '1', '5', '100', '1000', '-3', '1e9', '0.5', 'abc', '2,5', ' 40 '];

/** A seed from the system's random source, for a fresh run. */
export function randomSeed() {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

/** A small seeded PRNG (mulberry32): fast, 32-bit state, good enough to choose actions. */
export function makeRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

/**
 * Watches a page for what must never happen: console errors, uncaught exceptions, a crashed
 * renderer, requests off the local host (aborted, and reported).
 */
export class PageWatch {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.problems = [];
    this.downloads = 0;
    this.dialogs = 0;
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught exception: ${error}`));
    page.on('crash', () => this.problems.push('the page crashed'));
    page.on('download', (download) => {
      this.downloads += 1;
      download.delete().catch(() => {});
    });
    page.on('dialog', (dialog) => {
      this.dialogs += 1;
      dialog.dismiss().catch(() => {});
    });
  }

  /** Installs the watch's routes and the page's stand-ins; call once, before the first visit. */
  async install() {
    await this.page.route((url) => !isLocal(url), (route) => {
      this.problems.push(`request off the local host: ${route.request().url()}`);
      return route.abort();
    });
    await this.page.addInitScript(() => {
      // Printing would open the browser's print preview; the summary's layout is the export
      // spec's business. Count the calls instead.
      window.print = () => {
        window.fuzzPrints = (window.fuzzPrints ?? 0) + 1;
      };
      // The WebAssembly's memory, from the start event of assets/start.js (its detail carries the
      // instance's exports), for the long run's memory samples.
      addEventListener('TrunkApplicationStarted', (event) => {
        window.fuzzWasmMemory = event.detail?.wasm?.memory ?? null;
      });
    });
  }

  /** Problems seen since the last call. */
  take() {
    const problems = this.problems;
    this.problems = [];
    return problems;
  }
}

function isLocal(url) {
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Opens the page at `url` and waits until the app has started. */
export async function openPage(page, url) {
  await page.goto(url);
  await waitForApp(page);
}

async function waitForApp(page) {
  // The condition returns a boolean and the handle is let go: a handle to an element would keep it,
  // and with it a whole page the app has since replaced, alive (the long run measures memory).
  const started = await page.waitForFunction(
    () => Boolean(window.wasmBindings && document.querySelector('[data-testid="sim-day"]')),
    null,
    { timeout: 30_000 },
  );
  await started.dispose();
}

/**
 * Picks one visible, enabled control matching `selector` (only inside an open modal dialog, if
 * one is open) with the random number `r`, marks it `data-fuzz-target` and describes it; `null`
 * if there is none.
 */
async function pickControl(page, selector, r) {
  return page.evaluate(({ selector, r }) => {
    for (const old of document.querySelectorAll('[data-fuzz-target]')) old.removeAttribute('data-fuzz-target');
    const modal = [...document.querySelectorAll('dialog[open]')].find((dialog) => dialog.matches(':modal'));
    const reachable = [...document.querySelectorAll(selector)].filter((element) => {
      if (modal && !modal.contains(element)) return false;
      if (element.disabled || element.closest('[inert]') || element.closest('fieldset:disabled')) return false;
      if (element.type === 'file' || element.type === 'hidden') return false;
      if (element.tagName === 'A' && !(element.getAttribute('href') ?? '').startsWith('#')) return false;
      if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const box = element.getBoundingClientRect();
      return box.width >= 1 && box.height >= 1;
    });
    if (reachable.length === 0) return null;
    const element = reachable[Math.floor(r * reachable.length)];
    element.setAttribute('data-fuzz-target', '');
    const name = element.dataset.testid || element.getAttribute('aria-label') || element.id
      || (element.textContent ?? '').trim().slice(0, 30) || element.tagName.toLowerCase();
    return {
      tag: element.tagName.toLowerCase(),
      type: element.type ?? '',
      name,
      options: element.tagName === 'SELECT' ? [...element.options].filter((o) => !o.disabled).map((o) => o.value) : [],
      min: Number(element.min),
      max: Number(element.max),
      step: element.step === 'any' ? 0 : Number(element.step || 1),
      readOnly: Boolean(element.readOnly),
    };
  }, { selector, r });
}

const TARGET = '[data-fuzz-target]';

/** A value for a range input: any step of its scale, or one of its ends. */
function sliderValue(random, control) {
  const { min, max, step } = control;
  if (!(max > min)) return String(min || 0);
  if (random.chance(0.15)) return String(random.chance(0.5) ? min : max);
  const steps = step > 0 ? Math.floor((max - min) / step) : 1000;
  const value = min + random.int(steps + 1) * (step > 0 ? step : (max - min) / 1000);
  return String(Number(value.toFixed(6)));
}

/** Acts on the marked control as a student would; returns what was done. */
async function actOn(page, random, control) {
  const target = page.locator(TARGET);
  const timeout = ACTION_TIMEOUT_MS;
  if (control.tag === 'select') {
    if (control.options.length === 0) return `${control.name}: no option`;
    const value = random.pick(control.options);
    await target.selectOption(value, { timeout });
    return `select ${control.name} = ${JSON.stringify(value)}`;
  }
  if (control.tag === 'input' && control.type === 'range') {
    return random.chance(0.5) ? dragSlider(page, random, control) : fillSlider(page, random, control);
  }
  if ((control.tag === 'input' && ['number', 'text', 'search'].includes(control.type)) || control.tag === 'textarea') {
    if (control.readOnly) {
      await target.click({ timeout });
      return `click ${control.name}`;
    }
    // Typed key by key over the old text, as a student would: a number field drops the
    // characters it refuses (Playwright's fill would refuse "abc" for it instead).
    const value = random.pick(TYPED_VALUES);
    await target.click({ timeout });
    await page.keyboard.press('ControlOrMeta+A');
    if (value === '') await page.keyboard.press('Backspace');
    else await page.keyboard.type(value);
    return `type ${JSON.stringify(value)} into ${control.name}`;
  }
  if (control.tag === 'canvas') {
    const box = await target.boundingBox({ timeout });
    if (!box) return null;
    const position = { x: random.next() * box.width, y: random.next() * box.height };
    await target.click({ timeout, position });
    return `click ${control.name} at ${position.x.toFixed(0)},${position.y.toFixed(0)}`;
  }
  await target.click({ timeout });
  return `click ${control.name}`;
}

async function fillSlider(page, random, control) {
  const value = sliderValue(random, control);
  await page.locator(TARGET).fill(value, { timeout: ACTION_TIMEOUT_MS });
  return `fill ${control.name} = ${value}`;
}

async function dragSlider(page, random, control) {
  const target = page.locator(TARGET);
  await target.scrollIntoViewIfNeeded({ timeout: ACTION_TIMEOUT_MS });
  const box = await target.boundingBox();
  if (!box) return null;
  const y = box.y + box.height / 2;
  const from = box.x + random.next() * box.width;
  const to = box.x + random.next() * box.width;
  await page.mouse.move(from, y);
  await page.mouse.down();
  await page.mouse.move(to, y, { steps: 1 + random.int(6) });
  await page.mouse.up();
  return `drag ${control.name} ${((from - box.x) / box.width).toFixed(2)} -> ${((to - box.x) / box.width).toFixed(2)}`;
}

/** Picks a control matching `selector` and acts on it; null if there is none. */
async function pickAndAct(page, random, selector) {
  const control = await pickControl(page, selector, random.next());
  if (!control) return null;
  return actOn(page, random, control);
}

/** Picks a control matching `selector` and clicks it (whatever it is); null if there is none. */
async function pickAndClick(page, random, selector) {
  const control = await pickControl(page, selector, random.next());
  if (!control) return null;
  await page.locator(TARGET).click({ timeout: ACTION_TIMEOUT_MS });
  return `click ${control.name}`;
}

/** A scenario file for "Open scenario": a preset's file, one with a mistake, or not JSON at all. */
function scenarioFile(random) {
  const good = {
    name: 'Fuzzed scenario',
    start: random.pick(['healthy', 'settled']),
    settings: { iron_intake_mg_per_day: random.int(41), il6_pg_per_ml: random.int(201) },
    events: [{ day: random.int(60), give: 'iv_iron', dose: 500 }],
  };
  const text = random.pick([
    () => JSON.stringify(good),
    () => JSON.stringify({ ...good, settings: { iron_intake_mg_per_day: 999 } }),
    () => JSON.stringify({ ...good, events: [{ day: -1, give: 'elixir', dose: 1 }] }),
    () => '{"name": "cut off',
    () => 'not a scenario at all',
    () => '',
  ])();
  return { name: 'fuzzed.json', mimeType: 'application/json', text };
}

/**
 * The actions, with weights (how often each is chosen, relative to the others). Each returns a
 * description of what it did, or null when it found nothing to act on (the run then clicks any
 * control instead).
 */
function actions({ navigation, startUrl }) {
  const list = [
    [30, 'click any control', (page, random) => pickAndAct(page, random, CONTROL_SELECTOR)],
    [14, 'press a key', async (page, random) => {
      const key = random.pick(KEYS);
      await page.keyboard.press(key);
      return `press ${key}`;
    }],
    [10, 'move a slider', (page, random) => pickAndAct(page, random, 'input[type="range"]')],
    [3, 'preset', (page, random) => pickAndAct(page, random, '[data-testid="preset-select"]')],
    [3, 'tour', (page, random) => pickAndAct(page, random, '[data-testid="tour-select"]')],
    [3, 'case', (page, random) => pickAndAct(page, random, '[data-testid="case-select"]')],
    [2, 'units', (page, random) => pickAndAct(page, random, '[data-testid="units-select"]')],
    [2, 'language', (page, random) => pickAndAct(page, random, '[data-testid="lang-select"]')],
    [2, 'speed', (page, random) => pickAndAct(page, random, '[data-testid="speed"]')],
    [2, 'compare', (page, random) => pickAndClick(page, random, '[data-testid="compare-toggle"]')],
    [2, 'projector', (page, random) => pickAndClick(page, random, '[data-testid="projector-toggle"]')],
    [6, 'treatment', async (page, random) => {
      const chosen = await pickAndAct(page, random, '[data-testid="treatment-select"]');
      if (!chosen) return null;
      const steps = [chosen];
      if (random.chance(0.4)) {
        const typed = await pickAndAct(page, random, '[data-testid="treatment-dose"], [data-testid="treatment-days"]');
        if (typed) steps.push(typed);
      }
      const given = await pickAndClick(page, random, '[data-testid="treatment-give"]');
      if (given) steps.push(given);
      return steps.join('; ');
    }],
    [8, 'tour answer', (page, random) => pickAndClick(page, random,
      '[data-testid="tour-choice"], [data-testid="tour-next"], [data-testid="tour-back"], [data-testid="tour-exit"]')],
    [8, 'case work', (page, random) => pickAndAct(page, random,
      '[data-testid^="case-order-"], [data-testid="case-diagnosis"], [data-testid="case-treatment"], [data-testid="case-submit"], [data-testid="case-leave"]')],
    [3, 'scene part', (page, random) => pickAndClick(page, random, '[data-testid^="scene-part-"]')],
    [4, 'lab row', (page, random) => pickAndClick(page, random, '[data-testid^="lab-"]:is(button), [data-testid="why-link"]')],
    [2, 'export', (page, random) => pickAndClick(page, random,
      '[data-testid="export-csv"], [data-testid="export-png"], [data-testid="print-summary"], [data-testid="save-scenario"], [data-testid="share-link"]')],
    [1, 'open scenario', async (page, random) => {
      // The file is handed over inside the page, as a drop would: Playwright's setInputFiles
      // keeps a handle to the input, and with it every page the app replaces (the long run
      // measures memory).
      const file = scenarioFile(random);
      const given = await page.evaluate(({ text, name, type }) => {
        const input = document.querySelector('[data-testid="open-scenario"]');
        if (!input || input.disabled) return false;
        const files = new DataTransfer();
        files.items.add(new File([text], name, { type }));
        input.files = files.files;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return true;
      }, { text: file.text, name: file.name, type: file.mimeType });
      return given ? `open scenario ${JSON.stringify(file.text.slice(0, 40))}` : null;
    }],
    [3, 'let the clock run', async (page, random) => {
      const frames = 1 + random.int(30);
      await page.evaluate((frames) => new Promise((resolve) => {
        let left = frames;
        const frame = () => (--left <= 0 ? resolve() : requestAnimationFrame(frame));
        requestAnimationFrame(frame);
        // A hidden page gets no frames; do not wait for ever.
        setTimeout(resolve, 2000);
      }), frames);
      return `wait ${frames} frames`;
    }],
  ];
  if (navigation) {
    list.push([0.5, 'reload', async (page) => {
      await page.reload({ timeout: ACTION_DEADLINE_MS });
      await waitForApp(page);
      return 'reload';
    }]);
    list.push([0.5, 'back', async (page) => {
      await page.goBack({ timeout: ACTION_DEADLINE_MS }).catch(() => null);
      if (new URL(page.url()).origin !== new URL(startUrl).origin) await page.goto(startUrl, { timeout: ACTION_DEADLINE_MS });
      await waitForApp(page);
      return `back (now ${new URL(page.url()).search || '/'})`;
    }]);
  }
  return list;
}

/** `promise`, or a rejection naming `what` once `ms` have passed. */
async function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function chooseWeighted(random, list) {
  const total = list.reduce((sum, [weight]) => sum + weight, 0);
  let r = random.next() * total;
  for (const entry of list) {
    r -= entry[0];
    if (r < 0) return entry;
  }
  return list[list.length - 1];
}

/**
 * What must hold after every action: the page answers within a frame or two with a readable
 * `sim-day`, shows no error overlay and prints no NaN, Infinity or [object Object]. Returns the
 * problems found.
 */
async function checkPage(page) {
  let timer;
  const answered = page.evaluate(() => new Promise((resolve) => {
    const read = () => ({
      day: document.querySelector('[data-testid="sim-day"]')?.textContent ?? null,
      overlay: document.querySelector('[data-testid="error-overlay"]') !== null,
      url: location.href,
      // A number the model or the view failed to compute, printed as it came.
      broken: (document.body.textContent.match(/.{0,40}(?:\bNaN\b|\bInfinity\b|\[object Object\]).{0,40}/) ?? [null])[0],
    });
    // Two frames: the action's effects have run and been drawn. A hidden page gets no frames,
    // hence the timer.
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(read())));
    setTimeout(() => resolve(read()), 1000);
  }));
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), ANSWER_TIMEOUT_MS);
  });
  const state = await Promise.race([answered.catch((error) => ({ error: String(error) })), timeout]);
  clearTimeout(timer);
  if (state === null) return [`the page did not answer within ${ANSWER_TIMEOUT_MS} ms`];
  if (state.error) return [`the page could not be read: ${state.error}`];
  const problems = [];
  if (state.overlay) problems.push('the error overlay is shown');
  if (state.broken) problems.push(`the page prints a broken value: ${JSON.stringify(state.broken)}`);
  if (state.day === null) problems.push(`no sim-day on the page (${state.url})`);
  else if (!/^\s*-?\d+([.,]\d+)?\s*$/.test(state.day)) problems.push(`sim-day reads ${JSON.stringify(state.day)}`);
  return problems;
}

/**
 * Runs the fuzzer on `page` (a fresh page; `PageWatch` and the first visit are done here).
 *
 * options: `seed`; `baseUrl` (the served page, e.g. http://127.0.0.1:4173/); `actions` (how many)
 * or `durationMs` (for how long); `navigation` (reload and back among the actions; the long run
 * turns them off so that memory is measured in one page's life); `between(index)`, awaited after
 * every checked action (the long run's memory samples); `log` (console.log by default); `trace`
 * (log every action as it is done).
 *
 * Returns { seed, actions, acted, skipped, byKind, failure }: `failure` is null, or a report
 * naming the seed, the action's index, the problems and the last actions.
 */
export async function runUiFuzz(page, options) {
  const seed = options.seed >>> 0;
  const log = options.log ?? console.log;
  const random = makeRandom(seed);
  const startUrl = new URL(`/${random.pick(START_QUERIES)}`, options.baseUrl).href;
  const watch = new PageWatch(page);
  await watch.install();
  const list = actions({ navigation: options.navigation ?? true, startUrl });
  const maxActions = options.actions ?? Infinity;
  const endAt = options.durationMs ? Date.now() + options.durationMs : Infinity;
  log(`ui fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}), opening ${startUrl}`);

  await openPage(page, startUrl);
  const done = [];
  const byKind = {};
  let acted = 0;
  let skipped = 0;
  let failure = null;
  for (let index = 0; index < maxActions && Date.now() < endAt; index += 1) {
    let [, kind, run] = chooseWeighted(random, list);
    let description;
    let problems = [];
    try {
      description = await withDeadline(run(page, random), ACTION_DEADLINE_MS, `${kind} did not finish`);
      if (description === null) {
        // Nothing of that kind on the page now: click any control instead.
        kind = 'click any control';
        description = (await withDeadline(pickAndAct(page, random, CONTROL_SELECTOR), ACTION_DEADLINE_MS, 'a click did not finish'))
          ?? 'nothing to act on';
      }
      acted += 1;
    } catch (error) {
      // A control that went away or was covered while being reached: the page changed under the
      // student's hand, which is no failure; whether the page is still well is checked below.
      const message = String(error).split('\n')[0];
      const navigating = kind === 'reload' || kind === 'back';
      if (!navigating && /Timeout|not attached|detached|not visible|not an? |Element is not|outside of the viewport|intercepts pointer/i.test(message)) {
        skipped += 1;
        description = `${kind}: skipped (${message.slice(0, 80)})`;
      } else {
        description = `${kind}: failed (${message})`;
        problems.push(`the action failed: ${message}`);
      }
    }
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    done.push(`#${index} ${description}`);
    if (options.trace) log(done.at(-1));
    problems = problems.concat(watch.take(), await checkPage(page), watch.take());
    if (problems.length > 0) {
      failure = [
        `ui fuzz FAILED: seed ${seed}, action #${index} (${description})`,
        'problems:',
        ...problems.map((problem) => `  ${problem}`),
        `last ${REPORTED_ACTIONS} actions:`,
        ...done.slice(-REPORTED_ACTIONS).map((action) => `  ${action}`),
        `replay: FUZZ_SEED=${seed}`,
      ].join('\n');
      log(failure);
      break;
    }
    if (options.between) await options.between(index);
  }
  const result = { seed, actions: done.length, acted, skipped, byKind, downloads: watch.downloads, failure };
  log(`ui fuzz: seed ${seed}, ${done.length} actions (${acted} acted, ${skipped} skipped), ${failure ? 'FAILED' : 'no problem'}`);
  return result;
}
