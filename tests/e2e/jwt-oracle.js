#!/usr/bin/env node
// Judges inbound channel requests with the official Bot Framework JS validator (botframework-connector), so that
// JsScriptDifferentialTests can compare its verdicts with ours.
//
// Usage: node jwt-oracle.js <cases.json>
//   {
//     "appId": "...",                      // the bot's app id; "" means authentication disabled
//     "openIdMetadataUrl": "http://127.0.0.1:<port>/openid",
//     "tokenIssuer": "https://api.botframework.com",   // optional
//     "cases": [{
//       "name": "...",
//       "authHeader": "Bearer ..." | null,  // null: no Authorization header
//       "activity": { ... },
//       "appId": "...",                     // optional, overrides the top-level appId
//       "before": "http://..."              // optional, POSTed before the case (e.g. to publish a rotated key)
//     }]
//   }
// Prints to stdout: [{"name": "...", "accepted": true|false, "error": "..."}], in case order. The SDK writes its
// own diagnostics to stderr.
'use strict';

const fs = require('node:fs');
const {
  AuthenticationConfiguration,
  BotFrameworkAuthenticationFactory,
  PasswordServiceClientCredentialFactory,
} = require('botframework-connector');

const PUBLIC_CLOUD_ISSUER = 'https://api.botframework.com';

function createAuthentication(appId, metadataUrl, issuer) {
  // Passing every endpoint selects the SDK's parameterized authentication, which is how it is pointed at a
  // loopback metadata server. Only the inbound values matter here; the outbound ones are never contacted.
  return BotFrameworkAuthenticationFactory.create(
    undefined, // channelService: none, every endpoint is given below
    true, // validateAuthority
    'https://login.microsoftonline.com/botframework.com', // toChannelFromBotLoginUrl (outbound, unused)
    'https://api.botframework.com', // toChannelFromBotOAuthScope (outbound, unused)
    issuer, // toBotFromChannelTokenIssuer
    'https://api.botframework.com', // oAuthUrl (unused)
    metadataUrl, // toBotFromChannelOpenIdMetadataUrl
    // The Emulator path is taken only for tokens with Entra issuers, which the cases never carry; loopback keeps
    // the run offline even if one did.
    metadataUrl, // toBotFromEmulatorOpenIdMetadataUrl
    'urn:botframework:azure', // callerId
    new PasswordServiceClientCredentialFactory(appId, appId ? 'unused-secret' : ''),
    new AuthenticationConfiguration(),
  );
}

async function main() {
  const path = process.argv[2];
  if (!path) {
    throw new Error('usage: node jwt-oracle.js <cases.json>');
  }

  const input = JSON.parse(fs.readFileSync(path, 'utf8'));
  const issuer = input.tokenIssuer || PUBLIC_CLOUD_ISSUER;
  const authentications = new Map();
  const authenticationFor = (appId) => {
    if (!authentications.has(appId)) {
      authentications.set(appId, createAuthentication(appId, input.openIdMetadataUrl, issuer));
    }
    return authentications.get(appId);
  };

  const results = [];
  for (const testCase of input.cases) {
    if (testCase.before) {
      const response = await fetch(testCase.before, { method: 'POST' });
      if (!response.ok) {
        throw new Error(`${testCase.name}: POST ${testCase.before} answered ${response.status}`);
      }
    }

    const appId = testCase.appId ?? input.appId;
    try {
      await authenticationFor(appId).authenticateRequest(testCase.activity, testCase.authHeader ?? '');
      results.push({ name: testCase.name, accepted: true });
    } catch (error) {
      results.push({ name: testCase.name, accepted: false, error: String((error && error.message) || error) });
    }
  }

  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
