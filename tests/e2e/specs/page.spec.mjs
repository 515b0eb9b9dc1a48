// The built page end to end: every contract hook, the time controls, presets with their
// characteristic flags (expected directions from physiology-reference.md section 6, not from the
// model), share links and bad links, layouts, reduced motion and an accessibility scan.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { FactoryPage } from '../pages/factory-page.mjs';
import {
  EXPECTED_FLAGS, MAIN_SETTINGS, PANEL_LABS, PRESETS, RELAY_SETTINGS,
} from '../pages/expectations.mjs';

test.describe('the Marrow Factory page', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
  });

  test.afterEach(async () => {
    expect(factory.consoleErrors, 'console errors').toEqual([]);
    expect(factory.offHostRequests, 'requests that left 127.0.0.1').toEqual([]);
  });

  test('has every contract hook', async ({ page }) => {
    await factory.open();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Marrow Factory');
    for (const key of [...MAIN_SETTINGS, ...RELAY_SETTINGS]) {
      await expect(factory.slider(key)).toHaveAttribute('type', 'range');
      await expect(page.locator(`label[for="slider-${key}"]`)).toHaveCount(1);
    }
    for (const key of PANEL_LABS) {
      await expect(factory.lab(key)).toHaveAttribute('data-flag', /^(low|normal|high)$/);
    }
    for (const hook of ['play-pause', 'step', 'speed', 'reset-all', 'skip-forward', 'sim-day',
      'preset-select', 'factory-canvas', 'share-link']) {
      await expect(page.getByTestId(hook)).toBeVisible();
    }
    const options = await factory.presetSelect.locator('option').evaluateAll((nodes) => nodes.map((n) => n.value));
    expect(options).toEqual(PRESETS);
    const box = await factory.factoryCanvas.boundingBox();
    expect(box.width).toBeGreaterThan(300);
  });

  test('time controls: pause, step, speed, skip, jump, reset, and the keyboard', async ({ page }) => {
    await factory.open();
    await expect(factory.simDay).not.toHaveText('0', { timeout: 5_000 });
    await factory.pause();
    const paused = await factory.day();
    await page.waitForTimeout(400);
    expect(await factory.day()).toBe(paused);
    await page.getByTestId('step').click();
    await expect(factory.simDay).toHaveText(String(paused + 1));
    await page.getByTestId('skip-forward').click();
    await expect(factory.simDay).toHaveText(String(paused + 31));
    await page.getByTestId('speed').selectOption('30');
    await factory.play();
    await expect.poll(() => factory.day(), { timeout: 5_000 }).toBeGreaterThan(paused + 60);
    // Space toggles play on the page; Alt+R resets all.
    await page.locator('h1').click();
    await page.keyboard.press('Space');
    await expect(factory.playPause).toHaveAttribute('aria-pressed', 'false');
    await factory.setSlider('intrinsic_factor_percent', 0);
    const mcvBefore = await factory.labValue('mcv_fl');
    await page.getByTestId('jump-settled').click();
    await expect.poll(() => factory.labValue('mcv_fl')).toBeGreaterThan(mcvBefore + 10);
    await expect(factory.lab('mcv_fl')).toHaveAttribute('data-flag', 'high');
    await page.locator('h1').click();
    await page.keyboard.press('Alt+r');
    await expect(factory.simDay).toHaveText(/^[0-2]$/);
    await expect(factory.slider('intrinsic_factor_percent')).toHaveValue('100');
    await expect(page.getByTestId('speed')).toHaveValue('1');
    await expect(factory.playPause).toHaveAttribute('aria-pressed', 'true');
    await factory.pause();
    await page.getByTestId('skip-forward').click();
    await page.getByTestId('reset-all').click();
    await expect(factory.simDay).toHaveText(/^[0-2]$/);
  });

  for (const preset of PRESETS) {
    test(`preset ${preset} opens with its signature on screen`, async ({ page }) => {
      await factory.open();
      await factory.presetSelect.selectOption(preset);
      await factory.pause();
      await expect(page.getByTestId('preset-description')).toContainText(/\w{20,}|\w+ \w+ \w+/);
      for (const [key, allowed] of Object.entries(EXPECTED_FLAGS[preset])) {
        expect(allowed, `${preset}: ${key} = ${await factory.lab(key).textContent()}`)
          .toContain(await factory.flag(key));
      }
      await page.screenshot({ path: `test-results/preset-${preset}.png`, fullPage: true });
    });
  }

  test('the scene and the stain follow the model: inflammation fills the warehouses, not the erythroblasts', async ({ page }) => {
    await factory.open('?preset=healthy');
    await factory.pause();
    const healthyScene = await factory.canvasImage(factory.factoryCanvas);
    const caption = page.getByTestId('marrow-stain-caption');
    const healthyStain = await caption.textContent();
    const healthySmear = await factory.canvasImage(factory.stainCanvas);
    await factory.presetSelect.selectOption('inflammation');
    await factory.pause();
    await expect.poll(() => factory.canvasImage(factory.factoryCanvas)).not.toEqual(healthyScene);
    await expect.poll(() => factory.canvasImage(factory.stainCanvas)).not.toEqual(healthySmear);
    const grade = (text) => Number(text.match(/grade ([\d.]+)/)[1]);
    const sideroblasts = (text) => Number(text.match(/sideroblasts ([\d.]+)/)[1]);
    const inflamed = await caption.textContent();
    expect(grade(inflamed)).toBeGreaterThan(grade(healthyStain));
    expect(sideroblasts(inflamed)).toBeLessThan(sideroblasts(healthyStain));
  });

  test('a slider changes the patient and the lab report at once', async ({ page }) => {
    await factory.open();
    await factory.pause();
    await factory.setSlider('il6_pg_per_ml', 120);
    await expect(factory.lab('il6_pg_per_ml')).toHaveText('120');
    await expect(factory.lab('il6_pg_per_ml')).toHaveAttribute('data-flag', 'high');
    await expect(page.locator('#value-il6_pg_per_ml')).toHaveText('120 pg/mL');
    // Hepcidin follows within a day (Kemna 2005: its peak 6 h after the cytokines), and its trend
    // arrow says so.
    const hepcidin = await factory.labValue('hepcidin_ng_ml');
    await page.getByTestId('step').click();
    await expect.poll(() => factory.labValue('hepcidin_ng_ml')).toBeGreaterThan(hepcidin * 1.3);
    await expect(page.getByTestId('trend-hepcidin_ng_ml')).toHaveAttribute('data-trend', 'rising');
  });

  test('charts: the default four, and a picked lab adds its chart', async ({ page }) => {
    await factory.open();
    for (const key of ['hb_g_dl', 'mcv_fl', 'ferritin_ng_ml', 'retic_percent']) {
      await expect(factory.chart(key)).toBeVisible();
    }
    await page.locator('summary', { hasText: 'Labs to chart' }).click();
    await page.getByTestId('chart-pick-tsat_percent').check();
    await expect(factory.chart('tsat_percent')).toBeVisible();
    await page.getByTestId('chart-pick-mcv_fl').uncheck();
    await expect(factory.chart('mcv_fl')).toHaveCount(0);
    const before = await factory.canvasImage(factory.chart('hb_g_dl'));
    await page.getByTestId('skip-forward').click();
    await expect.poll(() => factory.canvasImage(factory.chart('hb_g_dl'))).not.toEqual(before);
  });

  test('treatments: intravenous iron refills the stores; a bad dose is refused and named', async ({ page }) => {
    await factory.open('?preset=iron_deficiency&blood_loss_ml_per_day=0');
    await factory.pause();
    await expect(factory.lab('ferritin_ng_ml')).toHaveAttribute('data-flag', 'low');
    const hbBefore = await factory.labValue('hb_g_dl');
    await page.getByTestId('treatment-select').selectOption('iv_iron');
    await page.getByTestId('treatment-dose').fill('9000');
    await page.getByTestId('treatment-give').click();
    await expect(page.getByTestId('treatment-message')).toContainText('9000');
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByTestId('treatment-dose').fill('1000');
    await page.getByTestId('treatment-give').click();
    await expect(page.getByTestId('treatment-message')).toContainText('Intravenous iron given');
    await page.getByTestId('step').click();
    await page.getByTestId('step').click();
    // Macrophages loaded with the iron complex secrete ferritin: several hundred ng/mL for weeks.
    await expect(factory.lab('ferritin_ng_ml')).toHaveAttribute('data-flag', 'high');
    // A month later Hb has risen as in trials of 1 g of IV iron (≈ 1.5–3 g/dL in 4 weeks).
    await page.getByTestId('skip-forward').click();
    await expect.poll(() => factory.labValue('hb_g_dl')).toBeGreaterThan(hbBefore + 1.5);
  });

  test('a life-threatening state raises the clinical alarm, and it clears when volume returns', async ({ page }) => {
    await factory.open();
    await factory.pause();
    await expect(page.getByTestId('life-alarm')).toHaveCount(0);
    await page.getByTestId('treatment-select').selectOption('bleed');
    await page.getByTestId('treatment-dose').fill('2200');
    await page.getByTestId('treatment-give').click();
    const alarm = page.getByTestId('life-alarm');
    await expect(alarm).toBeVisible();
    await expect(alarm).toHaveAttribute('role', 'alert');
    await expect(alarm).toContainText('40 %');
    // Plasma refills within a day or two: the shock alarm goes; Hb is now low but above 5 g/dL.
    await page.getByTestId('step').click();
    await page.getByTestId('step').click();
    await expect(alarm).toHaveCount(0);
    expect(await factory.labValue('hb_g_dl')).toBeLessThan(12);
  });

  test('a share link reopens the same patient, settings and day', async ({ page }) => {
    await factory.open('?preset=ckd');
    await factory.pause();
    await factory.setSlider('iron_intake_mg_per_day', 6);
    await page.getByTestId('skip-forward').click();
    await page.getByTestId('share-link').click();
    const link = await page.getByTestId('share-link-url').inputValue();
    // A slider moved on day 0 is a plain setting; moved after a first frame, a step of the log.
    expect(link).toMatch(/\?preset=ckd&(iron_intake_mg_per_day=6|log=[\d.]+:s:iron_intake_mg_per_day:6)&day=[\d.]+$/);
    const day = await factory.day();
    const other = new FactoryPage(await page.context().newPage());
    await other.page.goto(link);
    await other.pause();
    expect(await other.day()).toBeGreaterThanOrEqual(day);
    await expect(other.slider('iron_intake_mg_per_day')).toHaveValue('6');
    await expect(other.presetSelect).toHaveValue('ckd');
    expect(other.consoleErrors).toEqual([]);
  });

  test('a bad link is ignored part by part, with a notice naming each part', async () => {
    await factory.open('?preset=vampire&iron_intake_mg_per_day=400&day=-2&colour=red&il6_pg_per_ml=50');
    await expect(factory.notices).toHaveCount(4);
    await expect(factory.notices.nth(0)).toContainText('preset=vampire');
    await expect(factory.notices.nth(1)).toContainText('iron_intake_mg_per_day=400');
    await expect(factory.notices.nth(2)).toContainText('day=-2');
    await expect(factory.notices.nth(3)).toContainText('colour');
    // The good part still applies and the page works.
    await expect(factory.slider('il6_pg_per_ml')).toHaveValue('50');
    await expect(factory.slider('iron_intake_mg_per_day')).toHaveValue('14');
    await factory.notices.nth(0).getByRole('button').click();
    await expect(factory.notices).toHaveCount(3);
  });

  test('day and projector mode from the link', async ({ page }) => {
    await factory.open('?preset=iron_deficiency&day=200&mode=projector');
    await factory.pause();
    expect(await factory.day()).toBeGreaterThanOrEqual(200);
    await expect(page.locator('.page')).toHaveClass(/projector/);
  });

  for (const [width, height] of [[1366, 768], [1024, 768], [768, 1024]]) {
    test(`layout at ${width}×${height}: no sideways scrolling, scene and controls on screen`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await factory.open('?preset=inflammation');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const scene = await factory.factoryCanvas.boundingBox();
      expect(scene.width).toBeGreaterThan(Math.min(560, width * 0.55));
      expect(scene.y + scene.height).toBeLessThan(height);
      for (const hook of ['play-pause', 'preset-select', 'sim-day']) {
        const box = await page.getByTestId(hook).boundingBox();
        expect(box.y + box.height, `${hook} above the fold`).toBeLessThan(height);
      }
      await page.screenshot({ path: `test-results/layout-${width}x${height}.png` });
    });
  }

  test('HiDPI: the scene is drawn at device pixels and follows the window size', async ({ browser }) => {
    const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1366, height: 768 } });
    const sharp = new FactoryPage(await context.newPage());
    await sharp.open();
    const backing = () => sharp.factoryCanvas.evaluate((canvas) => ({
      width: canvas.width, css: canvas.clientWidth,
    }));
    await expect.poll(async () => { const b = await backing(); return b.width - 2 * b.css; }).toBe(0);
    const before = (await backing()).css;
    await sharp.page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(async () => (await backing()).css).not.toBe(before);
    await expect.poll(async () => { const b = await backing(); return b.width - 2 * b.css; }).toBe(0);
    expect(sharp.consoleErrors).toEqual([]);
    await context.close();
  });

  test('the scene\'s backdrop layer follows projector mode, the window size and the language', async ({ page }) => {
    // The parts of the scene that never move are drawn once on a layer of their own (issue 12);
    // a layer drawn for another palette, size or language must never show. Pixels are read at
    // scene points (the scene is 1000 × 560 units, fitted and centred in the canvas) where only
    // the backdrop draws: the floor's corners and the liver's name.
    const SCENE = { width: 1000, height: 560 };
    const FLOOR = { standard: [241, 228, 211, 255], projector: [255, 255, 255, 255] };
    const corners = [[4, 4], [SCENE.width - 4, SCENE.height - 4], [SCENE.width - 4, 4], [4, SCENE.height - 4]];
    const pixels = (points) => factory.factoryCanvas.evaluate((canvas, { points, scene }) => {
      const ratio = canvas.width / canvas.clientWidth;
      const scale = Math.min(canvas.clientWidth / scene.width, canvas.clientHeight / scene.height);
      const left = (canvas.clientWidth - scene.width * scale) / 2;
      const top = (canvas.clientHeight - scene.height * scale) / 2;
      const context = canvas.getContext('2d');
      return points.map(([x, y]) => [...context.getImageData(
        Math.floor((left + x * scale) * ratio), Math.floor((top + y * scale) * ratio), 1, 1,
      ).data]);
    }, { points, scene: SCENE });
    // Every pixel of the liver's name (centred at 300, on a baseline at 34), summed.
    const liverName = async () => (await pixels(Array.from({ length: 40 * 12 }, (_, index) => [
      270 + (index % 40) * 1.5, 14 + Math.floor(index / 40) * 2,
    ]))).flat().reduce((sum, value) => sum + value, 0);
    await factory.open('?preset=healthy');
    await factory.pause();
    await expect.poll(() => pixels(corners)).toEqual(corners.map(() => FLOOR.standard));
    const englishName = await liverName();

    await page.getByTestId('projector-toggle').click();
    await expect.poll(() => pixels(corners)).toEqual(corners.map(() => FLOOR.projector));
    await page.getByTestId('projector-toggle').click();
    await expect.poll(() => pixels(corners)).toEqual(corners.map(() => FLOOR.standard));

    // Narrower, then wider than at first: a layer kept from another size would leave a corner
    // empty or show the inside of the old picture there.
    const { width, height } = page.viewportSize();
    for (const viewport of [{ width: 1024, height: 768 }, { width, height }]) {
      const shown = await factory.factoryCanvas.evaluate((canvas) => canvas.width);
      await page.setViewportSize(viewport);
      await expect.poll(() => factory.factoryCanvas.evaluate((canvas) => canvas.width)).not.toBe(shown);
      await expect.poll(() => pixels(corners)).toEqual(corners.map(() => FLOOR.standard));
    }

    await page.getByTestId('lang-select').selectOption('es');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect.poll(liverName).not.toBe(englishName);
    await page.getByTestId('lang-select').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect.poll(liverName).toBe(englishName);
  });

  test('reduced motion: the scene shows the state but stands still', async ({ browser }) => {
    // The page's clock is Playwright's fake clock, so frames happen only when the test moves time
    // (requestAnimationFrame and performance.now follow it): no comparison depends on machine load.
    // The scene is compared by the share of pixels that changed, so that a playing simulation may
    // repaint a number while the animation itself must stand still.
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1366, height: 768 } });
    const still = new FactoryPage(await context.newPage());
    await still.page.clock.install();
    await still.open();
    await expect(still.factoryCanvas).toHaveAttribute('data-reduced-motion', 'true');
    await still.page.clock.runFor(1000);
    await still.rememberCanvas(still.factoryCanvas);
    await still.page.clock.runFor(2000);
    expect(await still.changedShareSinceRemembered(still.factoryCanvas)).toBeLessThan(0.002);
    expect(still.consoleErrors).toEqual([]);
    await context.close();
    // Without the preference the same healthy scene moves over the same fake time.
    await factory.page.clock.install();
    await factory.open();
    await factory.page.clock.runFor(1000);
    await factory.rememberCanvas(factory.factoryCanvas);
    await factory.page.clock.runFor(2000);
    expect(await factory.changedShareSinceRemembered(factory.factoryCanvas)).toBeGreaterThan(0.01);
  });

  test('has no serious or critical WCAG 2.1 AA violations', async ({ page }) => {
    for (const query of ['', '?preset=b12_deficiency&mode=projector&colour=red']) {
      await factory.open(query);
      await factory.pause();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const serious = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`)).toEqual([]);
    }
  });
});
