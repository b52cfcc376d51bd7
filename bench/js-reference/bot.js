'use strict';

// The reference side of the loopback benchmark: the official Bot Framework JS SDK (CloudAdapter)
// answering the same Teams-shaped messages as StrategiBot. Kept as close to the SDK samples as
// possible so the comparison measures the SDK, not clever code of ours.
//
// Usage: node bot.js [port]   (or PORT=... node bot.js). Listens on 127.0.0.1 only.

const express = require('express');
const {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsActivityHandler,
} = require('botbuilder');

const port = Number(process.argv[2] || process.env.PORT || 3978);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`invalid port: ${process.argv[2] || process.env.PORT}`);
  process.exit(2);
}

// An empty MicrosoftAppId disables authentication, as the Emulator setup does; the benchmark
// driver sends no token, exactly as it does to StrategiBot in Development.
const auth = new ConfigurationBotFrameworkAuthentication({
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppType: 'MultiTenant',
});
const adapter = new CloudAdapter(auth);

adapter.onTurnError = async (context, error) => {
  console.error(`turn error: ${error && error.stack ? error.stack : error}`);
};

class ReferenceBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity('Hei! Jeg er referanseboten.');
      await next();
    });
  }
}

const bot = new ReferenceBot();
const app = express();
app.use(express.json({ limit: '1mb' }));

app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));

// The driver polls this to know the bot is up before it starts timing.
app.get('/health', (req, res) => res.status(200).send('ok'));

const server = app.listen(port, '127.0.0.1', () => {
  console.log(`js-reference bot listening on http://127.0.0.1:${server.address().port}/api/messages`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
