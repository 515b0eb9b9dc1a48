// Page object for the Marrow Factory page: tests speak in terms of what a student sees and does,
// through the contract's data-testid hooks.
import { expect } from '@playwright/test';

export class FactoryPage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.consoleErrors = [];
    this.offHostRequests = [];
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(String(error)));
    page.on('request', (request) => {
      const url = new URL(request.url());
      const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      if (!local && url.protocol !== 'data:' && url.protocol !== 'blob:') this.offHostRequests.push(request.url());
    });
  }

  async open(query = '') {
    await this.page.goto(`/${query}`);
    await expect(this.factoryCanvas).toBeVisible();
  }

  get factoryCanvas() { return this.page.getByTestId('factory-canvas'); }
  get stainCanvas() { return this.page.getByTestId('marrow-stain'); }
  get simDay() { return this.page.getByTestId('sim-day'); }
  get playPause() { return this.page.getByTestId('play-pause'); }
  get presetSelect() { return this.page.getByTestId('preset-select'); }
  get notices() { return this.page.getByTestId('notice'); }
  slider(key) { return this.page.getByTestId(`slider-${key}`); }
  lab(key) { return this.page.getByTestId(`lab-${key}`); }
  chart(key) { return this.page.getByTestId(`chart-${key}`); }

  async setSlider(key, value) {
    await this.slider(key).fill(String(value));
  }

  async day() {
    return Number(await this.simDay.textContent());
  }

  async isPlaying() {
    return (await this.playPause.getAttribute('aria-pressed')) === 'true';
  }

  async pause() {
    if (await this.isPlaying()) await this.playPause.click();
    await expect(this.playPause).toHaveAttribute('aria-pressed', 'false');
  }

  async play() {
    if (!(await this.isPlaying())) await this.playPause.click();
    await expect(this.playPause).toHaveAttribute('aria-pressed', 'true');
  }

  /** One simulated day on (the step button). */
  async step() {
    await this.page.getByTestId('step').click();
  }

  /** What a chart's value axis shows, as drawn: { yMin, yMax, lastValue } (NaN until drawn). */
  async chartAxis(key) {
    const chart = this.chart(key);
    const read = async (name) => Number((await chart.getAttribute(name)) ?? NaN);
    return {
      yMin: await read('data-y-min'),
      yMax: await read('data-y-max'),
      lastValue: await read('data-last-value'),
    };
  }

  async flag(key) {
    return this.lab(key).getAttribute('data-flag');
  }

  async labValue(key) {
    return Number(await this.lab(key).textContent());
  }

  /** Keeps what a canvas shows now, for `changedShareSinceRemembered`. */
  async rememberCanvas(locator) {
    await locator.evaluate((canvas) => {
      const context = canvas.getContext('2d');
      canvas.rememberedPixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    });
  }

  /** The share of the canvas's pixels (0–1) that differ from the remembered picture. */
  async changedShareSinceRemembered(locator) {
    return locator.evaluate((canvas) => {
      const now = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      const before = canvas.rememberedPixels;
      if (!before || before.length !== now.length) return 1;
      let changed = 0;
      for (let index = 0; index < now.length; index += 4) {
        if (now[index] !== before[index] || now[index + 1] !== before[index + 1]
          || now[index + 2] !== before[index + 2] || now[index + 3] !== before[index + 3]) changed += 1;
      }
      return changed / (now.length / 4);
    });
  }

  /** A fingerprint of what a canvas shows right now. */
  async canvasImage(locator) {
    return locator.evaluate((canvas) => canvas.toDataURL());
  }
}
