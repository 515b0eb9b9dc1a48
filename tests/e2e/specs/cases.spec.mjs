// Issue 10, end to end: every mystery patient is worked to the end twice, once with a wrong
// answer and once with the right one (read from its case file); tests are ordered CBC first; the
// page hides the patient until the answer is in, then plays out the treatment; progress is kept.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { FactoryPage } from '../pages/factory-page.mjs';

const casesDir = new URL('../../../assets/cases/', import.meta.url);
const CASES = readdirSync(casesDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(new URL(name, casesDir), 'utf8')));

/** Works a case: orders the CBC and `panels`, answers, submits; returns the feedback. */
async function work(page, id, panels, diagnosis, treatment) {
  await page.getByTestId('case-select').selectOption('');
  await page.getByTestId('case-select').selectOption(id);
  await expect(page.getByTestId('case-panel')).toBeVisible();
  await expect(page.locator('.layout')).toBeHidden();
  await expect(page.getByTestId('case-order-iron')).toBeDisabled();
  await page.getByTestId('case-order-cbc').click();
  await expect(page.getByTestId('case-result-cbc')).toBeVisible();
  for (const panel of panels) {
    await page.getByTestId(`case-order-${panel}`).click();
    await expect(page.getByTestId(`case-result-${panel}`)).toBeVisible();
  }
  await expect(page.getByTestId('case-count')).toContainText(String(panels.length + 1));
  await expect(page.getByTestId('case-submit')).toBeDisabled();
  await page.getByTestId('case-diagnosis').selectOption(diagnosis);
  await page.getByTestId('case-treatment').selectOption(treatment);
  await page.getByTestId('case-submit').click();
  const feedback = page.getByTestId('case-feedback');
  await expect(feedback).toBeVisible();
  return feedback;
}

test.describe('mystery patients', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
  });

  test.afterEach(async () => {
    expect(factory.consoleErrors).toEqual([]);
  });

  test('the menu lists every case file', async ({ page }) => {
    await factory.open();
    const ids = (await page.getByTestId('case-select').locator('option').evaluateAll((o) => o.map((x) => x.value))).filter(Boolean);
    expect(ids.sort()).toEqual(CASES.map((c) => c.id).sort());
    expect(ids.length).toBeGreaterThanOrEqual(12);
  });

  test('every case, worked with a wrong answer and then the right one', async ({ page }) => {
    test.setTimeout(240_000);
    await factory.open();
    for (const file of CASES) {
      const wrongDiagnosis = file.diagnoses.find((d) => d.id !== file.diagnosis).id;
      const wrong = await work(page, file.id, ['smear'], wrongDiagnosis, file.treatment);
      await expect(wrong, file.id).toHaveAttribute('data-correct', 'false');
      // A wrong answer is told what would have told the two apart, and the right answer.
      const wrongFeedback = file.diagnoses.find((d) => d.id === wrongDiagnosis).feedback;
      await expect(wrong).toContainText(wrongFeedback.slice(0, 40));
      await expect(page.locator('.layout')).toBeVisible();
      const right = await work(page, file.id, ['iron', 'b12_folate', 'metabolites', 'kidney', 'hormones', 'marrow'], file.diagnosis, file.treatment);
      await expect(right, file.id).toHaveAttribute('data-correct', 'true');
      await expect(right).toContainText(file.mechanism.slice(0, 40));
    }
    // Progress is kept in the browser, and survives a reload.
    await expect(page.getByTestId('case-record')).toContainText(`${CASES.length}, ${CASES.length} right`);
    await page.reload();
    await page.getByTestId('case-select').selectOption(CASES[0].id);
    await expect(page.getByTestId('case-record')).toContainText(`${CASES.length}, ${CASES.length} right`);
  });

  test('the right treatment plays out: pernicious anemia recovers on the B12 course', async ({ page }) => {
    // A case link opens the case with the patient hidden.
    await page.goto('/?case=pernicious_anemia');
    await expect(page.getByTestId('case-panel')).toBeVisible();
    await expect(factory.factoryCanvas).toBeHidden();
    const file = CASES.find((c) => c.id === 'pernicious_anemia');
    await page.getByTestId('case-order-cbc').click();
    const hb = Number(await page.getByTestId('case-lab-hb_g_dl').textContent());
    await page.getByTestId('case-diagnosis').selectOption(file.diagnosis);
    await page.getByTestId('case-treatment').selectOption(file.treatment);
    await page.getByTestId('case-submit').click();
    // The page opens and the months play out at the fastest speed.
    await expect(page.locator('.layout')).toBeVisible();
    await expect.poll(async () => Number(await factory.lab('hb_g_dl').textContent()), { timeout: 30_000 }).toBeGreaterThan(hb + 2);
  });
});
