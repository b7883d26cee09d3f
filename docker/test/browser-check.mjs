// Opens a chapter in JupyterLab in headless Chromium, runs its first cells, then one probe cell that prints
// Chinese, checks the Chinese text is shown, and saves a screenshot; then checks that a new Launcher and
// File > New offer the Java kernel only. Run by docker/test.sh with
// playwright-core (Debian's /usr/bin/chromium; no browser download).
//
// env: NETLAB_URL, NETLAB_TOKEN, NOTEBOOK (path below the server root), RUN_CELLS (default 3),
//      PROBE_CODE, EXPECT (text the probe prints), SCREENSHOT (png path), PW (playwright-core dir)
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = (name, fallback) => {
  const v = process.env[name] ?? fallback;
  if (v === undefined) { console.error(`browser: ${name} is not set`); process.exit(2); }
  return v;
};
const base = env('NETLAB_URL'), token = env('NETLAB_TOKEN'), notebook = env('NOTEBOOK');
const runCells = Number(env('RUN_CELLS', '3'));
const probe = env('PROBE_CODE'), expect = env('EXPECT'), shot = env('SCREENSHOT');
const { chromium } = createRequire(join(env('PW'), 'noop.js'))('playwright-core');
const CJK = /[\u4e00-\u9fff]/;

const profile = mkdtempSync(join(tmpdir(), 'netlab-chromium-'));
// A fresh, empty profile every run (Playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1366, height: 860 },
  locale: 'zh-CN',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--disable-dev-shm-usage'],
});
let failed = null;
try {
  const page = browser.pages()[0] ?? await browser.newPage();
  const started = Date.now();
  const url = `${base}/lab/tree/${notebook.split('/').map(encodeURIComponent).join('/')}?token=${token}`;
  await page.goto(url, { timeout: 60_000 });
  const panel = page.locator('.jp-NotebookPanel:visible').first();
  await panel.waitFor({ timeout: 60_000 });
  // The kernel is idle once the notebook's status indicator says so (JupyterLab 4 toolbar).
  await page.locator('.jp-NotebookPanel:visible .jp-Notebook-ExecutionIndicator[data-status="idle"]')
    .waitFor({ timeout: 90_000 });
  console.log(`browser: ${notebook} open, kernel idle after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Wait until every cell of the file is rendered (the panel fills in after it appears).
  const model = await (await fetch(`${base}/api/contents/${notebook}?token=${token}`)).json();
  const count = model.content.cells.length;
  await page.waitForFunction(n => document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell').length >= n,
    count, { timeout: 60_000 });
  // Run the first cells: select the first one, then Shift+Enter (run and advance) RUN_CELLS times; a code
  // cell is done when its prompt shows an execution count.
  const cells = panel.locator('.jp-Cell');
  await cells.first().locator('.jp-InputPrompt, .jp-Cell-inputCollapser').first().click();
  await page.keyboard.press('Escape');
  for (let i = 0; i < Math.min(runCells, count); i++) {
    const cell = cells.nth(i);
    const isCode = await cell.evaluate(el => el.classList.contains('jp-CodeCell'));
    await page.keyboard.press('Shift+Enter');
    if (isCode) await cell.locator('.jp-InputPrompt', { hasText: /\[\d+\]/ }).waitFor({ timeout: 90_000 });
  }
  const chapterOutput = (await panel.locator('.jp-OutputArea-output').allInnerTexts()).join('\n');
  const errors = await panel.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').count();
  console.log(`browser: ran ${Math.min(runCells, count)} of ${count} cells; outputs: ` +
    JSON.stringify(chapterOutput.slice(0, 300)) + (CJK.test(chapterOutput) ? ' (Chinese shown)' : '') +
    (errors ? `; ${errors} stderr/error outputs` : ''));

  // The probe: a new cell above the next one, typed and run as a student would.
  await page.keyboard.press('Escape');
  await page.keyboard.press('a');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(probe);
  await page.keyboard.press('Shift+Enter');
  const shown = panel.locator('.jp-OutputArea-output', { hasText: expect }).first();
  await shown.waitFor({ timeout: 60_000 });
  await shown.scrollIntoViewIfNeeded();
  const text = await shown.innerText();
  console.log(`browser: probe cell printed ${JSON.stringify(text.trim())}`);
  if (!text.includes(expect)) failed = `probe output ${JSON.stringify(text)} lacks ${JSON.stringify(expect)}`;
  await page.waitForTimeout(300); // let the output area settle before the picture
  await page.screenshot({ path: shot });
  console.log(`browser: screenshot ${shot}`);

  // Only the Java kernel on offer: a new Launcher's Notebook and Console sections hold the netlab kernel
  // alone, and neither the Launcher nor File > New offers anything Python (issue 19: Python tiles beside
  // Java confused students). Both come from /api/kernelspecs, which the server config limits to netlab.
  await page.keyboard.press('Escape');
  await page.locator('.lm-MenuBar-itemLabel', { hasText: /^File$/ }).click();
  await page.locator('.lm-Menu-itemLabel', { hasText: /^New Launcher$/ }).first().click();
  const launcher = page.locator('.jp-Launcher:visible').last();
  await launcher.locator('.jp-LauncherCard').first().waitFor({ timeout: 30_000 });
  const sections = Object.fromEntries(await launcher.locator('.jp-Launcher-section').evaluateAll(els => els.map(s =>
    [s.querySelector('.jp-Launcher-sectionTitle')?.textContent.trim(),
     [...s.querySelectorAll('.jp-LauncherCard')].map(c => c.getAttribute('title') || c.textContent.trim())])));
  await page.locator('.lm-MenuBar-itemLabel', { hasText: /^File$/ }).click();
  await page.locator('.lm-Menu-itemLabel', { hasText: /^New$/ }).first().hover();
  const submenu = page.locator('.lm-Menu').nth(1);
  await submenu.waitFor({ timeout: 10_000 });
  const newItems = (await submenu.locator('.lm-Menu-item:not(.lm-mod-hidden) .lm-Menu-itemLabel').allInnerTexts())
    .map(s => s.trim()).filter(Boolean);
  await page.keyboard.press('Escape');
  console.log(`browser: launcher ${JSON.stringify(sections)}; File > New: ${newItems.join(' | ')}`);
  const only = list => JSON.stringify(list ?? []) === JSON.stringify(['Java (netlab)']);
  if (!failed && !(only(sections.Notebook) && only(sections.Console))) {
    failed = `the launcher offers other kernels than Java (netlab): ${JSON.stringify(sections)}`;
  } else if (!failed && /python/i.test(JSON.stringify(sections) + newItems.join(' '))) {
    failed = `the launcher or File > New offers Python: ${JSON.stringify(sections)}; ${newItems.join(' | ')}`;
  } else if (!failed) {
    console.log('browser: only the Java kernel in the launcher and File > New');
  }
} catch (e) {
  failed = String(e).split('\n')[0];
  try {
    const pages = browser.pages();
    if (pages.length) await pages[0].screenshot({ path: shot.replace(/\.png$/, '-failed.png') });
  } catch { /* the failure itself is what matters */ }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failed) { console.log(`browser: FAIL, ${failed}`); process.exit(1); }
console.log('browser: OK');
