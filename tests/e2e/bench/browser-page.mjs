// A fresh page in its own browser context, at the tests' viewport, that collects the console's
// errors and uncaught exceptions (the bench scripts report them).
import config from '../playwright.config.mjs';

export async function newPage(browser) {
  const context = await browser.newContext({ viewport: config.use.viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}
