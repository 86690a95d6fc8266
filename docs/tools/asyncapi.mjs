// Validates docs/asyncapi.yaml with the official AsyncAPI parser (0 errors, or exit 1) and, when
// given an output folder, writes each message's payload schema there as <MessageName>.json for the
// Java types of percorsi-events, plus event-types.json (CloudEvents type -> message name, topic).
// Usage: node asyncapi.mjs ../asyncapi.yaml [out-dir]
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import yaml from 'js-yaml';

const [file, out] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const { document, diagnostics } = await new Parser().parse(text, { source: resolve(file) });
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
const warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning);
for (const d of diagnostics.filter((d) => d.severity <= DiagnosticSeverity.Warning)) {
  const level = d.severity === DiagnosticSeverity.Error ? 'error' : 'warning';
  console.log(`[asyncapi] ${level} ${d.code} at ${d.path.join('.')}: ${d.message}`);
}
console.log(
  `[asyncapi] ${file}: ${errors.length} errors, ${warnings.length} warnings (@asyncapi/parser)`);
if (errors.length > 0 || !document) {
  process.exit(1);
}
if (out) {
  mkdirSync(out, { recursive: true });
  const api = yaml.load(text);
  const types = {};
  for (const [channelName, channel] of Object.entries(api.channels)) {
    for (const ref of Object.values(channel.messages ?? {})) {
      const name = ref.$ref.split('/').pop();
      const message = api.components.messages[name];
      types[message.name] = { message: name, topic: channel.address, channel: channelName };
    }
  }
  for (const [name, message] of Object.entries(api.components.messages)) {
    writeFileSync(join(out, `${name}.json`), JSON.stringify(javaFriendly(message.payload.schema), null, 2));
  }
  writeFileSync(join(out, 'event-types.json'), JSON.stringify(types, null, 2));
  console.log(`[asyncapi] ${Object.keys(types).length} event types written to ${out}`);
}

/**
 * The payload schema as jsonschema2pojo reads it: named by the message (no title or $id), a type
 * that may be null typed by its other type, null left out of an enum (the field is nullable anyway),
 * an enum of whole numbers typed as an integer.
 */
function javaFriendly(schema) {
  const copy = structuredClone(schema);
  delete copy.title;
  delete copy.$id;
  delete copy.$schema;
  (function walk(node) {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node.type)) {
      const types = node.type.filter((t) => t !== 'null');
      node.type = types.length === 1 ? types[0] : types;
    }
    if (Array.isArray(node.enum)) {
      node.enum = node.enum.filter((v) => v !== null);
      if (node.enum.every((v) => Number.isInteger(v))) {
        // A set of whole numbers (months 1, 3, 6, 12) is an integer, not a Java enum.
        delete node.enum;
        node.type = 'integer';
      }
    }
    Object.values(node).forEach(walk);
  })(copy);
  return copy;
}
