// The strict Content-Security-Policy (issue 12) in Firefox, as specs/security.spec.mjs proves it
// in Chromium: everything the page does runs without a single refusal, a console error or a
// request off this machine (checked after every test, see use-firefox.mjs); embedded in another
// origin's page it runs the same; injected code is refused. A control first shows that the
// watchers see what they watch, so their zeros mean something.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { By } from 'selenium-webdriver';
import { TEST_TIMEOUT_MS, useFirefox } from './use-firefox.mjs';
import { waitFor, waitForEqual } from './wait-for.mjs';

const timeout = TEST_TIMEOUT_MS;

/** The policy as directive → sources. */
function directives(policy) {
  return Object.fromEntries(policy.split(';').map((part) => part.trim()).filter(Boolean)
    .map((part) => {
      const [name, ...sources] = part.split(/\s+/);
      return [name, sources];
    }));
}

/** Serves one page of HTML on another port of this machine (another origin), for as long as `use` runs. */
async function withPlatformPage(html, use) {
  const platform = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise((resolve) => platform.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${platform.address().port}/course.html`);
  } finally {
    await new Promise((resolve) => platform.close(resolve));
  }
}

/** Files fully downloaded to `folder` (Firefox writes `.part` files until a download is done). */
function finishedDownloads(folder) {
  const names = readdirSync(folder);
  if (names.some((name) => name.endsWith('.part'))) return [];
  return names.map((name) => ({ name, bytes: statSync(join(folder, name)).size }));
}

describe('content security policy in Firefox', () => {
  const firefox = useFirefox();

  it('control: the watchers catch a console error and a request off this machine', { timeout }, async () => {
    const { page, session } = firefox;
    // A page without a policy (the app's own policy would refuse the request before it left).
    await withPlatformPage('<!doctype html><html lang="en"><title>Control</title><p>control</p></html>', async (url) => {
      await page.driver.get(url);
      // An opaque (no-cors) request, so that its refusal by the proxy is no error of its own.
      await page.driver.executeAsyncScript((done) => {
        console.error('control error');
        fetch('http://offhost.example/control', { mode: 'no-cors' }).then(() => done(), () => done());
      });
      await waitFor(() => session.consoleErrors.length, { what: 'the control error to be seen' });
      await waitFor(() => session.offHostRequests.length && session.network.requests.length,
        { what: 'BiDi and the proxy to see the control request' });
      await session.settle();
    });
    assert.deepEqual(session.consoleErrors, ['console: control error']);
    assert.deepEqual(session.offHostRequests, ['http://offhost.example/control']);
    assert.deepEqual(session.network.requests, ['GET http://offhost.example/control']);
    session.clearRecords();
  });

  it('the strict policy comes in the page and nothing is refused', { timeout }, async () => {
    const { page } = firefox;
    await page.open();
    const meta = directives(await page.driver.executeScript(() =>
      document.querySelector('meta[http-equiv="Content-Security-Policy"]').content));
    assert.deepEqual(meta['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(meta['style-src'], ["'self'"]);
    assert.deepEqual(meta['default-src'], ["'self'"]);
    assert.deepEqual(meta['object-src'], ["'none'"]);
    for (const sources of Object.values(meta)) {
      assert.ok(!sources.includes("'unsafe-inline'") && !sources.includes("'unsafe-eval'"), sources.join(' '));
    }
  });

  it('the page, a tour, a case, the charts, exports and the service worker run with no refusal, no error, nothing off this host', { timeout }, async () => {
    const { page, session } = firefox;
    const { driver } = page;
    await page.open('?preset=iron_deficiency&speed=30');
    // The service worker installs and takes over the page (offline use).
    await driver.executeAsyncScript((done) => navigator.serviceWorker.ready.then(() => done(true)));
    const controlled = () => driver.executeScript(() => Boolean(navigator.serviceWorker.controller));
    if (!(await controlled())) {
      await driver.navigate().refresh();
      await page.waitVisible('factory-canvas');
    }
    await waitFor(controlled, { what: 'the service worker to control the page' });

    // The clock, the factory, the charts (a lab added to them), the scene parts and the why-panel.
    await page.play();
    await waitFor(() => page.day(), { until: (day) => day > 20, what: 'day 20' });
    await page.pause();
    await driver.findElement(By.css('.chart-picker summary')).click();
    await page.click('chart-pick-tsat_percent');
    await waitFor(() => page.attribute('chart-tsat_percent', 'data-y-max'),
      { until: (value) => /\d/.test(value ?? ''), what: 'the TSAT chart drawn' });
    await driver.actions().move({ origin: await page.find('scene-part-gut-dock') }).perform();
    await page.waitVisible('scene-part-info');
    await page.click('lab-ferritin_ng_ml');
    await page.waitVisible('why-panel');
    await page.setSlider('il6_pg_per_ml', 60);
    await page.choose('treatment-select', 'iv_iron');
    await page.click('treatment-give');
    await page.choose('units-select', 'si');
    await page.click('projector-toggle');
    await page.click('projector-toggle');
    await page.click('compare-toggle');
    await waitFor(async () => (await driver.findElement(By.css('[data-patient="b"]'))).isDisplayed(),
      { what: 'patient B' });
    await page.click('compare-toggle');

    // Exports: CSV and PNG files land in the download folder; the printed summary.
    await page.click('export-csv');
    await page.click('export-png');
    const files = await waitFor(() => finishedDownloads(session.downloadDir),
      { until: (found) => found.length === 2, what: 'two finished downloads' });
    for (const { name, bytes } of files) assert.ok(bytes > 100, `${name} has ${bytes} bytes`);
    assert.deepEqual(files.map(({ name }) => name.split('.').pop()).sort(), ['csv', 'png']);
    await driver.executeScript(() => {
      window.printCalls = 0;
      window.print = () => { window.printCalls += 1; };
    });
    await page.click('print-summary');
    assert.equal(await driver.executeScript(() => window.printCalls), 1);

    // A tour, a mystery patient, the teacher panel (its form is written as markup) and the notes.
    await page.choose('tour-select', 'iron_heist');
    await waitFor(() => page.text('tour-step'), { until: (text) => /^1 \/ \d+$/.test(text), what: 'tour step 1' });
    await page.click('tour-next');
    await (await page.findAll('tour-choice'))[0].click();
    await page.waitVisible('tour-explain');
    await page.click('tour-exit');
    const caseId = await driver.executeScript(() =>
      [...document.querySelectorAll('[data-testid="case-select"] option')].map((option) => option.value).find(Boolean));
    await page.choose('case-select', caseId);
    await page.click('case-order-cbc');
    await page.waitVisible('case-result-cbc');
    await page.click('case-leave');
    await page.click('teacher-panel');
    await page.click('teacher-build');
    await waitFor(() => page.property('teacher-link', 'value'),
      { until: (link) => /preset=/.test(link ?? ''), what: 'the teacher\'s link' });
    await page.click('teacher-close');
    const about = await page.find('about-model');
    await about.findElement(By.css('summary')).click();
    await waitFor(async () => (await about.findElement(
      By.xpath('.//*[self::h2 or self::h3 or self::h4][normalize-space()="Simplified for teaching"]'))).isDisplayed(),
    { what: 'the notes\' "Simplified for teaching"' });
  });

  it('embed=1 runs under the policy in a learning platform’s iframe on another origin', { timeout }, async () => {
    const { page } = firefox;
    const { driver } = page;
    const app = `${page.session.baseUrl}/?preset=ckd&embed=1`;
    await withPlatformPage(`<!doctype html><html lang="en"><head><title>Course</title></head>
      <body><iframe title="Marrow Factory" width="900" height="700" src="${app}"></iframe></body></html>`, async (url) => {
      await driver.get(url);
      await driver.switchTo().frame(await driver.findElement(By.css('iframe')));
      try {
        await page.waitVisible('factory-canvas');
        await waitForEqual(() => page.flag('hb_g_dl'), 'low', 'the embedded patient\'s Hb flag');
        assert.match(await driver.findElement(By.css('.page')).getAttribute('class'), /embed/);
      } finally {
        await driver.switchTo().defaultContent();
      }
    });
  });

  it('a script, a handler, a style or a string of code slipped into the page is refused: the policy is enforced', { timeout }, async () => {
    const { page, session } = firefox;
    await page.open();
    const ran = await page.driver.executeAsyncScript((done) => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true;';
      document.body.append(script);
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.inlineHandlerRan = true;');
      document.body.append(button);
      button.click();
      const styled = document.createElement('p');
      styled.setAttribute('style', 'color: rgb(1, 2, 3)');
      document.body.append(styled);
      // Code from a string (as eval): timers of the same delay run in order, so once the second
      // has run, the first has had its turn.
      new Promise((resolve) => {
        setTimeout('window.stringCodeRan = true;', 0);
        setTimeout(resolve, 0);
      })
        .then(() => import('data:text/javascript,window.importRan = true;').then(() => true, () => false))
        .then((importRan) => done({
          inlineScript: window.inlineScriptRan ?? false,
          inlineHandler: window.inlineHandlerRan ?? false,
          inlineStyle: getComputedStyle(styled).color === 'rgb(1, 2, 3)',
          stringCode: window.stringCodeRan ?? false,
          scriptFromElsewhere: importRan,
        }));
    });
    assert.deepEqual(ran, {
      inlineScript: false, inlineHandler: false, inlineStyle: false, stringCode: false, scriptFromElsewhere: false,
    });
    const refusals = () => [...new Set(session.cspViolations.map((line) => line.split(' (')[0]))].sort();
    await waitForEqual(refusals, [
      'script-src refused eval',
      'script-src-attr refused inline',
      'script-src-elem refused data',
      'script-src-elem refused inline',
      'style-src-attr refused inline',
    ], 'the refusals');
    await session.settle();
    // Firefox also writes each refusal to the console, as an error; it wrote nothing else.
    for (const error of session.consoleErrors) assert.match(error, /^javascript: Content-Security-Policy: /);
    // Those refusals were the point of this test; the checks after it look for anything else.
    session.cspViolations.length = 0;
    session.consoleErrors.length = 0;
  });
});
