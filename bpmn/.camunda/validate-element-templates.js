// Checks the OneStop element templates against Camunda's JSON schema for Camunda 7 templates, as
// Camunda Modeler does when it loads them (an invalid template is dropped there with only a log line).
// Run by `mvn verify` after bpmnlint; by hand: npm ci && node .camunda/validate-element-templates.js
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const dir = path.join(__dirname, 'element-templates');
let invalid = 0;
let templates = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  templates += Array.isArray(data) ? data.length : 1;
  if (!validate(data)) {
    invalid++;
    console.error(`${file}: not a valid Camunda 7 element template file`);
    for (const error of validate.errors) {
      console.error(`  ${error.instancePath || '/'} ${error.message}`);
    }
  }
}
console.log(`${templates} element templates checked, ${invalid} invalid file(s)`);
process.exit(invalid ? 1 : 0);
