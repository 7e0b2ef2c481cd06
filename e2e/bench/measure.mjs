// Benchmarks the release build in ../dist: the bytes the first question
// needs (raw, gzip -9, brotli q11), and the time from navigation to the
// first question being interactive in Debian's Chromium, median of RUNS,
// unthrottled and throttled like Lighthouse's mobile profile (150 ms RTT,
// 1.6 Mbps down, 750 kbps up, 4× CPU). Writes the figures as JSON too.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
const out = path.resolve(import.meta.dirname, '..', '..', 'bench', 'results');
const RUNS = Number(process.env.RUNS ?? 5);

// Sizes of what the first question needs: the quiz page, the script, wasm
// and css it loads, and the exam's question bank it preloads.
const quizPage = 'exam/clf-c02/quiz/index.html';
const html = fs.readFileSync(path.join(dist, quizPage), 'utf8');
const assets = [
  quizPage,
  ...fs.readdirSync(dist).filter((f) => /\.(js|wasm|css)$/.test(f) && html.includes(f)),
  ...[...html.matchAll(/banks\/[\w-]+\.json/g)].map((m) => m[0]),
];
const files = [...new Set(assets)].map((name) => {
  const buf = fs.readFileSync(path.join(dist, name));
  return {
    name,
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

// A tiny static server, compressing as real static hosts do (brotli, else
// gzip, by Accept-Encoding): python's http.server does not, and would
// measure a 3× larger download than any user gets.
const compressed = new Map();
function encode(file, how) {
  const key = `${how}:${file}`;
  if (!compressed.has(key)) {
    const buf = fs.readFileSync(file);
    compressed.set(key, how === 'br'
      ? zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : zlib.gzipSync(buf, { level: 9 }));
  }
  return compressed.get(key);
}
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = path.join(dist, p);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!file.startsWith(dist) || !fs.existsSync(file)) { res.writeHead(404); return res.end(); }
  const accept = String(req.headers['accept-encoding'] ?? '');
  const how = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  const headers = { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
  if (how) {
    res.writeHead(200, { ...headers, 'content-encoding': how, vary: 'accept-encoding' });
    res.end(encode(file, how));
  } else {
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

// One attempt to resume: the first question of a real diagnostic.
const setup = await browser.newPage();
await setup.goto(`${base}/exam/clf-c02/`);
await setup.getByRole('button', { name: 'Start the diagnostic' }).click();
await setup.locator('.options input').first().waitFor({ state: 'attached' });
const quizUrl = setup.url();
const stored = await setup.evaluate(() => localStorage.getItem('cert-diagnostic'));
await setup.close();

async function once(throttled) {
  const context = await browser.newContext();
  await context.addInitScript((s) => localStorage.setItem('cert-diagnostic', s), stored);
  const page = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.goto(quizUrl, { waitUntil: 'commit' });
  await page.locator('.options input').first().waitFor({ state: 'attached', timeout: 60_000 });
  // performance.now() counts from the navigation's start.
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timing = {};
for (const [label, throttled] of [['unthrottled', false], ['mobile_throttled', true]]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(throttled));
  timing[label] = { median_ms: Math.round(median(runs)), runs_ms: runs.map(Math.round) };
}

// Answer click → next paint on question 60 of a 75-question AIP-C01
// practice exam at 4× CPU, with an empty history and with 50 finished
// practice exams stored (the difference is mostly the store's write).
async function practiceExamUrl(context) {
  const page = await context.newPage();
  await page.goto(`${base}/exam/aip-c01/`);
  await page.locator('#clock-untimed').check();
  await page.getByRole('button', { name: /Start (the|a new) practice exam/ }).click();
  await page.locator('.options input').first().waitFor({ state: 'attached' });
  const url = new URL(page.url());
  url.searchParams.set('q', '60');
  return { page, url: url.toString() };
}

/** A store holding `n` finished 75-item practice exams, built from `seed`'s shape. */
function withFinished(seedStore, n) {
  const store = JSON.parse(seedStore);
  const live = store.attempts[store.attempts.length - 1];
  for (let k = 0; k < n; k++) {
    const t = 1_700_000_000_000 + k * 86_400_000;
    store.attempts.unshift({
      ...live,
      id: `${t.toString(16)}-${k.toString(16).padStart(4, '0')}`,
      started_ms: t,
      updated_ms: t + 5_400_000,
      finished_ms: t + 5_400_000,
      answers: live.items.map(() => [0]),
      summary: { scaled: 700, low: 640, high: 760, verdict: 'borderline', performance: 0.7, domain_accuracy: [0.7, 0.7, 0.7, 0.7, 0.7] },
    });
  }
  return JSON.stringify(store);
}

async function clickToPaint(storeText, url) {
  const context = await browser.newContext();
  await context.addInitScript((s) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('cert-diagnostic', s); sessionStorage.setItem('seeded', '1'); } }, storeText);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.locator('.options input').first().waitFor({ state: 'attached', timeout: 60_000 });
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await page.evaluate((k) => new Promise((done) => {
      const labels = document.querySelectorAll('.options label');
      const t0 = performance.now();
      labels[k % 2].click();
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
    }), i));
  }
  const bytes = await page.evaluate(() => localStorage.getItem('cert-diagnostic').length);
  await context.close();
  return { median_ms: Math.round(median(runs) * 10) / 10, runs_ms: runs.map((r) => Math.round(r * 10) / 10), stored_chars: bytes };
}

const pe = await browser.newContext();
const { page: pePage, url: peUrl } = await practiceExamUrl(pe);
const peStore = await pePage.evaluate(() => localStorage.getItem('cert-diagnostic'));
await pe.close();
const answerPaint = {
  empty_history: await clickToPaint(peStore, peUrl),
  with_50_finished_practice_exams: await clickToPaint(withFinished(peStore, 50), peUrl),
};

await browser.close();
server.close();

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
console.log('What the first question needs (raw / gzip -9 / brotli q11):');
for (const f of files) console.log(`  ${f.name.padEnd(44)} ${kb(f.raw)} ${kb(f.gzip)} ${kb(f.brotli)}`);
console.log(`  ${'total'.padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}   (budget: 120 KB brotli)`);
console.log(`Navigation to first question interactive, median of ${RUNS}:`);
console.log(`  unthrottled       ${timing.unthrottled.median_ms} ms   runs ${timing.unthrottled.runs_ms.join(', ')}`);
console.log(`  mobile throttled  ${timing.mobile_throttled.median_ms} ms   runs ${timing.mobile_throttled.runs_ms.join(', ')}   (budget: 1500 ms)`);
console.log(`Answer click → next paint, question 60 of a 75-question AIP-C01 practice exam, 4× CPU, median of ${RUNS}:`);
for (const [label, r] of Object.entries(answerPaint)) {
  console.log(`  ${label.padEnd(32)} ${r.median_ms} ms   runs ${r.runs_ms.join(', ')}   (${(r.stored_chars / 1024).toFixed(0)} K chars stored; budget: 50 ms)`);
}
const writeCost = Math.round((answerPaint.with_50_finished_practice_exams.median_ms - answerPaint.empty_history.median_ms) * 10) / 10;
console.log(`  store write with 50 finished practice exams ≈ ${writeCost} ms more per answer   (budget: 5 ms)`);
fs.mkdirSync(out, { recursive: true });
const report = {
  date: new Date().toISOString(), files, total, timing, answer_paint: answerPaint, store_write_ms: writeCost,
  budgets: { brotli_bytes: 120 * 1024, throttled_ms: 1500, answer_paint_ms: 50, store_write_ms: 5 },
};
fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify(report, null, 2));
console.log(`Figures written to bench/results/latest.json`);
