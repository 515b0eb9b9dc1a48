// Issue 9, end to end: the factory explains itself. Every part of the scene can be reached and
// names itself with its value; the legend lists the scene's symbols; choosing a lab opens the
// why-panel with the causal chain the model computes, and highlights the factory part involved.
import { test, expect } from '@playwright/test';
import { FactoryPage } from '../pages/factory-page.mjs';

const PARTS = [
  'gut-dock', 'gut-gate', 'liver', 'kidney', 'blueprints', 'warehouse', 'warehouse-gate',
  'transferrin', 'floor', 'squatters', 'cytokine-smoke', 'shipping',
];

/** The `data-key`s of the why-panel's links, first cause first. */
async function whyKeys(page) {
  return page.getByTestId('why-link').evaluateAll((links) => links.map((link) => link.dataset.key));
}

/** Asserts that `keys` appear in `chain` in this order. */
function expectInOrder(chain, keys) {
  let from = 0;
  for (const key of keys) {
    const at = chain.indexOf(key, from);
    expect(at, `${key} in ${chain.join(' → ')}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

test.describe('the factory explains itself', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
  });

  test.afterEach(async () => {
    expect(factory.consoleErrors).toEqual([]);
  });

  test('every scene part is reachable by keyboard and names itself, what it does and its value', async ({ page }) => {
    await factory.open('?preset=inflammation');
    const info = page.getByTestId('scene-part-info');
    for (const id of PARTS) {
      const part = page.getByTestId(`scene-part-${id}`);
      await expect(part).toBeVisible();
      const box = await part.boundingBox();
      expect(box.width * box.height, id).toBeGreaterThan(200);
      await expect(part).toHaveAttribute('aria-label', /: .*\d/);
      await part.focus();
      await expect(part).toBeFocused();
      const name = (await part.getAttribute('aria-label')).split(':')[0];
      await expect(info).toContainText(name);
      await expect(info).toContainText(/\d/);
    }
    // Tab moves from one part to the next, in reading order.
    await page.getByTestId('scene-part-gut-dock').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('scene-part-gut-gate')).toBeFocused();
  });

  test('a part shows the model: the warehouse gate of inflammation is less open than in health', async ({ page }) => {
    const opening = async () => {
      const label = await page.getByTestId('scene-part-warehouse-gate').getAttribute('aria-label');
      return Number(label.match(/(\d+) %/)[1]);
    };
    await factory.open('?preset=healthy');
    const healthy = await opening();
    await factory.open('?preset=inflammation');
    expect(await opening()).toBeLessThan(healthy);
  });

  test('the legend names the scene symbols with the scene colours', async ({ page }) => {
    await factory.open();
    const legend = page.getByTestId('scene-legend');
    await expect(legend).toBeVisible();
    const entries = legend.locator('li');
    await expect(entries).toHaveCount(9);
    await expect(legend).toContainText('Hepcidin');
    await expect(legend).toContainText('megaloblast');
    const colours = await legend.locator('.swatch').evaluateAll((swatches) =>
      swatches.map((swatch) => getComputedStyle(swatch).backgroundColor));
    expect(new Set(colours).size).toBe(9);
  });

  test('why-panel: CKD hemoglobin goes back through eGFR and an EPO too low for the Hb', async ({ page }) => {
    await factory.open('?preset=ckd');
    await factory.pause();
    await factory.lab('hb_g_dl').click();
    const panel = page.getByTestId('why-panel');
    await expect(panel).toBeVisible();
    const keys = await whyKeys(page);
    expectInOrder(keys, ['egfr_ml_per_min', 'epo_mu_ml', 'red_cell_output', 'hb_g_dl']);
    // Each link shows the value the page shows.
    const hb = (await factory.lab('hb_g_dl').textContent()).trim();
    await expect(panel.locator('[data-key="hb_g_dl"]')).toContainText(hb);
    await expect(panel.locator('[data-key="epo_mu_ml"]')).toContainText('this Hb calls for');
    await expect(page.getByTestId('scene-part-kidney')).toHaveClass(/highlighted/);
    await expect(page.getByTestId('interpretation-epo-response')).toHaveAttribute('data-reading', 'inadequate');
    await panel.getByRole('button').click();
    await expect(panel).toBeHidden();
  });

  test('why-panel: inflammation lowers TSAT through IL-6, hepcidin and ferroportin (opened from the keyboard)', async ({ page }) => {
    await factory.open('?preset=inflammation');
    await factory.pause();
    await factory.lab('tsat_percent').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('why-panel')).toBeVisible();
    expectInOrder(await whyKeys(page), ['il6_pg_per_ml', 'hepcidin_ng_ml', 'ferroportin', 'serum_iron_ug_dl', 'tsat_percent']);
    await expect(page.getByTestId('scene-part-liver')).toHaveClass(/highlighted/);
  });

  test('why-panel: B12 deficiency MCV goes through DNA synthesis, and the chain follows the patient', async ({ page }) => {
    await factory.open('?preset=b12_deficiency');
    await factory.pause();
    await factory.lab('mcv_fl').press('Space');
    await expect(page.getByTestId('why-panel')).toBeVisible();
    expectInOrder(await whyKeys(page), ['intrinsic_factor_percent', 'b12_stores_ug', 'dna_synthesis', 'mcv_fl']);
    // Healthy again: nothing upstream moves the MCV.
    await factory.presetSelect.selectOption('healthy');
    await expect.poll(() => whyKeys(page)).toEqual(['mcv_fl']);
  });
});
