#!/usr/bin/env node
'use strict';

// Oracle: the official Teams schemas from @microsoft/app-manifest, compiled by ajv with draft-04 support,
// judge manifests and localization files.
//
//   node tests/e2e/manifest-schema.js documents.json
//
// The file holds a JSON array of {"kind":"manifest"|"localization","version":"1.30","document":{...}}.
// Prints one JSON line:
//   {"package":"1.1.2","total":N,"failed":K,"results":[{"index":0,"valid":false,"regExp":"unicode","errors":[{"instancePath":"/id","keyword":"pattern","message":"..."}]}]}
// Exit 0 when every document is valid, 1 when any is not, 2 on unreadable input.

const fs = require('node:fs');
const path = require('node:path');

function emit(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const schemaFiles = { manifest: 'MicrosoftTeams.schema.json', localization: 'MicrosoftTeams.Localization.schema.json' };
const compiled = new Map();

function validator(kind, version) {
  const key = `${kind}@${version}`;
  if (!compiled.has(key)) {
    const Ajv4 = require('ajv-draft-04');
    const addFormats = require('ajv-formats');
    const file = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/${schemaFiles[kind]}`);
    // Some published schemas write the bell character as \a, which JSON does not allow.
    const schema = JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007'));
    // The options @microsoft/app-manifest itself validates manifests with. The localization schema has a
    // pattern with a lone "]", which only legacy (non-unicode) regular expressions accept, so a schema that
    // does not compile as unicode is compiled in legacy mode, which it then says.
    const compile = (unicodeRegExp) => {
      const ajv = new Ajv4({ allErrors: true, strictTypes: false, strict: false, unicodeRegExp });
      addFormats(ajv, ['uri', 'email', 'regex']);
      return ajv.compile(schema);
    };
    try {
      compiled.set(key, { validate: compile(true), regExp: 'unicode' });
    } catch (err) {
      if (!/regular expression/i.test(err.message)) throw err;
      compiled.set(key, { validate: compile(false), regExp: 'legacy' });
    }
  }
  return compiled.get(key);
}

function judge(items) {
  const results = items.map((item, index) => {
    if (!schemaFiles[item.kind]) throw new Error(`item ${index}: unknown kind ${item.kind}`);
    const { validate, regExp } = validator(item.kind, item.version);
    const valid = validate(item.document);
    return {
      index,
      valid,
      regExp,
      errors: (validate.errors || []).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, schemaPath: e.schemaPath, message: e.message })),
    };
  });
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'package.json'), 'utf8'));
  return { package: pkg.version, total: results.length, failed: results.filter((r) => !r.valid).length, results };
}

function main(argv) {
  if (argv.length !== 1) {
    emit({ error: 'usage: node manifest-schema.js <documents.json>' });
    return 2;
  }
  let items;
  try {
    items = JSON.parse(fs.readFileSync(argv[0], 'utf8'));
    if (!Array.isArray(items)) throw new Error('must hold a JSON array');
  } catch (err) {
    emit({ error: `cannot read ${argv[0]}: ${err.message}` });
    return 2;
  }
  let result;
  try {
    result = judge(items);
  } catch (err) {
    emit({ error: err.message });
    return 2;
  }
  emit(result);
  return result.failed === 0 ? 0 : 1;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}

module.exports = { judge };
