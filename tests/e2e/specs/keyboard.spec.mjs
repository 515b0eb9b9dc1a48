// Issue 11, end to end: the page walked with the keyboard alone. Tab from the top reaches the
// preset, the clock, every slider, the treatment form and a lab value in reading order, each with a
// visible focus ring; a slider moves with the arrow, page and Home/End keys; a guided tour is
// walked with Tab, Shift+Tab, Enter and Space.
import { test, expect } from '@playwright/test';
import { FactoryPage } from '../pages/factory-page.mjs';

/** Presses Tab (or Shift+Tab) and describes the element focused: its test id or tag. */
async function tab(page, shift = false) {
  await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  return page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
      id: element.getAttribute('data-testid') ?? element.tagName.toLowerCase(),
      focusVisible: element.matches(':focus-visible'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

/** Tabs forward until `wanted` (a test id or a test that takes one) is focused; the stops passed. */
async function tabUntil(page, wanted, limit = 200) {
  const matches = typeof wanted === 'function' ? wanted : (id) => id === wanted;
  const stops = [];
  for (let count = 0; count < limit; count += 1) {
    const stop = await tab(page);
    stops.push(stop);
    if (matches(stop.id)) return stops;
  }
  throw new Error(`Tab never reached ${wanted}: ${stops.map((stop) => stop.id).join(' ')}`);
}

test.describe('keyboard walk', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
    await factory.open('?preset=iron_deficiency');
    await factory.pause();
    // Back to the top of the page: a click on the page's top corner moves where Tab starts from.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.click(2, 2);
  });

  test.afterEach(async () => {
    expect(factory.consoleErrors, 'console errors').toEqual([]);
  });

  test('Tab reaches the preset, the clock, every slider, the treatments and a lab value in order, each ringed', async ({ page }) => {
    const sliders = await page.locator('[data-testid^="slider-"]').evaluateAll((inputs) =>
      inputs.filter((input) => input.offsetParent !== null).map((input) => input.getAttribute('data-testid')));
    expect(sliders.length).toBeGreaterThanOrEqual(8);
    const stops = await tabUntil(page, (id) => id.startsWith('lab-') && id !== 'lab-panel');
    const ids = stops.map((stop) => stop.id);
    const at = (id) => ids.indexOf(id);
    for (const id of ['preset-select', 'play-pause', ...sliders, 'treatment-select', 'treatment-give']) {
      expect(at(id), `${id} not reached: ${ids.join(' ')}`).toBeGreaterThanOrEqual(0);
    }
    expect(at('preset-select')).toBeLessThan(at('play-pause'));
    expect(at('play-pause')).toBeLessThan(at(sliders[0]));
    const sliderPlaces = sliders.map(at);
    expect(sliderPlaces, 'sliders in the order they are shown').toEqual([...sliderPlaces].sort((a, b) => a - b));
    // The treatments follow the patient's sliders (the B12 relay's own sliders come after them).
    expect(at('slider-iron_intake_mg_per_day')).toBeLessThan(at('treatment-select'));
    expect(at('treatment-select')).toBeLessThan(at('treatment-give'));
    expect(at('treatment-give')).toBeLessThan(ids.length - 1);
    // Every stop shows where the focus is.
    for (const stop of stops) {
      expect(stop.focusVisible, `${stop.id} is not :focus-visible`).toBe(true);
      expect(stop.outline, `${stop.id} has no focus ring`).toBe(true);
    }
    // The lab value reached opens its trace with Enter.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('why-panel')).toBeVisible();
  });

  test('a slider moves with ArrowRight, PageUp, Home and End', async ({ page }) => {
    const slider = factory.slider('iron_intake_mg_per_day');
    await tabUntil(page, 'slider-iron_intake_mg_per_day');
    await expect(slider).toBeFocused();
    const min = Number(await slider.getAttribute('min'));
    const max = Number(await slider.getAttribute('max'));
    const value = async () => Number(await slider.inputValue());
    const start = await value();
    await page.keyboard.press('ArrowRight');
    const afterArrow = await value();
    expect(afterArrow).toBeGreaterThan(start);
    await page.keyboard.press('PageUp');
    expect(await value()).toBeGreaterThan(afterArrow);
    await page.keyboard.press('Home');
    expect(await value()).toBe(min);
    await page.keyboard.press('End');
    expect(await value()).toBe(max);
    // The model took the change: the setting shown follows.
    await expect(page.locator('#value-iron_intake_mg_per_day')).toContainText(String(max));
  });

  test('a guided tour is walked with the keyboard alone', async ({ page }) => {
    await tabUntil(page, 'tour-select');
    // A closed select moves to its next option with ArrowDown (the first is "no tour").
    await page.keyboard.press('ArrowDown');
    const stepText = page.getByTestId('tour-step');
    await expect(stepText).toHaveText(/^1 \/ \d+$/);
    const count = Number((await stepText.textContent()).split('/')[1]);
    for (let step = 1; step <= count; step += 1) {
      await expect(stepText).toHaveText(`${step} / ${count}`);
      if (await page.getByTestId('tour-choice').count()) {
        await tabUntil(page, 'tour-choice');
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('tour-explain')).toHaveAttribute('data-correct', /^(true|false)$/);
      }
      if (step < count) {
        await tabUntil(page, 'tour-next', 40);
        await page.keyboard.press('Enter');
      }
    }
    await expect(page.getByTestId('tour-next')).toBeDisabled();
    // Shift+Tab goes back to the Back button; Space on it returns a step.
    await tabUntil(page, 'tour-exit', 40);
    expect((await tab(page, true)).id).toBe('tour-back');
    await page.keyboard.press('Space');
    await expect(stepText).toHaveText(`${count - 1} / ${count}`);
    await tabUntil(page, 'tour-exit', 40);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('tour-panel')).toHaveCount(0);
  });
});
