// axe-core in every mode and activity (issue 11): no violation at any level (not only serious and
// critical) in the standard page, projector mode, embed mode, Spanish and SI units, each with the
// why-panel open, a tour answered, a case being worked and then answered, and two patients compared;
// and with the teacher panel, the shortcuts dialog and the model notes open.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { FactoryPage } from '../pages/factory-page.mjs';

const MODES = {
  standard: '',
  projector: '&mode=projector',
  embed: '&embed=1',
  spanish: '&lang=es',
  si: '&units=si',
};

/** Every violation axe finds, at any impact, as readable lines (empty when there are none). */
async function violations(page, where) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${where}: ${violation.id} (${violation.impact}) at ${node.target.join(' ')}`));
}

/** Opens the page and waits until it speaks the mode's language. */
async function open(page, factory, query, mode) {
  await page.goto(`/?${query}${MODES[mode]}`);
  // (A case hides the factory until it is answered: wait for the page, not for the canvas.)
  await expect(factory.factoryCanvas).toBeAttached();
  if (mode === 'spanish') await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  if (!query.startsWith('case=')) await factory.pause();
}

/** The activities, each bringing the page into a state to check. */
const ACTIVITIES = {
  'why-panel': async (page, factory, mode) => {
    await open(page, factory, 'preset=inflammation', mode);
    await factory.lab('tsat_percent').click();
    await expect(page.getByTestId('why-panel')).toBeVisible();
  },
  'tour answered': async (page, factory, mode) => {
    await open(page, factory, 'tour=iron_heist&step=2', mode);
    await page.getByTestId('tour-choice').first().click();
    await expect(page.getByTestId('tour-explain')).toHaveAttribute('data-correct', /true|false/);
  },
  'case being worked': async (page, factory, mode) => {
    await open(page, factory, 'case=myeloma', mode);
    await page.getByTestId('case-order-cbc').click();
    await page.getByTestId('case-order-iron').click();
  },
  'case answered': async (page, factory, mode) => {
    await open(page, factory, 'case=pernicious_anemia', mode);
    await page.getByTestId('case-order-cbc').click();
    await page.getByTestId('case-diagnosis').selectOption({ index: 1 });
    await page.getByTestId('case-treatment').selectOption({ index: 1 });
    await page.getByTestId('case-submit').click();
    await expect(page.getByTestId('case-feedback')).toBeVisible();
  },
  'two patients': async (page, factory, mode) => {
    await open(page, factory, 'preset=ckd&compare=1', mode);
    await page.locator('[data-patient="a"]').getByTestId('lab-hb_g_dl').click();
    const patientB = page.locator('[data-patient="b"]');
    await patientB.getByTestId('lab-hb_g_dl').click();
    await expect(patientB.getByTestId('why-panel')).toBeVisible();
  },
};

test.describe('accessibility in every mode and activity', () => {
  for (const mode of Object.keys(MODES)) {
    test(`no axe violation at any level: ${mode}`, async ({ page }) => {
      const factory = new FactoryPage(page);
      const found = [];
      for (const [activity, bringAbout] of Object.entries(ACTIVITIES)) {
        await bringAbout(page, factory, mode);
        found.push(...(await violations(page, `${mode} / ${activity}`)));
      }
      expect(found).toEqual([]);
      expect(factory.consoleErrors).toEqual([]);
    });
  }

  test('no axe violation at any level with the teacher panel, the shortcuts and the notes open', async ({ page }) => {
    const factory = new FactoryPage(page);
    const found = [];
    for (const mode of ['standard', 'projector']) {
      await open(page, factory, 'preset=iron_deficiency', mode);
      await page.getByTestId('teacher-panel').click();
      found.push(...(await violations(page, `${mode} / teacher panel`)));
      await page.keyboard.press('Escape');
      await page.locator('body').click({ position: { x: 2, y: 2 } });
      await page.keyboard.press('?');
      await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
      found.push(...(await violations(page, `${mode} / shortcuts`)));
      await page.keyboard.press('Escape');
      await page.getByTestId('about-model').locator('summary').click();
      await expect(page.getByTestId('about-model').locator('h2, h3, p').nth(2)).toBeVisible();
      found.push(...(await violations(page, `${mode} / model notes`)));
    }
    expect(found).toEqual([]);
    expect(factory.consoleErrors).toEqual([]);
  });
});
