// Issue 10, end to end: every guided tour walks to its end, asking before it shows; a prediction
// is judged right or wrong by what the model then does; Back, Skip and Leave work; compare mode
// puts a second patient with its own controls on the same clock and charts.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { FactoryPage } from '../pages/factory-page.mjs';

test.describe('teaching: tours and compare', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
  });

  test.afterEach(async () => {
    expect(factory.consoleErrors).toEqual([]);
  });

  test('every tour walks to its end, each step pointing at something and each question answered by the model', async ({ page }) => {
    test.setTimeout(180_000);
    await factory.open();
    const select = page.getByTestId('tour-select');
    const ids = (await select.locator('option').evaluateAll((options) => options.map((o) => o.value))).filter(Boolean);
    expect(ids).toContain('iron_heist');
    for (const id of ids) {
      await select.selectOption(id);
      const stepText = page.getByTestId('tour-step');
      await expect(stepText).toHaveText(/^1 \/ \d+$/);
      const count = Number((await stepText.textContent()).split('/')[1]);
      for (let step = 1; step <= count; step += 1) {
        await expect(stepText).toHaveText(`${step} / ${count}`);
        const marks = page.locator('.scene-part.highlighted, .lab-line.marked');
        expect(await marks.count(), `${id} step ${step} points at nothing`).toBeGreaterThan(0);
        const choices = page.getByTestId('tour-choice');
        if (await choices.count()) {
          await expect(page.getByTestId('tour-explain')).toHaveCount(0);
          await choices.first().click();
          await expect(page.getByTestId('tour-explain')).toHaveAttribute('data-correct', /^(true|false)$/);
        } else {
          await expect(page.getByTestId('tour-explain')).toBeVisible();
        }
        if (step < count) await page.getByTestId('tour-next').click();
      }
      await expect(page.getByTestId('tour-next')).toBeDisabled();
    }
  });

  test('a prediction is right or wrong by what the model does; Back re-asks, Leave keeps the patient', async ({ page }) => {
    await factory.open('?tour=iron_heist&step=2');
    await expect(page.getByTestId('tour-step')).toHaveText('2 / 4');
    const tsatBefore = Number(await factory.lab('tsat_percent').textContent());
    await page.locator('[data-testid="tour-choice"][data-choice="up"]').click();
    await expect(page.getByTestId('tour-explain')).toHaveAttribute('data-correct', 'false');
    await expect(page.getByTestId('tour-explain')).toContainText('fall');
    const tsatAfter = Number(await factory.lab('tsat_percent').textContent());
    expect(tsatAfter).toBeLessThan(tsatBefore);
    // Back, then Next: the step asks again, and the right answer is judged right.
    await page.getByTestId('tour-back').click();
    await expect(page.getByTestId('tour-step')).toHaveText('1 / 4');
    await page.getByTestId('tour-next').click();
    await expect(page.getByTestId('tour-explain')).toHaveCount(0);
    await expect(factory.lab('tsat_percent')).toHaveText(String(tsatBefore));
    await page.locator('[data-testid="tour-choice"][data-choice="down"]').click();
    await expect(page.getByTestId('tour-explain')).toHaveAttribute('data-correct', 'true');
    await expect(page.getByTestId('scene-part-liver')).toHaveClass(/highlighted/);
    await expect(page.locator('.lab-line.marked')).toHaveCount(1);
    // Leaving keeps the patient as the tour left it.
    const day = await factory.day();
    await page.getByTestId('tour-exit').click();
    await expect(page.getByTestId('tour-panel')).toHaveCount(0);
    expect(await factory.day()).toBe(day);
    await expect(page.getByTestId('tour-select')).toHaveValue('');
  });

  test('a bad tour link is named in a notice and the page still opens', async ({ page }) => {
    await factory.open('?tour=nonsense&step=2');
    await expect(factory.notices.first()).toContainText('tour');
    await expect(page.getByTestId('tour-panel')).toHaveCount(0);
  });

  test('compare: a second patient with its own sliders and report, on the same clock and charts', async ({ page }) => {
    await factory.open('?preset=iron_deficiency');
    await expect(page.locator('[data-patient="b"]')).toHaveCount(0);
    await page.getByTestId('compare-toggle').click();
    const a = page.locator('[data-patient="a"]');
    const b = page.locator('[data-patient="b"]');
    await expect(b).toBeVisible();
    await expect(page.getByTestId('compare-legend')).toBeVisible();
    await factory.pause();
    // Each has its own report: iron deficiency's ferritin is low, inflammation's high.
    await expect(a.getByTestId('lab-ferritin_ng_ml')).toHaveAttribute('data-flag', 'low');
    await expect(b.getByTestId('lab-ferritin_ng_ml')).toHaveAttribute('data-flag', 'high');
    // B's slider moves only B.
    const aIl6 = await a.getByTestId('slider-il6_pg_per_ml').inputValue();
    await b.getByTestId('slider-il6_pg_per_ml').fill('2');
    await expect(b.getByTestId('lab-il6_pg_per_ml')).toHaveText('2');
    expect(await a.getByTestId('slider-il6_pg_per_ml').inputValue()).toBe(aIl6);
    // The same clock: a month on, B (inflammation switched off) has recovered some hemoglobin.
    const bHb = Number(await b.getByTestId('lab-hb_g_dl').textContent());
    await page.getByTestId('skip-forward').click();
    await expect.poll(async () => Number(await b.getByTestId('lab-hb_g_dl').textContent())).toBeGreaterThan(bHb + 0.3);
    // Unique element ids, both patients on the page.
    const duplicates = await page.evaluate(() => {
      const seen = new Map();
      for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(duplicates).toEqual([]);
    await page.getByTestId('compare-toggle').click();
    await expect(b).toHaveCount(0);
  });

  test('no serious or critical WCAG 2.1 AA violations in a tour, a case, compare mode and the why-panel', async ({ page }) => {
    const check = async (what) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
      expect(serious.map((v) => `${what}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`)).toEqual([]);
    };
    await factory.open('?tour=iron_heist&step=2');
    await page.locator('[data-testid="tour-choice"]').first().click();
    await expect(page.getByTestId('tour-explain')).toBeVisible();
    await check('tour');
    await page.goto('/?case=vegan_b12');
    await page.getByTestId('case-order-cbc').click();
    await page.getByTestId('case-order-smear').click();
    await page.getByTestId('case-order-marrow').click();
    await check('case');
    await factory.open('?preset=ckd&compare=1');
    await factory.pause();
    await page.locator('[data-patient="a"]').getByTestId('lab-hb_g_dl').click();
    await page.locator('[data-patient="b"]').getByTestId('lab-hb_g_dl').click();
    await expect(page.getByTestId('why-panel')).toHaveCount(2);
    await check('compare');
  });
});
