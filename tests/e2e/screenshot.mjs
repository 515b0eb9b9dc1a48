// Takes a screenshot of the served page for the README and for looking at the page by eye.
// usage: node screenshot.mjs URL OUT.png [WIDTHxHEIGHT] [full]   (full: the whole page, not the viewport)
import { chromium } from '@playwright/test';

const [url = 'http://127.0.0.1:8080/', out = 'screenshot.png', size = '1366x768', full] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width, height } });
await page.goto(url);
await page.getByTestId('factory-canvas').waitFor();
await page.waitForTimeout(1500);
await page.screenshot({ path: out, fullPage: full === 'full' });
await browser.close();
console.log(`wrote ${out}`);
