// Page object for the Marrow Factory page in Firefox, the WebDriver counterpart of
// ../pages/factory-page.mjs: tests speak of what a student sees and does, through the contract's
// data-testid hooks. Clicks, keys and option choices go through WebDriver as real input; reads of
// many values at once are one script in the page.
import { By, Key } from 'selenium-webdriver';
import { waitFor, waitForEqual } from './wait-for.mjs';

const byTestId = (id) => By.css(`[data-testid="${id}"]`);

export class FirefoxFactoryPage {
  /** @param {import('./firefox-session.mjs').FirefoxSession} session */
  constructor(session) {
    this.session = session;
    this.driver = session.driver;
  }

  /** Opens the page with a query (`?preset=ckd`) or a whole link, once the scene is drawn. */
  async open(queryOrLink = '') {
    const link = queryOrLink.startsWith('http') ? queryOrLink : `${this.session.baseUrl}/${queryOrLink}`;
    await this.driver.get(link);
    await this.waitVisible('factory-canvas');
  }

  find(id) {
    return this.driver.findElement(byTestId(id));
  }

  findAll(id) {
    return this.driver.findElements(byTestId(id));
  }

  /** Waits until the hook is on the page and shown, and returns it. */
  waitVisible(id) {
    return waitFor(async () => {
      const element = await this.find(id);
      return (await element.isDisplayed()) && element;
    }, { what: `${id} to be visible` });
  }

  async text(id) {
    return (await (await this.find(id)).getText()).trim();
  }

  /** A property of the hook's element as the page has it now (`value`, `checked`). */
  async property(id, name) {
    return this.driver.executeScript(
      (selector, key) => document.querySelector(selector)?.[key] ?? null, `[data-testid="${id}"]`, name);
  }

  async attribute(id, name) {
    return (await this.find(id)).getAttribute(name);
  }

  async click(id) {
    await (await this.waitVisible(id)).click();
  }

  /** Picks an option of a `<select>` as a user does (input and change events follow). */
  async choose(id, value) {
    await (await this.waitVisible(id)).findElement(By.css(`option[value="${value}"]`)).click();
    await waitForEqual(() => this.property(id, 'value'), value, `${id}'s value`);
  }

  /** Types into a text or number field, replacing what it held. */
  async fill(id, text) {
    const field = await this.waitVisible(id);
    await field.clear();
    await field.sendKeys(String(text));
    await waitForEqual(() => this.property(id, 'value'), String(text), `${id}'s value`);
  }

  /**
   * Moves a slider to `value`, as Playwright's `fill` does for a range input: the value set, then
   * the input and change events a drag ends with.
   */
  async setSlider(key, value) {
    await this.driver.executeScript((selector, wanted) => {
      const slider = document.querySelector(selector);
      slider.value = wanted;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      slider.dispatchEvent(new Event('change', { bubbles: true }));
    }, `[data-testid="slider-${key}"]`, String(value));
  }

  /** Clicks the page's heading, so that keys go to the page and no control has the focus. */
  async focusPage() {
    await this.driver.findElement(By.css('h1')).click();
  }

  /** Presses keys, one after another, wherever the focus is. */
  async press(...keys) {
    await this.driver.actions().sendKeys(...keys).perform();
  }

  /** Alt and a letter together: the page's shortcuts. */
  async pressAlt(letter) {
    await this.driver.actions().keyDown(Key.ALT).sendKeys(letter).keyUp(Key.ALT).perform();
  }

  async day() {
    return Number(await this.text('sim-day'));
  }

  async isPlaying() {
    return (await this.attribute('play-pause', 'aria-pressed')) === 'true';
  }

  async pause() {
    if (await this.isPlaying()) await this.click('play-pause');
    await waitFor(async () => !(await this.isPlaying()), { what: 'the clock to stop' });
  }

  async play() {
    if (!(await this.isPlaying())) await this.click('play-pause');
    await waitFor(() => this.isPlaying(), { what: 'the clock to run' });
  }

  /** One simulated day on (the step button), once the day shown has moved. */
  async step() {
    const before = await this.day();
    await this.click('step');
    await waitFor(() => this.day(), { until: (day) => day === before + 1, what: `day ${before + 1}` });
  }

  async labText(key) {
    return this.text(`lab-${key}`);
  }

  async labValue(key) {
    return Number(await this.labText(key));
  }

  async flag(key) {
    return this.attribute(`lab-${key}`, 'data-flag');
  }

  /** Every lab value patient A's report shows, by hook, as printed. */
  report() {
    return this.driver.executeScript(() => Object.fromEntries(
      [...document.querySelectorAll('[data-patient="a"] [data-testid^="lab-"]')]
        .map((lab) => [lab.dataset.testid, lab.textContent.trim()])));
  }

  /** The texts of the notices at the top of the page. */
  noticeTexts() {
    return this.driver.executeScript(() =>
      [...document.querySelectorAll('[data-testid="notice"]')].map((notice) => notice.textContent.trim()));
  }

  /**
   * Resolves once the page has drawn `count` more animation frames: time for the clock to move
   * if it were running, measured in the page's own frames rather than in milliseconds.
   */
  framesPass(count) {
    return this.driver.executeAsyncScript((frames, done) => {
      const next = (left) => (left === 0 ? done() : requestAnimationFrame(() => next(left - 1)));
      next(frames);
    }, count);
  }
}
