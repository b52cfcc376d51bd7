'use strict';

// Building blocks for driving Microsoft's Web Chat against the bot on loopback:
// offline-directline stands in for the Direct Line service (and for the connector the
// bot replies to), a tiny static server hosts the page, and playwright-core drives the
// Debian Chromium. Scenario scripts (webchat.js and later ones) compose these so that
// new steps (clicking a card action, ticking a checklist item) need no new plumbing.

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

// Without the networking flags this sandbox's closed network refuses Chromium's
// background connections many at a time, which slows start-up and floods the log.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// Playwright colours its call logs; escape codes are noise in a JSON line read by a test runner.
const stripAnsi = (text) => String(text).replace(/\u001b\[[0-9;]*m/g, '');

class StepError extends Error {
  constructor(step, message, cause) {
    super(stripAnsi(`${step}: ${message}`));
    this.step = step;
    if (cause) this.cause = cause;
  }
}

/** Rejects after ms with a StepError naming the step, so no await can hang the run. */
async function withTimeout(step, ms, promiseOrFn) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new StepError(step, `timed out after ${ms} ms`)), ms);
  });
  try {
    const work = typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn;
    return await Promise.race([work, timeout]);
  } catch (err) {
    if (err instanceof StepError) throw err;
    throw new StepError(step, err && err.message ? err.message : String(err), err);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Cleanup actions run in reverse order, each bounded, and never throw: a failing or
 * hanging close must not hide the original error nor keep the process alive.
 */
class Cleanup {
  constructor() {
    this.actions = [];
  }

  add(name, fn) {
    this.actions.push({ name, fn });
  }

  async run(perActionMs = 5000) {
    const problems = [];
    while (this.actions.length > 0) {
      const { name, fn } = this.actions.pop();
      try {
        await withTimeout(`cleanup ${name}`, perActionMs, fn);
      } catch (err) {
        problems.push(err.message);
      }
    }
    return problems;
  }
}

function listen(server, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the OS picks a free port, so parallel runs never collide.
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

function closeServer(server) {
  return new Promise((resolve) => {
    // Web Chat's long polls and keep-alive sockets would otherwise hold close() open.
    if (typeof server.closeAllConnections === 'function') server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * Starts offline-directline on a free loopback port. Its Direct Line endpoints live under
 * /directline (for Web Chat); its connector endpoints under /v3 are the serviceUrl the bot
 * replies to. Every activity in both directions is recorded for diagnostics.
 */
async function startDirectLine({ botUrl, host = '127.0.0.1' }) {
  // offline-directline pins express 4.16.3; use that same copy so the router mounts cleanly.
  const express = require('express');
  const { getRouter } = require('offline-directline');

  const log = { toBot: [], fromBot: [], errors: [] };
  const app = express();
  // Parsed once here; offline-directline's own body-parser skips an already parsed body.
  app.use(express.json({ limit: '5mb' }));
  app.use((req, res, next) => {
    if (req.method === 'POST' && /^\/directline\/conversations\/[^/]+\/activities$/.test(req.path)) {
      // offline-directline answers Web Chat with the bot's own HTTP status.
      const entry = { activity: req.body, botStatus: null };
      log.toBot.push(entry);
      res.on('finish', () => { entry.botStatus = res.statusCode; });
    } else if (req.method === 'POST' && req.path.startsWith('/v3/conversations/')) {
      log.fromBot.push({ path: req.path, activity: structuredClone(req.body) });
    }
    next();
  });

  const server = http.createServer(app);
  const port = await listen(server, host);
  const origin = `http://${host}:${port}`;
  // Mounted after listen because the router needs its own serviceUrl, which includes the port.
  // conversationInitRequired=true: a reply to an unknown conversation is a bug worth a 400.
  app.use(getRouter(origin, botUrl, true));
  app.use((err, req, res, next) => {
    log.errors.push(`${req.method} ${req.path}: ${err.message}`);
    if (res.headersSent) return next(err);
    res.status(500).json({ error: err.message });
  });

  return {
    origin,
    serviceUrl: origin,
    domain: `${origin}/directline`,
    log,
    close: () => closeServer(server),
  };
}

function resolveWebChatBundle() {
  // The package's "exports" hide package.json and dist/, so find its folder from the entry point.
  let dir = path.dirname(require.resolve('botframework-webchat'));
  while (path.basename(dir) !== 'botframework-webchat' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const bundle = path.join(dir, 'dist', 'webchat.js');
  if (!fs.existsSync(bundle)) {
    throw new Error(`Web Chat bundle not found at ${bundle}; run: npm ci --prefix tests/e2e`);
  }
  return bundle;
}

function pageHtml(config) {
  // </script> inside a JSON string would end the script element early.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${config.locale}">
<head>
<meta charset="utf-8">
<title>StrategiBot e2e</title>
<style>html, body { height: 100%; margin: 0; } #webchat { height: 100%; }</style>
</head>
<body>
<div id="webchat" role="main"></div>
<script src="/webchat.js"></script>
<script>
(function () {
  var config = ${json};
  // The harness reads this object to know when Web Chat is connected and what arrived,
  // instead of guessing from pixels or sleeping.
  var probe = window.__e2e = { connected: false, failed: null, incoming: [] };
  var store = window.WebChat.createStore({}, function () {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') probe.connected = true;
        if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') probe.failed = String(action.payload && action.payload.error || 'connect rejected');
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') probe.incoming.push(action.payload.activity);
        return next(action);
      };
    };
  });
  var directLine = window.WebChat.createDirectLine({
    domain: config.domain,
    token: 'offline-directline-needs-no-token',
    webSocket: false,
    pollingInterval: config.pollingInterval
  });
  window.WebChat.renderWebChat({
    directLine: directLine,
    store: store,
    userID: config.userId,
    username: config.userName,
    locale: config.locale
  }, document.getElementById('webchat'));
})();
</script>
</body>
</html>`;
}

/** Serves the Web Chat page and the bundle from node_modules on a free loopback port. */
async function startWebChatPage({ directLineDomain, locale = 'nb-NO', userId = 'e2e-user', userName = 'E2E Tester', pollingInterval = 250, host = '127.0.0.1' }) {
  const bundle = resolveWebChatBundle();
  const html = pageHtml({ domain: directLineDomain, locale, userId, userName, pollingInterval });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } else if (url.pathname === '/webchat.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      fs.createReadStream(bundle).pipe(res);
    } else if (url.pathname === '/favicon.ico') {
      // Keeps the console free of a 404 that would look like a real failure in diagnostics.
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  });
  const port = await listen(server, host);
  return { url: `http://${host}:${port}/`, close: () => closeServer(server) };
}

async function launchBrowser({ executablePath = DEFAULT_CHROMIUM } = {}) {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}; install it with: apt-get install -y chromium`);
  }
  const { chromium } = require('playwright-core');
  // playwright-core never downloads a browser; it starts the given binary with a fresh
  // temporary --user-data-dir of its own (it refuses one passed in args).
  return chromium.launch({
    executablePath,
    headless: true,
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
    timeout: 30000,
  });
}

/**
 * Opens the Web Chat page and waits until Direct Line is connected, so text sent later is
 * not queued behind a conversation that never started.
 */
async function openWebChat(browser, pageUrl, { timeoutMs = 30000, viewport = { width: 720, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, locale: 'nb-NO' });
  const page = await context.newPage();
  const diagnostics = { console: [], pageErrors: [], failedRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') diagnostics.console.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => diagnostics.pageErrors.push(err.message));
  page.on('requestfailed', (req) => diagnostics.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure() && req.failure().errorText}`));
  page.e2eDiagnostics = diagnostics;

  await page.goto(pageUrl, { waitUntil: 'load', timeout: timeoutMs });
  await page.waitForFunction(
    () => window.__e2e && (window.__e2e.connected || window.__e2e.failed),
    null,
    { timeout: timeoutMs, polling: 100 });
  const failed = await page.evaluate(() => window.__e2e.failed);
  if (failed) throw new Error(`Web Chat could not connect to Direct Line: ${failed}`);
  return page;
}

function sendBox(page) {
  return page.locator('[data-id="webchat-sendbox-input"]');
}

async function sendText(page, text, { timeoutMs = 10000 } = {}) {
  const box = sendBox(page);
  await box.waitFor({ state: 'visible', timeout: timeoutMs });
  await box.fill(text, { timeout: timeoutMs });
  await box.press('Enter', { timeout: timeoutMs });
}

/** The rendered Adaptive Card whose text contains the given string. */
function cardContaining(page, text) {
  return page.locator('.ac-adaptiveCard', { hasText: text }).last();
}

async function waitForCard(page, text, { timeoutMs = 30000 } = {}) {
  const card = cardContaining(page, text);
  await card.waitFor({ state: 'visible', timeout: timeoutMs });
  await card.scrollIntoViewIfNeeded({ timeout: timeoutMs });
  return card;
}

/** Sets an Input.Toggle on a card; the renderer labels the checkbox with the toggle's title. */
async function setToggle(card, label, on, { timeoutMs = 10000 } = {}) {
  const box = card.getByRole('checkbox', { name: label, exact: true });
  await box.setChecked(on, { timeout: timeoutMs });
}

async function isToggleOn(card, label, { timeoutMs = 10000 } = {}) {
  const box = card.getByRole('checkbox', { name: label, exact: true });
  await box.waitFor({ state: 'attached', timeout: timeoutMs });
  return box.isChecked({ timeout: timeoutMs });
}

/**
 * Types into a card's text input, found by its label: the renderer ties each label to its input
 * (aria-labelledby), and may add its own mark for a required field, so the match is not exact.
 */
async function fillInput(card, label, value, { timeoutMs = 10000 } = {}) {
  await card.getByLabel(label, { exact: false }).first().fill(value, { timeout: timeoutMs });
}

/** Presses a card's button (Action.Submit, ShowCard, ToggleVisibility) by its title. */
async function pressCardButton(card, title, { timeoutMs = 10000 } = {}) {
  await card.getByRole('button', { name: title, exact: true }).click({ timeout: timeoutMs });
}

/** Waits for text anywhere in the transcript (bot or user), e.g. a plain-text reply. */
async function waitForText(page, text, { timeoutMs = 30000 } = {}) {
  const hit = page.locator('#webchat').getByText(text, { exact: false }).last();
  await hit.waitFor({ state: 'visible', timeout: timeoutMs });
  return hit;
}

async function screenshot(page, file, { timeoutMs = 15000 } = {}) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Web Chat animates new activities in; let the transcript settle before capturing.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: file, timeout: timeoutMs, animations: 'disabled' });
  return path.resolve(file);
}

/** Activities Web Chat received, as Direct Line delivered them (bot replies and echoes). */
function incomingActivities(page) {
  return page.evaluate(() => (window.__e2e ? window.__e2e.incoming : []));
}

module.exports = {
  CHROMIUM_ARGS,
  DEFAULT_CHROMIUM,
  Cleanup,
  StepError,
  cardContaining,
  fillInput,
  incomingActivities,
  isToggleOn,
  launchBrowser,
  openWebChat,
  pressCardButton,
  screenshot,
  sendText,
  setToggle,
  startDirectLine,
  startWebChatPage,
  waitForCard,
  waitForText,
  withTimeout,
};
