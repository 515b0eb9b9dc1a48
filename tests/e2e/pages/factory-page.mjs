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
  get chart() { return this.page.getByTestId('time-chart'); }
  get simDay() { return this.page.getByTestId('sim-day'); }
  slider(key) { return this.page.getByTestId(`slider-${key}`); }

  async setSlider(key, value) {
    await this.slider(key).fill(String(value));
  }

  /** A fingerprint of what a canvas shows right now. */
  async canvasImage(locator) {
    return locator.evaluate((canvas) => canvas.toDataURL());
  }
}
