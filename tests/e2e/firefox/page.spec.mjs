// The page in Firefox: the core of specs/page.spec.mjs and one check of specs/languages.spec.mjs.
// The contract's hooks, the time controls and the keyboard, sliders that move the labs, every
// preset's characteristic flags (the same reference table as in Chromium), the parts of the
// WebAssembly fetched when first used, and lang=es.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { By, Key } from 'selenium-webdriver';
import {
  EXPECTED_FLAGS, MAIN_SETTINGS, PANEL_LABS, PRESETS, RELAY_SETTINGS,
} from '../pages/expectations.mjs';
import { TEST_TIMEOUT_MS, useFirefox } from './use-firefox.mjs';
import { waitFor, waitForEqual } from './wait-for.mjs';

const timeout = TEST_TIMEOUT_MS;

/** The Spanish page catalogue the page fetches, to name the English a check starts from. */
const spanishPresets = JSON.parse(
  readFileSync(new URL('../../../assets/i18n/es/presets.json', import.meta.url), 'utf8'));

describe('the Marrow Factory page in Firefox', () => {
  const firefox = useFirefox();

  it('opens with every contract hook', { timeout }, async () => {
    const { page } = firefox;
    await page.open();
    assert.equal(await page.driver.findElement(By.css('h1')).getText(), 'Marrow Factory');
    const hooks = await page.driver.executeScript((settings, labs) => ({
      sliders: settings.map((key) => [key,
        document.querySelector(`[data-testid="slider-${key}"]`)?.type,
        document.querySelectorAll(`label[for="slider-${key}"]`).length]),
      flags: labs.map((key) => [key, document.querySelector(`[data-testid="lab-${key}"]`)?.dataset.flag]),
      presets: [...document.querySelectorAll('[data-testid="preset-select"] option')].map((option) => option.value),
    }), [...MAIN_SETTINGS, ...RELAY_SETTINGS], PANEL_LABS);
    for (const [key, type, labels] of hooks.sliders) {
      assert.equal(type, 'range', `slider-${key} is a range`);
      assert.equal(labels, 1, `slider-${key} has one label`);
    }
    for (const [key, flag] of hooks.flags) assert.match(String(flag), /^(low|normal|high)$/, `lab-${key}'s flag`);
    assert.deepEqual(hooks.presets, PRESETS);
    for (const hook of ['play-pause', 'step', 'speed', 'reset-all', 'skip-forward', 'sim-day',
      'preset-select', 'factory-canvas', 'share-link']) {
      await page.waitVisible(hook);
    }
    const scene = await page.find('factory-canvas').getRect();
    assert.ok(scene.width > 300, `the scene is ${scene.width} px wide`);
  });

  it('time controls: pause, step, skip, speed, jump, the Space key and Alt+R', { timeout }, async () => {
    const { page } = firefox;
    await page.open();
    await waitFor(() => page.day(), { until: (day) => day > 0, what: 'the clock to start' });
    await page.pause();
    const paused = await page.day();
    // Half a second of frames at 60 per second: a running clock would have moved.
    await page.framesPass(30);
    assert.equal(await page.day(), paused, 'a paused clock stands still');
    await page.step();
    await page.click('skip-forward');
    await waitForEqual(() => page.day(), paused + 31, 'the day after skipping 30 days');
    await page.choose('speed', '30');
    await page.play();
    await waitFor(() => page.day(), { until: (day) => day > paused + 60, what: `a day past ${paused + 60}` });
    await page.focusPage();
    await page.press(Key.SPACE);
    await waitFor(async () => !(await page.isPlaying()), { what: 'Space to stop the clock' });

    // Without intrinsic factor, the settled state is macrocytic.
    await page.setSlider('intrinsic_factor_percent', 0);
    const mcvBefore = await page.labValue('mcv_fl');
    await page.click('jump-settled');
    await waitFor(() => page.labValue('mcv_fl'), { until: (mcv) => mcv > mcvBefore + 10, what: 'a larger MCV' });
    assert.equal(await page.flag('mcv_fl'), 'high');

    await page.focusPage();
    await page.pressAlt('r');
    await waitFor(() => page.text('sim-day'), { until: (day) => /^[0-2]$/.test(day), what: 'day 0 after Alt+R' });
    assert.equal(await page.property('slider-intrinsic_factor_percent', 'value'), '100');
    assert.equal(await page.property('speed', 'value'), '1');
    assert.equal(await page.isPlaying(), true);
  });

  it('a slider changes the patient and the lab report at once', { timeout }, async () => {
    const { page } = firefox;
    await page.open();
    await page.pause();
    await page.setSlider('il6_pg_per_ml', 120);
    await waitForEqual(() => page.labText('il6_pg_per_ml'), '120', 'the IL-6 lab');
    assert.equal(await page.flag('il6_pg_per_ml'), 'high');
    assert.equal(await page.driver.findElement(By.id('value-il6_pg_per_ml')).getText(), '120 pg/mL');
    // Hepcidin follows within a day (Kemna 2005: its peak 6 h after the cytokines), and its trend
    // arrow says so.
    const hepcidin = await page.labValue('hepcidin_ng_ml');
    await page.step();
    await waitFor(() => page.labValue('hepcidin_ng_ml'),
      { until: (value) => value > hepcidin * 1.3, what: `hepcidin above ${hepcidin * 1.3}` });
    assert.equal(await page.attribute('trend-hepcidin_ng_ml', 'data-trend'), 'rising');
  });

  for (const preset of PRESETS) {
    it(`preset ${preset} opens with its signature on screen`, { timeout }, async () => {
      const { page } = firefox;
      await page.open();
      await page.choose('preset-select', preset);
      await page.pause();
      assert.match(await page.text('preset-description'), /\w{20,}|\w+ \w+ \w+/);
      for (const [key, allowed] of Object.entries(EXPECTED_FLAGS[preset])) {
        const flag = await page.flag(key);
        assert.ok(allowed.includes(flag), `${preset}: ${key} = ${await page.labText(key)} is ${flag}, not ${allowed}`);
      }
    });
  }

  // The parts of the WebAssembly fetched when first used (tools/split-wasm.mjs): each arrives and
  // works in Firefox too (Spanish, above, is one of them).
  it('the parts fetched when first used: a tour, a case, compare mode, the why-panel, the teacher panel', { timeout }, async () => {
    const { page } = firefox;
    await page.open('?tour=iron_heist&step=2');
    await page.waitVisible('tour-panel');
    await page.open('?case=vegan_b12');
    await page.waitVisible('case-diagnosis');
    await page.open('?preset=iron_deficiency');
    await page.pause();
    await page.click('compare-toggle');
    await waitFor(async () => (await page.driver.findElements(By.css('[data-patient="b"] [data-testid="lab-hb_g_dl"]'))).length === 1,
      { what: "patient B's lab report" });
    await page.click('lab-ferritin_ng_ml');
    await page.waitVisible('why-panel');
    await page.click('teacher-panel');
    await page.waitVisible('teacher-start');
  });

  it('lang=es opens the page in Spanish', { timeout }, async () => {
    const { page } = firefox;
    await page.open('?preset=inflammation&lang=es');
    await waitForEqual(() => page.driver.executeScript(() => document.documentElement.lang), 'es', '<html lang>');
    await page.pause();
    assert.equal(await page.property('lang-select', 'value'), 'es');
    const chosen = await page.driver.executeScript(() =>
      document.querySelector('[data-testid="preset-select"] option:checked').textContent.trim());
    assert.equal(chosen, spanishPresets['Anemia of inflammation']);
    assert.match(await page.labText('hb_g_dl'), /^\d+,\d$/, 'Hb with a decimal comma');
  });
});
