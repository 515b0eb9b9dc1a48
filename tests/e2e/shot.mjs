import { chromium } from 'playwright';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update'] });
async function shot(q, file, vw, vh, full, act) {
  const ctx = await browser.newContext({ viewport: { width: vw, height: vh } });
  const page = await ctx.newPage();
  await page.goto('http://127.0.0.1:8091/' + q);
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  await page.getByTestId('play-pause').waitFor();
  if (act) await act(page);
  await page.waitForTimeout(600);
  await page.screenshot({ path: file, fullPage: full });
  await ctx.close();
}
await shot('?preset=b12_deficiency&lang=es&mode=projector', '/tmp/es-proj.png', 1024, 768, false);
await shot('?lang=es&tour=iron_heist&step=2', '/tmp/es-tour.png', 1366, 768, false, async (p) => { await p.getByTestId('tour-choice').first().click(); });
await shot('?lang=es&case=pernicious_anemia', '/tmp/es-case.png', 1366, 900, false, async (p) => { await p.getByTestId('case-order-cbc').click(); await p.getByTestId('case-order-b12_folate').click(); });
await shot('?preset=myeloma&lang=es&units=si', '/tmp/es-full.png', 1366, 768, true, async (p) => { await p.getByTestId('lab-hb_g_dl').click(); });
await browser.close();
