#!/usr/bin/env node
'use strict';

// Oracle: the reference Adaptive Cards object model (npm adaptivecards) parses our cards at schema 1.5.
//
//   node tests/e2e/adaptive-card-check.js cards.json
//
// The file holds a JSON array of cards (the attachment content, not the attachment). Prints one JSON line:
//   {"total":N,"failed":K,"results":[{"index":0,"success":true,"parse":[],"validation":[]}, ...]}
// where "parse" lists the events raised while parsing (unknown types, properties invalid for 1.5, ...)
// and "validation" the events of validateProperties() (duplicate ids, missing required values, ...).
// A card succeeds only with none of either. Exit 0 when every card passes, 1 when any fails,
// 2 on unreadable input. Many cards in one process: loading the library costs more than parsing.

const fs = require('node:fs');

function emit(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function describe(event) {
  const source = event.source && typeof event.source.getJsonTypeName === 'function' ? event.source.getJsonTypeName() : undefined;
  return source ? `${source}: ${event.message}` : event.message;
}

function check(AC, json) {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const parse = [];
  for (let i = 0; i < context.eventCount; i++) parse.push(describe(context.getEventAt(i)));
  const validation = card.validateProperties().validationEvents.map(describe);
  return { parse, validation };
}

function main(argv) {
  if (argv.length !== 1) {
    emit({ error: 'usage: node adaptive-card-check.js <cards.json>' });
    return 2;
  }
  let cards;
  try {
    cards = JSON.parse(fs.readFileSync(argv[0], 'utf8'));
  } catch (err) {
    emit({ error: `cannot read ${argv[0]}: ${err.message}` });
    return 2;
  }
  if (!Array.isArray(cards)) {
    emit({ error: `${argv[0]} must hold a JSON array of cards` });
    return 2;
  }
  const AC = require('adaptivecards/dist/adaptivecards.js');
  const results = cards.map((json, index) => {
    try {
      const { parse, validation } = check(AC, json);
      return { index, success: parse.length === 0 && validation.length === 0, parse, validation };
    } catch (err) {
      return { index, success: false, parse: [`the library threw: ${err.message}`], validation: [] };
    }
  });
  const failed = results.filter((r) => !r.success).length;
  emit({ total: results.length, failed, results });
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
