#!/usr/bin/env node
'use strict';

// Oracle: the Microsoft 365 Agents SDK's runtime Activity schema judges what our bot sends.
//
//   node tests/e2e/activity-schema.js activities.json
//
// The file holds a JSON array of activities. Prints one JSON line:
//   {"total":N,"failed":K,"results":[{"index":0,"success":true},{"index":1,"success":false,"issues":[{"path":"from","message":"..."}]}]}
// Exit 0 when every activity passes, 1 when any fails, 2 on unreadable input.

const fs = require('node:fs');

function emit(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function validate(activities) {
  const { activityZodSchema } = require('@microsoft/agents-activity');
  const results = activities.map((activity, index) => {
    const parsed = activityZodSchema.safeParse(activity);
    if (parsed.success) return { index, success: true };
    return {
      index,
      success: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        code: issue.code,
        message: issue.message,
      })),
    };
  });
  return { total: results.length, failed: results.filter((r) => !r.success).length, results };
}

function main(argv) {
  if (argv.length !== 1) {
    emit({ error: 'usage: node activity-schema.js <activities.json>' });
    return 2;
  }
  let activities;
  try {
    activities = JSON.parse(fs.readFileSync(argv[0], 'utf8'));
  } catch (err) {
    emit({ error: `cannot read ${argv[0]}: ${err.message}` });
    return 2;
  }
  if (!Array.isArray(activities)) {
    emit({ error: `${argv[0]} must hold a JSON array of activities` });
    return 2;
  }
  const result = validate(activities);
  emit(result);
  return result.failed === 0 ? 0 : 1;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}

module.exports = { validate };
