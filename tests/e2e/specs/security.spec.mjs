// Issue 12 (strict Content-Security-Policy), end to end: the page is served with a policy that
// allows scripts, styles and everything else only from its own server, WebAssembly compiled by
// the browser ('wasm-unsafe-eval') and nothing inline, no eval; everything the page does runs
// under it without a single refusal, and a script slipped into the page is refused.
// Written to port to other browsers: the assertions read the DOM, the console and the request list.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { FactoryPage } from '../pages/factory-page.mjs';

/** The policy as directive → sources. */
function directives(policy) {
  return Object.fromEntries(policy.split(';').map((part) => part.trim()).filter(Boolean)
    .map((part) => {
      const [name, ...sources] = part.split(/\s+/);
      return [name, sources];
    }));
}

/** Records every refusal of the policy, in the page and in its frames, before any script of theirs runs. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
}

const violations = (frame) => frame.evaluate(() => window.cspViolations);

test.describe('content security policy', () => {
  /** @type {FactoryPage} */
  let factory;

  test.beforeEach(async ({ page }) => {
    factory = new FactoryPage(page);
    await recordViolations(page);
  });

  test('the strict policy comes in the page and as a header, and the page has no inline script', async ({ page }) => {
    const response = await page.goto('/');
    await expect(factory.factoryCanvas).toBeVisible();
    const header = directives(response.headers()['content-security-policy'] ?? '');
    const meta = directives(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'));
    expect(meta['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(meta['style-src']).toEqual(["'self'"]);
    expect(meta['default-src']).toEqual(["'self'"]);
    expect(meta['object-src']).toEqual(["'none'"]);
    expect(meta['base-uri']).toEqual(["'none'"]);
    for (const sources of Object.values(meta)) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
    }
    // The header is the same policy. Neither limits who frames the page (embed=1 is for any
    // learning platform; `frame-ancestors *` would refuse sandboxed frames and saved files).
    expect(header).toEqual(meta);
    expect(meta['frame-ancestors']).toBeUndefined();
    // The built page itself: every script a file of this server, no style or handler written inline.
    const html = readFileSync(new URL('../../../dist/index.html', import.meta.url), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=|<style/);
    expect(await violations(page)).toEqual([]);
    expect(factory.consoleErrors).toEqual([]);
  });

  test('the page, a tour, a case, the charts, exports and the service worker run with no refusal, no error, nothing off this host', async ({ page }) => {
    test.setTimeout(90_000);
    await factory.open('?preset=iron_deficiency&speed=30');
    // The service worker installs and takes over the page (offline use).
    await page.evaluate(() => navigator.serviceWorker.ready);
    if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
      await page.reload();
      await expect(factory.factoryCanvas).toBeVisible();
    }
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    // The clock, the factory, the charts (a lab added to them), the scene parts and the why-panel.
    await factory.play();
    await expect.poll(() => factory.day()).toBeGreaterThan(20);
    await factory.pause();
    await page.locator('.chart-picker summary').click();
    await page.getByTestId('chart-pick-tsat_percent').check();
    await expect(factory.chart('tsat_percent')).toHaveAttribute('data-y-max', /\d/);
    await page.getByTestId('scene-part-gut-dock').hover();
    await expect(page.getByTestId('scene-part-info')).toBeVisible();
    await factory.lab('ferritin_ng_ml').click();
    await expect(page.getByTestId('why-panel')).toBeVisible();
    await factory.setSlider('il6_pg_per_ml', 60);
    await page.getByTestId('treatment-select').selectOption('iv_iron');
    await page.getByTestId('treatment-give').click();
    await page.getByTestId('units-select').selectOption('si');
    await page.getByTestId('projector-toggle').click();
    await page.getByTestId('projector-toggle').click();
    await page.getByTestId('compare-toggle').click();
    await expect(page.locator('[data-patient="b"]').first()).toBeVisible();
    await page.getByTestId('compare-toggle').click();

    // Exports: CSV and PNG files, the printed summary.
    for (const hook of ['export-csv', 'export-png']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(hook).click()]);
      expect(readFileSync(await download.path()).length, hook).toBeGreaterThan(100);
    }
    await page.evaluate(() => {
      window.printCalls = 0;
      window.print = () => { window.printCalls += 1; };
    });
    await page.getByTestId('print-summary').click();
    expect(await page.evaluate(() => window.printCalls)).toBe(1);

    // A tour, a mystery patient, the teacher panel (its form is written as markup) and the notes.
    await page.getByTestId('tour-select').selectOption('iron_heist');
    await expect(page.getByTestId('tour-step')).toHaveText(/^1 \/ \d+$/);
    await page.getByTestId('tour-next').click();
    await page.getByTestId('tour-choice').first().click();
    await expect(page.getByTestId('tour-explain')).toBeVisible();
    await page.getByTestId('tour-exit').click();
    const cases = page.getByTestId('case-select');
    const caseId = (await cases.locator('option').evaluateAll((options) => options.map((o) => o.value))).find(Boolean);
    await cases.selectOption(caseId);
    await page.getByTestId('case-order-cbc').click();
    await expect(page.getByTestId('case-result-cbc')).toBeVisible();
    await page.getByTestId('case-leave').click();
    await page.getByTestId('teacher-panel').click();
    await page.getByTestId('teacher-build').click();
    await expect(page.getByTestId('teacher-link')).toHaveValue(/preset=/);
    await page.getByTestId('teacher-close').click();
    const about = page.getByTestId('about-model');
    await about.locator('summary').click();
    await expect(about.getByRole('heading', { name: 'Simplified for teaching' })).toBeVisible();

    expect(await violations(page)).toEqual([]);
    expect(factory.consoleErrors).toEqual([]);
    expect(factory.offHostRequests).toEqual([]);
  });

  test('embed=1 runs under the policy in a learning platform’s iframe on another origin', async ({ page, baseURL }) => {
    // The platform's page, from another origin: a server of the test's own on another port.
    const platform = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="en"><head><title>Course</title></head>
        <body><iframe title="Marrow Factory" width="900" height="700" src="${baseURL}/?preset=ckd&embed=1"></iframe></body></html>`);
    });
    await new Promise((resolve) => platform.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${platform.address().port}/course.html`);
      const frame = page.frameLocator('iframe');
      await expect(frame.getByTestId('factory-canvas')).toBeVisible();
      await expect(frame.getByTestId('lab-hb_g_dl')).toHaveAttribute('data-flag', 'low');
      await expect(frame.locator('.page')).toHaveClass(/embed/);
      const app = page.frames().find((candidate) => candidate.url().includes('embed=1'));
      expect(await violations(app)).toEqual([]);
      expect(factory.consoleErrors).toEqual([]);
      expect(factory.offHostRequests).toEqual([]);
    } finally {
      await new Promise((resolve) => platform.close(resolve));
    }
  });

  test('a script, a handler, a style or a string of code slipped into the page is refused: the policy is enforced', async ({ page }) => {
    await factory.open();
    const ran = await page.evaluate(async () => {
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
      await new Promise((resolve) => {
        setTimeout('window.stringCodeRan = true;', 0);
        setTimeout(resolve, 0);
      });
      let importRan;
      try {
        await import('data:text/javascript,window.importRan = true;');
        importRan = true;
      } catch {
        importRan = false;
      }
      return {
        inlineScript: window.inlineScriptRan ?? false,
        inlineHandler: window.inlineHandlerRan ?? false,
        inlineStyle: getComputedStyle(styled).color === 'rgb(1, 2, 3)',
        stringCode: window.stringCodeRan ?? false,
        scriptFromElsewhere: importRan,
      };
    });
    expect(ran).toEqual({
      inlineScript: false, inlineHandler: false, inlineStyle: false, stringCode: false, scriptFromElsewhere: false,
    });
    await expect.poll(async () => [...new Set((await violations(page)).map((line) => line.split(' (')[0]))].sort()).toEqual([
      'script-src refused eval',
      'script-src-attr refused inline',
      'script-src-elem refused data',
      'script-src-elem refused inline',
      'style-src-attr refused inline',
    ]);
  });
});
