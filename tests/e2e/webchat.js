#!/usr/bin/env node
'use strict';

// Web Chat smoke test: a real Microsoft client (botframework-webchat in headless Chromium,
// through offline-directline) asks the bot for help and must see the help card rendered.
// With --tick and --press it goes on: ticks a toggle on that card, presses a button (an
// Action.Submit), and must see a new card containing --expect-after with the toggle ticked.
// With --fill "Label=text" (repeatable) instead of --tick it types into the card's inputs first,
// so the renderer's own check of required fields lets the press through.
//
//   node tests/e2e/webchat.js --bot-url http://127.0.0.1:3978/api/messages --screenshot out.png
//   node tests/e2e/webchat.js ... --text "sjekklister ..." --expect-card "Før du publiserer" \
//        --tick "Rett alltid opp faktafeil." --press Lagre --expect-after "1 av 14"
//   node tests/e2e/webchat.js ... --text kommunikasjonsplan --expect-card "Steg 1 av 5" \
//        --fill "Navn på prosjektet=Ny barnehage" --press Neste --expect-after "Steg 2 av 5"
//
// Prints exactly one JSON line on stdout ({"ok":true,...} or {"ok":false,"error":...});
// exits 0 on success, 1 when the scenario fails, 2 on bad arguments. Progress goes to stderr.

const { parseArgs } = require('node:util');
const h = require('./lib/webchat-harness');

const USAGE = 'usage: node webchat.js --bot-url <http://127.0.0.1:PORT/api/messages> --screenshot <file.png> '
  + '[--text hjelp] [--expect-card "Dette kan jeg hjelpe deg med"] [--tick <toggle label> | --fill <label=text>... --press <button> --expect-after <text>] '
  + '[--timeout-ms 90000] [--reply-timeout-ms 30000] [--chromium /usr/bin/chromium]';

function parse(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'bot-url': { type: 'string' },
      screenshot: { type: 'string' },
      text: { type: 'string', default: 'hjelp' },
      'expect-card': { type: 'string', default: 'Dette kan jeg hjelpe deg med' },
      tick: { type: 'string' },
      fill: { type: 'string', multiple: true, default: [] },
      press: { type: 'string' },
      'expect-after': { type: 'string' },
      'timeout-ms': { type: 'string', default: '90000' },
      'reply-timeout-ms': { type: 'string', default: '30000' },
      chromium: { type: 'string', default: h.DEFAULT_CHROMIUM },
    },
    strict: true,
  });
  const timeoutMs = Number(values['timeout-ms']);
  const replyTimeoutMs = Number(values['reply-timeout-ms']);
  const fills = values.fill.map((pair) => {
    const at = pair.indexOf('=');
    return at > 0 ? { label: pair.slice(0, at), text: pair.slice(at + 1) } : null;
  });
  const change = values.tick ?? (fills.length ? fills : undefined);
  const followUp = [change, values.press, values['expect-after']];
  const partialFollowUp = followUp.some((v) => v !== undefined) && !followUp.every((v) => v !== undefined);
  if (!values['bot-url'] || !values.screenshot || !(timeoutMs > 0) || !(replyTimeoutMs > 0) || partialFollowUp
    || fills.includes(null) || (values.tick && fills.length)) {
    throw new Error(USAGE);
  }
  return {
    botUrl: values['bot-url'],
    screenshotPath: values.screenshot,
    text: values.text,
    expectCard: values['expect-card'],
    tick: values.tick,
    fills,
    press: values.press,
    expectAfter: values['expect-after'],
    timeoutMs,
    replyTimeoutMs,
    chromium: values.chromium,
  };
}

function progress(message) {
  process.stderr.write(`[webchat-e2e ${new Date().toISOString()}] ${message}\n`);
}

async function run(options, cleanup, state) {
  const started = Date.now();
  // Each step gets what is left of the overall budget, so the total stays bounded.
  const left = () => Math.max(1000, options.timeoutMs - (Date.now() - started));
  const step = async (name, fn) => {
    state.step = name;
    progress(name);
    return h.withTimeout(name, left(), fn);
  };

  const dl = await step('start offline-directline', () => h.startDirectLine({ botUrl: options.botUrl }));
  cleanup.add('offline-directline', dl.close);
  state.directLine = dl;

  const site = await step('serve Web Chat page', () => h.startWebChatPage({ directLineDomain: dl.domain }));
  cleanup.add('page server', site.close);

  const browser = await step('launch Chromium', () => h.launchBrowser({ executablePath: options.chromium }));
  cleanup.add('browser', () => browser.close());

  const page = await step('open Web Chat', () => h.openWebChat(browser, site.url, { timeoutMs: left() }));
  state.page = page;

  await step(`send "${options.text}"`, () => h.sendText(page, options.text, { timeoutMs: left() }));
  // The bot answers within a second or two; a missing card should fail fast, not use the whole budget.
  const replyWait = () => Math.min(left(), options.replyTimeoutMs);
  const card = await step(`wait for card "${options.expectCard}"`, () => h.waitForCard(page, options.expectCard, { timeoutMs: replyWait() }));
  if (options.press) {
    if (options.tick) {
      await step(`tick "${options.tick}"`, () => h.setToggle(card, options.tick, true, { timeoutMs: left() }));
    }
    for (const { label, text } of options.fills) {
      await step(`fill "${label}"`, () => h.fillInput(card, label, text, { timeoutMs: left() }));
    }
    await step(`press "${options.press}"`, () => h.pressCardButton(card, options.press, { timeoutMs: left() }));
    const after = await step(`wait for card "${options.expectAfter}"`, () => h.waitForCard(page, options.expectAfter, { timeoutMs: replyWait() }));
    await step(options.tick ? `"${options.tick}" is ticked on the new card` : 'show the new card', async () => {
      if (options.tick && !(await h.isToggleOn(after, options.tick, { timeoutMs: left() }))) {
        throw new Error('the card the bot sent back shows the toggle unticked');
      }
      // The picture should show what changed, not only the card's last buttons.
      await after.getByText(options.expectAfter).first().scrollIntoViewIfNeeded({ timeout: left() });
    });
  }
  const file = await step('screenshot', () => h.screenshot(page, options.screenshotPath, { timeoutMs: left() }));

  return {
    ok: true,
    screenshot: file,
    elapsedMs: Date.now() - started,
    sent: options.text,
    card: options.expectCard,
    ...(options.tick ? { ticked: options.tick } : {}),
    ...(options.fills.length ? { filled: options.fills.map((f) => f.label) } : {}),
    ...(options.press ? { pressed: options.press, after: options.expectAfter } : {}),
    botActivities: dl.log.fromBot.length,
  };
}

async function failureDetails(state) {
  const details = {};
  const dl = state.directLine;
  if (dl) {
    details.botStatuses = dl.log.toBot.map((e) => e.botStatus);
    details.botReplies = dl.log.fromBot.map((e) => ({
      path: e.path,
      type: e.activity && e.activity.type,
      text: e.activity && e.activity.text,
      attachments: (e.activity && e.activity.attachments || []).map((a) => a.contentType),
    }));
    if (dl.log.errors.length) details.directLineErrors = dl.log.errors;
  }
  if (state.page) {
    details.page = state.page.e2eDiagnostics;
    try {
      // A picture of the failure is often the fastest diagnosis.
      details.failureScreenshot = await h.withTimeout('failure screenshot', 5000,
        () => state.page.screenshot({ path: `${state.screenshotPath}.failure.png` }).then(() => `${state.screenshotPath}.failure.png`));
    } catch {
      // The page may be gone; the rest of the details still help.
    }
  }
  return details;
}

function emit(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main() {
  // Dependencies (offline-directline) log with console.log; keep stdout for the result line.
  console.log = (...args) => console.error(...args);
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (err) {
    emit({ ok: false, error: err.message });
    return 2;
  }

  const cleanup = new h.Cleanup();
  const state = { step: 'start', screenshotPath: options.screenshotPath };
  let result;
  // offline-directline forwards to the bot without catching, so an unreachable bot shows up
  // only as an unhandled rejection while Web Chat waits forever: fail the run at once instead.
  const fatal = new Promise((_, reject) => {
    process.on('unhandledRejection', (err) => reject(new Error(`unhandled rejection (usually offline-directline failing to reach the bot): ${err && err.message || err}`)));
  });
  fatal.catch(() => {});
  const onSignal = (sig) => {
    progress(`${sig}: cleaning up`);
    cleanup.run(3000).finally(() => process.exit(1));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);

  try {
    result = await Promise.race([run(options, cleanup, state), fatal]);
  } catch (err) {
    result = {
      ok: false,
      step: state.step,
      error: err.message,
      ...(await failureDetails(state)),
    };
  }
  const cleanupProblems = await cleanup.run();
  if (cleanupProblems.length) result.cleanupProblems = cleanupProblems;
  emit(result);
  return result.ok ? 0 : 1;
}

if (require.main === module) {
  // Explicit exit: leftover handles (polling sockets, timers in dependencies) must not keep us alive.
  main().then((code) => process.exit(code), (err) => {
    emit({ ok: false, error: `unexpected: ${err && err.stack || err}` });
    process.exit(1);
  });
}

module.exports = { parse, run };
