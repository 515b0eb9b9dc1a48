// Share links in Firefox: the core of specs/links.spec.mjs and of the link tests of
// specs/page.spec.mjs. A link made after a setting change and treatments on different days
// reopens the same patient on the same day, lab for lab; a bad link is ignored part by part with
// a notice naming each part.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { By } from 'selenium-webdriver';
import { TEST_TIMEOUT_MS, useFirefox } from './use-firefox.mjs';
import { waitFor, waitForEqual } from './wait-for.mjs';

const timeout = TEST_TIMEOUT_MS;

describe('share links in Firefox', () => {
  const firefox = useFirefox();

  it('a share link carries the treatments and setting changes on their days: same patient, same labs', { timeout }, async () => {
    const { page } = firefox;
    await page.open('?preset=iron_deficiency');
    await page.pause();
    await page.step();
    await page.setSlider('blood_loss_ml_per_day', 0);
    const skipTo = async (day) => {
      await page.click('skip-forward');
      await waitForEqual(() => page.day(), day, 'the day after skipping');
    };
    await skipTo((await page.day()) + 30);
    await page.choose('treatment-select', 'iv_iron');
    await page.click('treatment-give');
    await skipTo((await page.day()) + 30);
    await page.choose('treatment-select', 'transfusion');
    await page.click('treatment-give');
    await page.step();
    await page.click('share-link');
    const link = await waitFor(() => page.property('share-link-url', 'value'),
      { until: (value) => value?.includes('log='), what: 'a share link with a log' });
    assert.ok(link.length < 2048, `the link is ${link.length} characters`);
    const day = await page.day();
    const expected = await page.report();
    assert.ok(Object.keys(expected).length > 20, 'the report has its labs');

    // A shared state opens paused on its day, in a tab of its own.
    await page.driver.switchTo().newWindow('tab');
    await page.open(link);
    await waitFor(async () => !(await page.isPlaying()), { what: 'the shared state to open paused' });
    assert.equal(await page.day(), day);
    await waitForEqual(() => page.report(), expected, 'the reopened report');
  });

  it('a bad link is ignored part by part, with a notice naming each part', { timeout }, async () => {
    const { page } = firefox;
    await page.open('?preset=vampire&iron_intake_mg_per_day=400&day=-2&colour=red&il6_pg_per_ml=50');
    const notices = await waitFor(() => page.noticeTexts(), { until: (texts) => texts.length === 4, what: 'four notices' });
    for (const [index, part] of ['preset=vampire', 'iron_intake_mg_per_day=400', 'day=-2', 'colour'].entries()) {
      assert.ok(notices[index].includes(part), `notice ${index} names ${part}: ${notices[index]}`);
    }
    // The good part still applies and the page works.
    assert.equal(await page.property('slider-il6_pg_per_ml', 'value'), '50');
    assert.equal(await page.property('slider-iron_intake_mg_per_day', 'value'), '14');
    await page.driver.findElement(By.css('[data-testid="notice"] button')).click();
    await waitFor(() => page.noticeTexts(), { until: (texts) => texts.length === 3, what: 'three notices after closing one' });
  });

  it('a broken step of a link is named and the rest of the link still loads', { timeout }, async () => {
    const { page } = firefox;
    await page.open('?preset=ckd&log=5:g:magic:1:1~10:s:il6_pg_per_ml:40&day=20');
    await waitFor(() => page.noticeTexts(), {
      until: (texts) => texts[0]?.includes('5:g:magic:1:1'), what: 'a notice naming the broken step',
    });
    await page.pause();
    assert.equal(await page.property('slider-il6_pg_per_ml', 'value'), '40');
    assert.ok((await page.day()) >= 20, 'the link\'s day');
  });
});
