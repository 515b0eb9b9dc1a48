// Classroom and access (issue 11): projector mode, touch targets, embed mode in an iframe, a
// teacher's lock/hide/speed/charts links and the teacher panel that builds them.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { FactoryPage } from '../pages/factory-page.mjs';

const MAIN_SETTINGS = [
  'iron_intake_mg_per_day', 'blood_loss_ml_per_day', 'b12_intake_ug_per_day',
  'folate_intake_ug_per_day', 'il6_pg_per_ml', 'egfr_ml_per_min', 'marrow_infiltration_percent',
];

/** Font sizes (px) of the visible text elements of the page, with a short name of each. */
async function visibleTextSizes(page) {
  return page.evaluate(() => {
    const sizes = [];
    const selector = '.page p, .page li, .page label, .page td, .page th, .page output, .page button, .page select, .page summary, .page h2';
    for (const element of document.querySelectorAll(selector)) {
      // Slider landmarks and the canvas's hidden words are labels or for screen readers, not body text.
      if (element.closest('.landmarks, .visually-hidden, [hidden], dialog')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || !element.textContent.trim()) continue;
      const name = `${element.tagName.toLowerCase()}.${element.className || ''} “${element.textContent.trim().slice(0, 30)}”`;
      sizes.push([name, parseFloat(getComputedStyle(element).fontSize)]);
    }
    return sizes;
  });
}

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`);
}

test.describe('projector mode', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('body text is at least 20 px at 1024 × 768', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open('?mode=projector');
    await expect(page.locator('.page')).toHaveClass(/projector/);
    const sizes = await visibleTextSizes(page);
    expect(sizes.length).toBeGreaterThan(20);
    const small = sizes.filter(([, size]) => size < 20);
    expect(small).toEqual([]);
    // Secondary panels start folded.
    await expect(page.getByTestId('scene-legend')).not.toHaveAttribute('open', '');
    expect(factory.consoleErrors).toEqual([]);
  });

  test('the toggle switches without a reload and the share link carries it', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open('?preset=ckd');
    await factory.pause();
    await page.evaluate(() => { window.__sameDocument = true; });
    const bodySize = () => page.locator('.page').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await bodySize()).toBeLessThan(20);
    const toggle = page.getByTestId('projector-toggle');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.page')).toHaveClass(/projector/);
    await expect.poll(bodySize).toBeGreaterThanOrEqual(20);
    // White ground in projector mode.
    expect(await page.locator('.page').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    await page.getByTestId('share-link').click();
    await expect(page.getByTestId('share-link-url')).toHaveValue(/mode=projector/);
    await toggle.click();
    await expect(page.locator('.page')).not.toHaveClass(/projector/);
    await page.getByTestId('share-link').click();
    await expect(page.getByTestId('share-link-url')).not.toHaveValue(/mode=projector/);
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  });

  test('has no serious or critical WCAG 2.1 AA violations', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open('?preset=iron_deficiency&mode=projector');
    await factory.pause();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('touch', () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });

  test('every visible button, select and slider is at least 44 px across', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open('?preset=iron_deficiency');
    await factory.pause();
    const controls = page.locator('button:visible, select:visible, input[type="range"]:visible');
    const count = await controls.count();
    expect(count).toBeGreaterThan(20);
    const small = [];
    for (let index = 0; index < count; index += 1) {
      const control = controls.nth(index);
      const box = await control.boundingBox();
      if (!box || box.width === 0 || box.height === 0) continue;
      if (Math.min(box.width, box.height) < 44 - 0.5) {
        const id = (await control.getAttribute('data-testid')) ?? (await control.textContent())?.trim().slice(0, 30);
        small.push(`${id}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`);
      }
    }
    expect(small).toEqual([]);
  });

  test('a lab value opens its explanation on a tap', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open('?preset=iron_deficiency');
    await factory.pause();
    await factory.lab('ferritin_ng_ml').tap();
    await expect(page.getByTestId('why-panel')).toBeVisible();
  });
});

test.describe('embed mode', () => {
  test.use({ viewport: { width: 600, height: 400 } });

  test('fits an iframe of a learning platform: no header, no links out, no sideways scroll', async ({ page, baseURL }) => {
    await page.setContent(`<!doctype html><html lang="en"><head><title>Course</title>
      <style>body { margin: 0; } iframe { border: 0; width: 100vw; height: 100vh; display: block; }</style></head>
      <body><iframe title="Marrow Factory" src="${baseURL}/?preset=b12_deficiency&embed=1"></iframe></body></html>`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('factory-canvas')).toBeVisible();
    await expect(frame.getByTestId('lab-hb_g_dl')).toBeVisible();
    await expect(frame.locator('.app-header')).toBeHidden();
    await expect(frame.locator('header h1')).toBeHidden();
    await expect(frame.getByTestId('teacher-panel')).toBeHidden();
    await expect(frame.locator('.page')).toHaveClass(/embed/);
    const app = page.frames().find((f) => f.url().includes('embed=1'));
    expect(app).toBeTruthy();
    const widths = await app.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
    // No outbound links anywhere in the embedded page (the About notes included).
    await frame.getByTestId('about-model').locator('summary').click();
    await expect(frame.getByTestId('about-model').locator('h3, h4, p').first()).toBeVisible();
    const outbound = await app.evaluate(() => [...document.querySelectorAll('a[href]')]
      .map((a) => a.href).filter((href) => new URL(href).origin !== location.origin));
    expect(outbound).toEqual([]);
  });

  test('has no serious or critical WCAG 2.1 AA violations', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open('?preset=inflammation&embed=1');
    await factory.pause();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('a teacher’s link', () => {
  test('locks, hides, sets the speed and the charts; a bad part is named and the rest loads', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open('?preset=ckd&lock=iron_intake_mg_per_day,egfr_ml_per_min&hide=il6_pg_per_ml,stain,bogus&speed=30&charts=ferritin_ng_ml,epo_mu_ml,zzz');
    await expect(factory.slider('iron_intake_mg_per_day')).toBeDisabled();
    await expect(factory.slider('egfr_ml_per_min')).toBeDisabled();
    await expect(page.getByTestId('locked-egfr_ml_per_min')).toBeVisible();
    await expect(factory.slider('blood_loss_ml_per_day')).toBeEnabled();
    await expect(factory.slider('il6_pg_per_ml')).toHaveCount(0);
    await expect(page.getByTestId('marrow-stain')).toBeHidden();
    await expect(page.getByTestId('speed')).toHaveValue('30');
    await expect(factory.chart('ferritin_ng_ml')).toBeVisible();
    await expect(factory.chart('epo_mu_ml')).toBeVisible();
    await expect(factory.chart('hb_g_dl')).toHaveCount(0);
    await expect(factory.notices).toHaveCount(2);
    await expect(factory.notices.filter({ hasText: 'hide=bogus' })).toHaveCount(1);
    await expect(factory.notices.filter({ hasText: 'charts=zzz' })).toHaveCount(1);
    // The student's own share link keeps the teacher's choices.
    await page.getByTestId('share-link').click();
    await expect(page.getByTestId('share-link-url')).toHaveValue(/lock=iron_intake_mg_per_day,egfr_ml_per_min/);
    expect(factory.consoleErrors).toEqual([]);
  });

  test('the teacher panel builds a link that reproduces its choices', async ({ page }) => {
    const factory = new FactoryPage(page);
    await factory.open();
    await page.getByTestId('teacher-panel').click();
    const dialog = page.getByTestId('teacher-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('teacher-start').selectOption('preset:b12_deficiency');
    await dialog.getByTestId('teacher-lock-b12_intake_ug_per_day').check();
    await dialog.getByTestId('teacher-hide-blood_loss_ml_per_day').check();
    await dialog.getByTestId('teacher-hide-treatments').check();
    await dialog.getByTestId('teacher-chart-mcv_fl').check();
    await dialog.getByTestId('teacher-chart-b12_pg_ml').check();
    await dialog.getByTestId('teacher-speed').selectOption('7');
    await dialog.getByTestId('teacher-projector').check();
    await dialog.getByTestId('teacher-build').click();
    const link = dialog.getByTestId('teacher-link');
    await expect(link).toHaveValue(/preset=b12_deficiency/);
    const url = await link.inputValue();
    expect(url).toContain('lock=b12_intake_ug_per_day');
    expect(url).toContain('speed=7');
    expect(url).toContain('mode=projector');
    await expect(dialog.getByTestId('teacher-iframe')).toHaveValue(/^<iframe src="[^"]*embed=1/);
    await dialog.getByTestId('teacher-close').click();
    await expect(dialog).toBeHidden();

    await page.goto(url);
    await expect(factory.factoryCanvas).toBeVisible();
    await expect(factory.notices).toHaveCount(0);
    await expect(factory.presetSelect).toHaveValue('b12_deficiency');
    await expect(factory.slider('b12_intake_ug_per_day')).toBeDisabled();
    await expect(factory.slider('blood_loss_ml_per_day')).toHaveCount(0);
    for (const key of MAIN_SETTINGS.filter((k) => !['b12_intake_ug_per_day', 'blood_loss_ml_per_day'].includes(k))) {
      await expect(factory.slider(key)).toBeEnabled();
    }
    await expect(page.locator('.treatments')).toBeHidden();
    await expect(page.getByTestId('speed')).toHaveValue('7');
    await expect(factory.chart('mcv_fl')).toBeVisible();
    await expect(factory.chart('b12_pg_ml')).toBeVisible();
    await expect(factory.chart('hb_g_dl')).toHaveCount(0);
    await expect(page.locator('.page')).toHaveClass(/projector/);
  });
});
