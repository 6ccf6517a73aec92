// Browser check of the Cockpit progress board (挂图作战): logs in to Cockpit, opens #/proposal-board,
// compares the numbers on screen with GET /api/board and saves a screenshot.
// Usage: node src/test/e2e/cockpit-board.js [baseUrl] [screenshot.png]
// Needs playwright-core (PLAYWRIGHT env var: its path) and a Chromium (CHROMIUM env var, default /usr/bin/chromium).
const { chromium } = require(process.env.PLAYWRIGHT || 'playwright-core');

const base = process.argv[2] || 'http://localhost:18093';
const shot = process.argv[3] || 'docs/cockpit-board.png';
const user = process.env.BOARD_USER || 'admin';
const password = process.env.BOARD_PASSWORD || 'demo';

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
  console.log('ok - ' + message);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
  });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1500, height: 1100 } });
    const page = await context.newPage();
    await page.goto(base + '/camunda/app/cockpit/default/');
    await page.fill('input[ng-model="username"]', user);
    await page.fill('input[ng-model="password"]', password);
    await page.click('button[type="submit"]');
    await page.waitForSelector('a[href="#/proposal-board"]', { timeout: 30000 });
    check(true, 'Cockpit shows the navigation entry 挂图作战');
    await page.click('a[href="#/proposal-board"]');
    await page.waitForSelector('.pd-proposals tbody tr', { timeout: 30000 });

    const api = await page.evaluate(async () => (await fetch('/api/board', { credentials: 'same-origin' })).json());
    const rows = await page.$$eval('.pd-proposals tbody tr', trs => trs.map(tr => tr.getAttribute('data-number')));
    check(rows.length === api.openCount, 'table rows (' + rows.length + ') = open proposals from /api/board (' + api.openCount + ')');
    check(JSON.stringify(rows) === JSON.stringify(api.proposals.map(p => p.number)), 'table lists the same proposals in the same order');
    for (const light of ['red', 'amber', 'green']) {
      const onScreen = await page.$$eval('.pd-light-' + light, nodes => nodes.length);
      const inApi = api.proposals.filter(p => p.light === light.toUpperCase()).length;
      check(onScreen === inApi, light + ' lights on screen (' + onScreen + ') = /api/board (' + inApi + ')');
    }
    const tiles = await page.$$eval('.pd-tile', nodes => nodes.map(n => n.innerText.replace(/\s+/g, ' ')));
    check(tiles[0].endsWith(' ' + api.openCount), 'tile 在办提案 shows ' + api.openCount);
    const departments = await page.$$eval('.pd-bars > div', bars => bars.map(b => b.innerText.replace(/\s+/g, ' ').trim()));
    check(departments.length === api.byDepartment.length, 'one bar per department with open proposals');
    api.byDepartment.forEach((c, i) => check(departments[i] === c.name + ' ' + c.count, 'bar ' + c.name + ' = ' + c.count));
    await page.screenshot({ path: shot, fullPage: true });
    console.log('screenshot: ' + shot);
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.error('FAILED: ' + e.message);
  process.exit(1);
});
