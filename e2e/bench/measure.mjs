// Benchmarks a release build against the budgets of issue 10: prints each
// budget's figure, limit and PASS/FAIL (and by how much it misses), then a
// summary, and writes every figure and run to bench/results/latest.json.
// It is a report, not a test: the exit code is 0 whether budgets pass or not
// (non-zero only when the bench itself breaks). scripts/test.sh never runs it.
//
//   node bench/measure.mjs [dist] [dist-scale4]      (run from e2e/)
//
// BENCH_DIST / first argument          the build to measure (default ../dist)
// BENCH_DIST_SCALE4 / second argument  the same site built with
//                                      CERT_BANK_SCALE=4 (default ../dist-scale4);
//                                      when missing, the growth budget is "not measured"
// RUNS     runs per browser timing (default 5)
// RUNS_LH  Lighthouse runs per page (default 3)
//
// Everything is served by the small static server below, which compresses as
// static hosts do (brotli, else gzip), and every browser context blocks
// service workers: the SW's precache would otherwise be downloaded (and
// counted) or, on a warm profile, answer instead of the network.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..', '..');
const dist = path.resolve(process.argv[2] ?? process.env.BENCH_DIST ?? path.join(root, 'dist'));
const distScale4 = path.resolve(process.argv[3] ?? process.env.BENCH_DIST_SCALE4 ?? path.join(root, 'dist-scale4'));
const out = path.join(root, 'bench', 'results');
const RUNS = Number(process.env.RUNS ?? 5);
const RUNS_LH = Number(process.env.RUNS_LH ?? 3);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const STORE_KEY = 'cert-diagnostic';
const EXAM = 'clf-c02';

if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`No build at ${dist} (run scripts/bench.sh, or set BENCH_DIST).`);
  process.exit(1);
}
// Lighthouse reports of earlier runs would be mistaken for this one's.
fs.rmSync(path.join(out, 'lighthouse'), { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'lighthouse'), { recursive: true });

const KB = 1024;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round1 = (x) => Math.round(x * 10) / 10;
const brotli = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });

// ---------------------------------------------------------------------------
// The static server. It records what it actually wrote per request (body
// bytes, after compression), so "bytes the first question needs" is exact and
// does not care what format the app ships its data in. It also serves the
// bench's own seed page (/__bench/seed), used to put a stored attempt into a
// browser Lighthouse drives, where Playwright cannot add an init script.
const types = {
  '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};
async function serve(site) {
  const compressed = new Map(); // `${encoding}:${file}` → body, compressed once
  const sent = []; // { url, status, encoding, bytes }, in the order served
  const seeds = new Map(); // token → { store, done(), seeded }
  function encode(file, how) {
    const key = `${how}:${file}`;
    if (!compressed.has(key)) {
      const buf = fs.readFileSync(file);
      compressed.set(key, how === 'br' ? brotli(buf) : zlib.gzipSync(buf, { level: 9 }));
    }
    return compressed.get(key);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/__bench/seed') {
      // Writes the store into this origin's localStorage, then tells us.
      const token = url.searchParams.get('k');
      res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      return res.end(`<!doctype html><title>seed</title><script>
        localStorage.setItem(${JSON.stringify(STORE_KEY)}, ${JSON.stringify(seeds.get(token)?.store ?? '')});
        fetch('/__bench/seeded?k=${encodeURIComponent(token)}');</script>`);
    }
    if (url.pathname === '/__bench/seeded') {
      seeds.get(url.searchParams.get('k'))?.done();
      res.writeHead(204);
      return res.end();
    }
    let file = path.join(site, decodeURIComponent(url.pathname));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(site) || !fs.existsSync(file)) {
      sent.push({ url: req.url, status: 404, encoding: null, bytes: 0 });
      res.writeHead(404);
      return res.end();
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const how = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    const headers = { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    const body = how ? encode(file, how) : fs.readFileSync(file);
    sent.push({ url: req.url, status: 200, encoding: how ?? 'identity', bytes: body.length });
    res.writeHead(200, how ? { ...headers, 'content-encoding': how, vary: 'accept-encoding' } : headers);
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    sent,
    reset: () => { sent.length = 0; },
    /** A URL that stores `store` in localStorage, and a promise kept when it has. */
    seed(store) {
      const token = Math.random().toString(36).slice(2);
      let done;
      const seeded = new Promise((r) => { done = r; });
      seeds.set(token, { store, done });
      return { url: `${base}/__bench/seed?k=${token}`, seeded };
    },
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

// ---------------------------------------------------------------------------
// Static facts about the build, printed as info: what the quiz page names
// (raw / gzip -9 / brotli q11, as before), and the wasm's custom sections
// (a shipped "name" section is dead weight: it only serves debuggers).
function staticTable(site) {
  const quizPage = `exam/${EXAM}/quiz/index.html`;
  const html = fs.readFileSync(path.join(site, quizPage), 'utf8');
  const names = [
    quizPage,
    ...fs.readdirSync(site).filter((f) => /\.(js|wasm|css)$/.test(f) && html.includes(f)),
    ...[...html.matchAll(/banks\/[\w.-]+\.json/g)].map((m) => m[0]),
  ];
  return [...new Set(names)].map((name) => {
    const buf = fs.readFileSync(path.join(site, name));
    return { name, raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length, brotli: brotli(buf).length };
  });
}

/** Custom sections (id 0) of a wasm binary: name and payload size. */
function customSections(buf) {
  if (buf.readUInt32BE(0) !== 0x0061736d) throw new Error('not a wasm binary');
  let at = 8; // magic + version
  const leb = () => {
    let n = 0;
    let shift = 0;
    let b;
    do {
      b = buf[at++];
      n += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return n;
  };
  const sections = [];
  while (at < buf.length) {
    const id = buf[at++];
    const size = leb();
    const end = at + size;
    if (id === 0) {
      const len = leb();
      sections.push({ name: buf.toString('utf8', at, at + len), bytes: size });
    }
    at = end;
  }
  return sections;
}

const wasmFiles = fs.readdirSync(dist).filter((f) => f.endsWith('.wasm'));
const wasmSections = Object.fromEntries(wasmFiles.map((f) => [f, customSections(fs.readFileSync(path.join(dist, f)))]));
const files = staticTable(dist);

// ---------------------------------------------------------------------------
// Browser measurements with Playwright.
const browser = await chromium.launch({
  executablePath: CHROME,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
// Lighthouse's default mobile emulation (a Moto G Power), and its throttling:
// 150 ms RTT, 1.6 Mbps down, 750 kbps up, 4× CPU.
const mobile = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const newContext = (options = {}) => browser.newContext({ serviceWorkers: 'block', ...options });

/** Stores to resume: a diagnostic at question 1, and a finished one. */
/** The page's whole stored record as one version-3 text, which any build
 *  reads (version 4 spreads it over one key per attempt; seeded as
 *  version 3, the app migrates it at its first write). */
function readStore(page) {
  return page.evaluate((k) => {
    const main = JSON.parse(localStorage.getItem(k) ?? 'null');
    if (!main || main.version !== 4) return JSON.stringify(main);
    const get = (key) => JSON.parse(localStorage.getItem(key) ?? 'null');
    const settings = get(`${k}.settings`) ?? {};
    const attempts = Object.keys(localStorage).filter((key) => key.startsWith(`${k}.attempt.`)).map(get)
      .sort((a, b) => a.started_ms - b.started_ms);
    return JSON.stringify({ version: 3, attempts, seen: get(`${k}.seen`) ?? {}, first_answers: get(`${k}.first-answers`) ?? {},
      cards: get(`${k}.cards`) ?? {}, plan: settings.plan, deleted: settings.deleted ?? [] });
  }, STORE_KEY);
}

async function makeAttempts(site) {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(`${site.base}/exam/${EXAM}/`);
  await page.getByRole('button', { name: /Start (the|a new) diagnostic/ }).click();
  await page.locator('.options input').first().waitFor({ state: 'attached' });
  const quiz = { url: page.url(), store: await readStore(page) };
  // Finish it the way the journeys do (e2e/tests/helpers.ts): an answer for
  // each of the ten, then review and finish.
  for (let i = 0; i < 10; i++) {
    await page.getByRole('heading', { level: 1, name: `Question ${i + 1} of 10` }).waitFor();
    await page.locator('.options label').first().click();
    if (i < 9) await page.getByRole('button', { name: 'Next →' }).click();
  }
  await page.getByRole('button', { name: 'Review and finish' }).click();
  await page.getByRole('button', { name: 'Finish and see results' }).click();
  await page.getByTestId('score').waitFor();
  const results = { url: page.url(), store: await readStore(page) };
  // The link a friend gets: everything rides in the fragment.
  const sharedUrl = await page.evaluate(() => [...document.querySelectorAll('a, input')]
    .map((e) => e.href || e.value).find((v) => typeof v === 'string' && v.includes('/shared/#')));
  await context.close();
  return { quiz, results, shared: sharedUrl ? { url: sharedUrl, store: null } : null };
}

/** What the server wrote from navigation to the first question being
 *  interactive, in a fresh context (cold cache, no service worker). */
async function firstQuestionBytes(site, attempt) {
  const context = await newContext();
  await context.addInitScript(([k, s]) => localStorage.setItem(k, s), [STORE_KEY, attempt.store]);
  const page = await context.newPage();
  site.reset();
  await page.goto(attempt.url, { waitUntil: 'commit' });
  await page.locator('.options input').first().waitFor({ state: 'attached', timeout: 60_000 });
  const responses = site.sent.map((r) => ({ ...r }));
  await context.close();
  return { responses, total: responses.reduce((t, r) => t + r.bytes, 0) };
}

/** ms from navigation to the first question interactive, cold. */
/** A fresh context (cold cache, no service worker) holding `store`, on the
 *  mobile profile when `throttled`, and its page. */
async function coldPage(store, throttled) {
  const context = await newContext(throttled ? mobile : {});
  if (store) await context.addInitScript(([k, s]) => localStorage.setItem(k, s), [STORE_KEY, store]);
  const page = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  return { context, page };
}

async function timeToQuestion(site, attempt, throttled) {
  const { context, page } = await coldPage(attempt.store, throttled);
  await page.goto(attempt.url, { waitUntil: 'commit' });
  await page.locator('.options input').first().waitFor({ state: 'attached', timeout: 60_000 });
  // performance.now() counts from the navigation's start.
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

// Answer click → next paint on question 60 of a 75-question AIP-C01
// practice exam at 4× CPU, with an empty history and with 50 finished
// practice exams stored (the difference is mostly the store's write).
async function practiceExam(site) {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(`${site.base}/exam/aip-c01/`);
  await page.locator('#clock-untimed').check();
  await page.getByRole('button', { name: /Start (the|a new) practice exam/ }).click();
  await page.locator('.options input').first().waitFor({ state: 'attached' });
  const url = new URL(page.url());
  url.searchParams.set('q', '60');
  const store = await readStore(page);
  await context.close();
  return { url: url.toString(), store };
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
  const context = await newContext();
  // Seed once per tab: the page's own writes must survive its reloads.
  await context.addInitScript(([k, s]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(k, s); sessionStorage.setItem('seeded', '1'); } }, [STORE_KEY, storeText]);
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
  // Every key of the store together, whatever its layout.
  const chars = await page.evaluate((k) => Object.keys(localStorage).filter((key) => key === k || key.startsWith(`${k}.`))
    .reduce((n, key) => n + localStorage.getItem(key).length, 0), STORE_KEY);
  // The app writes each answer just after its paint, as a User Timing
  // measure: what the write itself costs, outside the click → paint above.
  const writes = await page.evaluate(() => new Promise((done) => setTimeout(() =>
    done(performance.getEntriesByName('cert-diagnostic:save').map((e) => e.duration)), 200)));
  await context.close();
  // The first write of a seeded (version 3) record migrates it to one key
  // per attempt: a one-off, not an answer's cost.
  writes.shift();
  return { median_ms: round1(median(runs)), runs_ms: runs.map(round1), stored_chars: chars,
    write_median_ms: writes.length ? round1(median(writes)) : null, writes_ms: writes.map(round1) };
}

/** Playwright's check that the seed page, then `url`, renders `selector`:
 *  the same path Lighthouse's seeded runs take. */
async function rendersSeeded(site, store, url, selector) {
  const context = await newContext();
  const page = await context.newPage();
  const seed = site.seed(store);
  await page.goto(seed.url);
  await seed.seeded;
  await page.goto(url);
  const ok = await page.locator(selector).first().waitFor({ state: 'attached', timeout: 30_000 }).then(() => true, () => false);
  await context.close();
  return ok;
}

const site = await serve(dist);
const attempts = await makeAttempts(site);
const firstQuestion = await firstQuestionBytes(site, attempts.quiz);

// ---------------------------------------------------------------------------
// Each entry page, cold (fresh context, no service worker): the bytes the
// server wrote before the page was usable, and the time to usable on the
// mobile profile. Usable: the app has replaced the static first screen and
// drawn the page's own content (the page loads its own code first).
// A function and its argument, not a string: the page's CSP forbids eval.
const drawn = (selector) => !document.getElementById('first-screen') && !!document.querySelector(selector);
const entryPages = [
  { key: 'home', url: `${site.base}/`, store: null, usable: 'main .exam-card' },
  { key: 'exam', url: `${site.base}/exam/${EXAM}/`, store: null, usable: 'main h1' },
  { key: 'question', url: attempts.quiz.url, store: attempts.quiz.store, usable: '.options input' },
  { key: 'results', url: attempts.results.url, store: attempts.results.store, usable: '[data-testid="score"]' },
  { key: 'shared', url: attempts.shared?.url, store: null, usable: 'main h1' },
  { key: 'history', url: `${site.base}/history/`, store: attempts.results.store, usable: 'main h1' },
];

async function entryLoad(e, throttled) {
  const { context, page } = await coldPage(e.store, throttled);
  site.reset();
  await page.goto(e.url, { waitUntil: 'commit' });
  await page.waitForFunction(drawn, e.usable, { timeout: 60_000, polling: 50 });
  const ms = await page.evaluate(() => performance.now());
  const responses = site.sent.map((r) => ({ ...r }));
  await context.close();
  return { ms, responses, bytes: responses.reduce((s, r) => s + r.bytes, 0) };
}

const entry = {};
for (const e of entryPages) {
  if (!e.url) { entry[e.key] = { error: 'no link to measure (the results page showed no shared link)' }; continue; }
  try {
    const cold = await entryLoad(e, false);
    const runs = [];
    for (let i = 0; i < Math.min(RUNS, 3); i++) runs.push((await entryLoad(e, true)).ms);
    entry[e.key] = { url: e.url, bytes: cold.bytes, responses: cold.responses, mobile_median_ms: Math.round(median(runs)), mobile_runs_ms: runs.map(Math.round) };
  } catch (err) {
    entry[e.key] = { error: String(err.message ?? err) };
  }
}
// Every chunk of the split build together, as served (brotli), against the
// single file it replaced (357 KB brotli when issue 21 was written).
const wasmTotal = wasmFiles.reduce((s, f) => s + brotli(fs.readFileSync(path.join(dist, f))).length, 0);
const SINGLE_WASM_BEFORE = 357 * KB;

/** Raw bytes of every file of a build (its size on disk). */
function siteBytes(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((t, e) => t + fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size, 0);
}

// The growth budget needs a scaled build that really is bigger: a build
// that ignored CERT_BANK_SCALE would "pass" with zero growth.
let scale4 = null;
let scale4Missing = `no build at ${distScale4} (scripts/bench.sh builds it with CERT_BANK_SCALE=4)`;
if (fs.existsSync(path.join(distScale4, 'index.html')) && siteBytes(distScale4) <= siteBytes(dist)) {
  scale4Missing = `${distScale4} is no bigger than ${dist} (${kb(siteBytes(distScale4))} against ${kb(siteBytes(dist))}): was CERT_BANK_SCALE=4 honoured?`;
} else if (fs.existsSync(path.join(distScale4, 'index.html'))) {
  const bigSite = await serve(distScale4);
  const bigAttempt = (await makeAttempts(bigSite)).quiz;
  scale4 = { dist: distScale4, site_bytes: siteBytes(distScale4), normal_site_bytes: siteBytes(dist), ...(await firstQuestionBytes(bigSite, bigAttempt)) };
  await bigSite.close();
}

const timing = {};
for (const [label, throttled] of [['unthrottled', false], ['mobile_throttled', true]]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timeToQuestion(site, attempts.quiz, throttled));
  timing[label] = { median_ms: Math.round(median(runs)), runs_ms: runs.map(Math.round) };
}

const pe = await practiceExam(site);
const answerPaint = {
  empty_history: await clickToPaint(pe.store, pe.url),
  with_50_finished_practice_exams: await clickToPaint(withFinished(pe.store, 50), pe.url),
  with_200_finished_practice_exams: await clickToPaint(withFinished(pe.store, 200), pe.url),
};
const storeWrite = answerPaint.with_50_finished_practice_exams.write_median_ms;

// ---------------------------------------------------------------------------
// Lighthouse 12.2.3 (bench/tools), default config: mobile, simulated
// throttling. Each run gets its own Chromium with a fresh profile, so no run
// sees another's cache or service worker. Pages that need stored data are
// seeded first through the seed page and audited without Lighthouse's
// storage reset (which would wipe the attempt); the others get the reset.
const pages = [
  { key: 'home', path: '/', seed: null },
  { key: 'exam', path: `/exam/${EXAM}/`, seed: null },
  { key: 'quiz', path: new URL(attempts.quiz.url).pathname + new URL(attempts.quiz.url).search, seed: attempts.quiz.store, selector: '.options input' },
  { key: 'results', path: new URL(attempts.results.url).pathname + new URL(attempts.results.url).search, seed: attempts.results.store, selector: '[data-testid="score"]' },
  ...(attempts.shared ? [{ key: 'shared', path: new URL(attempts.shared.url).pathname + new URL(attempts.shared.url).hash, seed: null }] : []),
  { key: 'history', path: '/history/', seed: attempts.results.store, selector: '[data-testid="attempt-kind"]' },
];
// Issue 21: the pages the app draws may score 95; the static first screens keep 98.
const perfBudget = { home: 98, exam: 98, quiz: 95, results: 95, shared: 95, history: 95 };
// What Lighthouse itself saw, from its artifacts: a question's inputs; the
// results page's link to the explanations. A run that audited an error or
// empty page does not count.
const showed = {
  quiz: (a) => (a.Inputs?.inputs ?? []).some((i) => i.type === 'radio' || i.type === 'checkbox'),
  results: (a) => (a.AnchorElements ?? []).some((x) => x.rawHref === '#review' || /explanations/i.test(x.text ?? '')),
};
const seededRenders = {};
for (const p of pages.filter((x) => x.seed)) seededRenders[p.key] = await rendersSeeded(site, p.seed, site.base + p.path, p.selector);
await browser.close();

const lhRequire = createRequire(path.join(root, 'bench', 'tools', 'package.json'));
let lighthouse = null;
let lighthouseError = null;
try {
  const entry = path.join(path.dirname(lhRequire.resolve('lighthouse/package.json')), 'core', 'index.js');
  lighthouse = (await import(pathToFileURL(entry).href)).default;
} catch (e) {
  lighthouseError = `Lighthouse is not installed in bench/tools (run scripts/bench.sh, or npm ci there): ${e.message}`;
}

/** Our own Chromium with a fresh profile and a DevTools port. Flags as
 *  Lighthouse's chrome-launcher sets them, to keep background noise out. */
async function launchChrome(startUrl) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lh-'));
  const args = [
    '--headless=new', '--no-sandbox', '--disable-gpu', `--user-data-dir=${profile}`, '--remote-debugging-port=0',
    '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,CalculateNativeWinOcclusion,InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater,AutofillServerCommunication,PrivacySandboxSettings4,RenderDocument',
    '--disable-extensions', '--disable-component-extensions-with-background-pages', '--disable-background-networking',
    '--disable-component-update', '--disable-client-side-phishing-detection', '--disable-sync', '--metrics-recording-only',
    '--disable-default-apps', '--mute-audio', '--no-default-browser-check', '--no-first-run',
    '--disable-backgrounding-occluded-windows', '--disable-renderer-backgrounding', '--disable-background-timer-throttling',
    '--disable-ipc-flooding-protection', '--password-store=basic', '--disable-hang-monitor', '--disable-prompt-on-repost',
    '--disable-domain-reliability', startUrl,
  ];
  // Its own process group (id = its pid), so closing ends its helpers too.
  const proc = spawn(CHROME, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let log = '';
  const port = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`Chromium gave no DevTools port:\n${log}`)), 30_000);
    // Keep reading stderr for the whole run: a full pipe would stall Chromium.
    proc.stderr.on('data', (d) => {
      if (log.length < 20_000) log += d;
      const m = log.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (m) { clearTimeout(timer); ok(Number(m[1])); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`Chromium exited (${code}):\n${log}`)); });
  });
  return {
    port,
    async close() {
      const group = (signal) => { try { process.kill(-proc.pid, signal); } catch { /* already gone */ } };
      if (proc.exitCode === null && proc.signalCode === null) {
        group('SIGTERM');
        await Promise.race([once(proc, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
      }
      group('SIGKILL'); // any helper that outlived the browser
      // Chromium's helpers can still be writing the profile for a moment.
      try {
        fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (e) {
        console.warn(`  (left a temporary profile behind: ${profile}: ${e.code})`);
      }
    },
  };
}

async function lighthouseRun(p, n) {
  const seed = p.seed ? site.seed(p.seed) : null;
  const chrome = await launchChrome(seed ? seed.url : 'about:blank');
  try {
    if (seed) await Promise.race([seed.seeded, new Promise((_, no) => setTimeout(() => no(new Error('seed page did not report')), 30_000))]);
    const result = await lighthouse(site.base + p.path, {
      port: chrome.port, hostname: '127.0.0.1', output: 'json', logLevel: 'error', disableStorageReset: Boolean(seed),
    }, undefined);
    const lhr = result.lhr;
    fs.writeFileSync(path.join(out, 'lighthouse', `${p.key}-${n + 1}.json`), result.report);
    const shot = lhr.audits['final-screenshot']?.details?.data;
    if (shot) fs.writeFileSync(path.join(out, 'lighthouse', `${p.key}-${n + 1}.jpg`), Buffer.from(shot.split(',')[1], 'base64'));
    const score = (c) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      best_practices: score('best-practices'),
      seo: score('seo'),
      fcp_ms: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? NaN),
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? null,
      // Not budgets: what the performance score is made of.
      lcp_ms: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbt_ms: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
      si_ms: Math.round(lhr.audits['speed-index']?.numericValue ?? NaN),
      final_url: lhr.finalDisplayedUrl,
      runtime_error: lhr.runtimeError?.message ?? null,
      warnings: lhr.runWarnings,
      showed_page: showed[p.key] ? showed[p.key](result.artifacts) : true,
    };
  } finally {
    await chrome.close();
  }
}

const lh = {};
if (lighthouse) {
  console.log(`Lighthouse, ${RUNS_LH} run(s) per page:`);
  for (const p of pages) {
    const runs = [];
    for (let n = 0; n < RUNS_LH; n++) {
      try {
        runs.push(await lighthouseRun(p, n));
      } catch (e) {
        runs.push({ error: String(e.message ?? e) });
      }
      const r = runs[runs.length - 1];
      console.log(`  lighthouse ${p.key} run ${n + 1}: ${r.error ?? `perf ${r.performance} a11y ${r.accessibility} bp ${r.best_practices} seo ${r.seo} fcp ${r.fcp_ms} ms lcp ${r.lcp_ms} ms tbt ${r.tbt_ms} ms si ${r.si_ms} ms cls ${r.cls?.toFixed(4)}${r.showed_page ? '' : ' (DID NOT SHOW THE PAGE: not counted)'}`}`);
    }
    // Only runs that audited the real page count towards the medians.
    const good = runs.filter((r) => !r.error && !r.runtime_error && r.showed_page);
    const med = (k) => (good.length ? median(good.map((r) => r[k])) : null);
    lh[p.key] = {
      url: site.base + p.path,
      seeded: Boolean(p.seed),
      playwright_renders_seeded: seededRenders[p.key] ?? null,
      valid_runs: good.length,
      median: { performance: med('performance'), accessibility: med('accessibility'), best_practices: med('best_practices'), seo: med('seo'), fcp_ms: med('fcp_ms'), cls: med('cls'), lcp_ms: med('lcp_ms'), tbt_ms: med('tbt_ms'), si_ms: med('si_ms') },
      runs,
    };
  }
}
await site.close();

// ---------------------------------------------------------------------------
// Budgets. Each: a figure, how it must compare with its limit, and by how
// much it misses. A figure of null means "not measured" (never a pass).
const budgets = [];
function budget(name, figure, op, limit, unit, show = (x) => `${x}${unit}`) {
  const measured = figure !== null && figure !== undefined && !Number.isNaN(figure);
  const pass = measured && (op === '<=' ? figure <= limit : op === '>=' ? figure >= limit : figure === limit);
  const by = !measured || pass ? 0 : op === '<=' ? figure - limit : op === '>=' ? limit - figure : Math.abs(figure - limit);
  const miss = Math.round(by * 1e4) / 1e4; // no 15.899999999999999
  budgets.push({ name, figure: measured ? figure : null, op, limit, unit: unit.trim(), measured, pass, miss, shown: measured ? show(figure) : 'not measured', limitShown: show(limit), missShown: show(miss) });
}
const kbShow = (x) => kb(x);
budget('First question bytes (as served, brotli)', firstQuestion.total, '<=', 160 * KB, ' B', kbShow);
budget('Growth with a 4× bank', scale4 ? scale4.total - firstQuestion.total : null, '<=', 5 * KB, ' B', kbShow);
budget('First question interactive, mobile, median', timing.mobile_throttled.median_ms, '<=', 1500, ' ms');
budget('Answer click → next paint, 4× CPU, median', answerPaint.empty_history.median_ms, '<=', 50, ' ms');
budget('Answer click → next paint, 50 finished exams', answerPaint.with_50_finished_practice_exams.median_ms, '<=', 50, ' ms');
budget('Store write, after the paint (50 finished exams)', storeWrite, '<=', 5, ' ms');
budget('Store write, after the paint (0 finished exams)', answerPaint.empty_history.write_median_ms, '<=', 5, ' ms');
budget('Store write, after the paint (200 finished exams)', answerPaint.with_200_finished_practice_exams.write_median_ms, '<=', 5, ' ms');
for (const p of pages) {
  const m = lh[p.key]?.median ?? {};
  budget(`FCP (Lighthouse mobile), ${p.key}`, m.fcp_ms, '<=', 1000, ' ms');
  budget(`CLS (Lighthouse mobile), ${p.key}`, m.cls, '==', 0, '', (x) => (x === 0 ? '0' : x.toFixed(4)));
}
for (const p of pages) {
  const m = lh[p.key]?.median ?? {};
  budget(`Lighthouse performance, ${p.key}`, m.performance, '>=', perfBudget[p.key] ?? 98, '');
  budget(`Lighthouse accessibility, ${p.key}`, m.accessibility, '==', 100, '');
  budget(`Lighthouse best practices, ${p.key}`, m.best_practices, '==', 100, '');
  budget(`Lighthouse SEO, ${p.key}`, m.seo, '==', 100, '');
}
budget('Shared result bytes before usable', entry.shared?.bytes, '<=', 200 * KB, ' B', kbShow);
budget('All wasm chunks together (brotli)', wasmTotal, '<=', Math.round(1.25 * SINGLE_WASM_BEFORE), ' B', kbShow);
// Not a budget, a check: no "name" section in the shipped wasm.
const nameShips = Object.values(wasmSections).some((s) => s.some((x) => x.name === 'name'));

// ---------------------------------------------------------------------------
// The report.
const mark = (b) => (!b.measured ? 'N/A ' : b.pass ? 'PASS' : 'FAIL');
const opText = { '<=': '≤', '>=': '≥', '==': '=' };
const line = (b) => `  ${mark(b)}  ${b.name.padEnd(44)} ${b.shown.padStart(12)}   budget ${opText[b.op]} ${b.limitShown}${b.measured && !b.pass ? `   misses by ${b.missShown}` : ''}`;

console.log(`\nBuild: ${dist}`);
console.log('Wasm custom sections (info):');
for (const [f, secs] of Object.entries(wasmSections).filter(([, s]) => s.length)) {
  console.log(`  ${f}: ${secs.map((s) => `${s.name} ${s.bytes} B`).join(', ')}`);
}
console.log(`  (${Object.values(wasmSections).filter((s) => !s.length).length} of ${wasmFiles.length} wasm files have none)`);
console.log(`  ${nameShips ? 'FAIL' : 'PASS'}  no "name" section ships`);

console.log('\nWhat the quiz page names, static (raw / gzip -9 / brotli q11; info):');
for (const f of files) console.log(`  ${f.name.padEnd(48)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)} ${kb(f.brotli).padStart(10)}`);

console.log('\n1. Bytes the first question needs, measured (fresh context, no service worker, stored attempt):');
for (const r of firstQuestion.responses) console.log(`  ${String(r.status)} ${r.url.padEnd(52)} ${(r.encoding ?? '-').padEnd(8)} ${kb(r.bytes).padStart(10)}`);
console.log(line(budgets[0]));

console.log('\n2. Growth with a bank 4× the size:');
if (scale4) {
  for (const r of scale4.responses) console.log(`  ${String(r.status)} ${r.url.padEnd(52)} ${(r.encoding ?? '-').padEnd(8)} ${kb(r.bytes).padStart(10)}`);
  console.log(`  total ${kb(scale4.total)} against ${kb(firstQuestion.total)} (whole site ${kb(scale4.site_bytes)} raw against ${kb(scale4.normal_site_bytes)})`);
} else {
  console.log(`  not measured: ${scale4Missing}`);
}
console.log(line(budgets[1]));

console.log(`\n3. Navigation to first question interactive (cold, no service worker), median of ${RUNS}:`);
console.log(`  unthrottled (info)  ${timing.unthrottled.median_ms} ms   runs ${timing.unthrottled.runs_ms.join(', ')}`);
console.log(`  mobile profile      ${timing.mobile_throttled.median_ms} ms   runs ${timing.mobile_throttled.runs_ms.join(', ')}`);
console.log(line(budgets[2]));

console.log(`\n4. Answer click → next paint, question 60 of a 75-question AIP-C01 practice exam, 4× CPU, median of ${RUNS}:`);
for (const [label, r] of Object.entries(answerPaint)) {
  console.log(`  ${label.padEnd(32)} ${r.median_ms} ms   runs ${r.runs_ms.join(', ')}   (${(r.stored_chars / 1024).toFixed(0)} K chars stored; its write after the paint ${r.write_median_ms} ms)`);
}
console.log(line(budgets[3]));
console.log(line(budgets[4]));
console.log(line(budgets[5]));

console.log('\n4b. Each entry page, cold: bytes before usable (brotli, as served), and time to usable on the mobile profile (median of up to 3):');
for (const e of entryPages) {
  const r = entry[e.key];
  console.log(`  ${e.key.padEnd(10)} ${r.error ? `not measured: ${r.error}` : `${kb(r.bytes).padStart(10)}  ${String(r.mobile_median_ms).padStart(6)} ms  (${r.responses.length} requests; runs ${r.mobile_runs_ms.join(', ')})`}`);
}
console.log(`  all wasm chunks together: ${kb(wasmTotal)} in ${wasmFiles.length} files (the single file was ${kb(SINGLE_WASM_BEFORE)})`);
for (const b of budgets.filter((x) => x.name.startsWith('Shared result') || x.name.startsWith('All wasm'))) console.log(line(b));

console.log(`\n5–6. Lighthouse 12.2.3, mobile, simulated throttling, median of ${RUNS_LH} per page:`);
if (lighthouseError) console.log(`  ${lighthouseError}`);
for (const p of pages) {
  const r = lh[p.key];
  if (!r) continue;
  const note = r.seeded ? `, seeded; Playwright renders it: ${r.playwright_renders_seeded ? 'yes' : 'NO'}` : '';
  console.log(`  ${p.key}: ${r.url}  (${r.valid_runs} of ${r.runs.length} runs valid${note})`);
  if (r.median) console.log(`    medians: LCP ${r.median.lcp_ms} ms, total blocking time ${r.median.tbt_ms} ms, speed index ${r.median.si_ms} ms`);
}
for (const b of budgets.slice(6).filter((x) => x.name.startsWith('FCP') || x.name.startsWith('CLS') || x.name.startsWith('Lighthouse'))) console.log(line(b));

const met = budgets.filter((b) => b.pass).length;
const unmeasured = budgets.filter((b) => !b.measured).length;
console.log('\nSummary:');
console.log(`  ${'budget'.padEnd(50)} ${'figure'.padStart(12)}   ${'budget'.padEnd(12)} result`);
for (const b of budgets) {
  console.log(`  ${b.name.padEnd(50)} ${b.shown.padStart(12)}   ${`${opText[b.op]} ${b.limitShown}`.padEnd(12)} ${!b.measured ? 'not measured' : b.pass ? 'PASS' : `FAIL (by ${b.missShown})`}`);
}
console.log(`  ${'no "name" section in the wasm (check)'.padEnd(50)} ${(nameShips ? 'ships' : 'absent').padStart(12)}   ${'absent'.padEnd(12)} ${nameShips ? 'FAIL' : 'PASS'}`);
console.log(`\n${met} of ${budgets.length} budgets met${unmeasured ? ` (${unmeasured} not measured)` : ''}.`);

const report = {
  date: new Date().toISOString(),
  dist,
  runs: RUNS,
  runs_lh: RUNS_LH,
  first_question: firstQuestion,
  entry_pages: entry,
  wasm_total_brotli: wasmTotal,
  wasm_files: wasmFiles.length,
  scale4: scale4 ?? { measured: false, dist: distScale4, why: scale4Missing },
  static_files: files,
  wasm_custom_sections: wasmSections,
  wasm_name_section_ships: nameShips,
  timing,
  answer_paint: answerPaint,
  store_write_ms: storeWrite,
  lighthouse: lighthouseError ? { error: lighthouseError } : lh,
  budgets: budgets.map(({ shown, limitShown, missShown, ...b }) => b),
  budgets_met: met,
  budgets_total: budgets.length,
  budgets_not_measured: unmeasured,
};
fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify(report, null, 2));
console.log('Figures written to bench/results/latest.json (Lighthouse reports and final screenshots in bench/results/lighthouse/).');
