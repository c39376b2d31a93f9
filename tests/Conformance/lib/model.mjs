// The official SageMaker service model, as AWS publishes it in the packages it writes:
// - @aws-sdk/client-sagemaker's own schema (kept current by AWS): shape names, member names, and each
//   member's kind (string, numeric, timestamp, structure, list, map, ...);
// - aws-sdk v2's apis/sagemaker-2017-07-24.min.json (v2 is in maintenance): the exact numeric type
//   (integer, long, float, double), which the v3 schema folds into one "numeric" kind.
// The v3 schema decides which members exist; v2 only refines numeric types where it knows the member.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as sagemaker from '@aws-sdk/client-sagemaker';
import { NormalizedSchema } from '@smithy/core/schema';

const require = createRequire(import.meta.url);
const v2 = JSON.parse(readFileSync(require.resolve('aws-sdk/apis/sagemaker-2017-07-24.min.json'), 'utf8'));

/** The v3 operation schema of an operation, or throws naming it. */
export function operationSchema(operation) {
  const schema = sagemaker[operation + '$'];
  if (!schema) throw new Error(`@aws-sdk/client-sagemaker has no operation named ${operation}`);
  return schema;
}

function v2Resolve(member) {
  if (!member) return undefined;
  return member.shape ? { ...v2.shapes[member.shape], ...withoutShape(member) } : member;
}

function withoutShape(member) {
  const { shape, ...rest } = member;
  return rest;
}

/**
 * Describes a type: { Type: 'string'|'integer'|'long'|'float'|'double'|'numeric'|'boolean'|'timestamp'|'blob'|'document' }
 * or { Type: 'structure', Shape } or { Type: 'list', Element } or { Type: 'map', Value }. Structures are
 * added to `shapes` by name with their members in v3 order.
 */
function describe(ns, v2Shape, shapes) {
  if (ns.isStructSchema()) {
    const name = ns.getName();
    if (!shapes[name]) {
      const members = [];
      shapes[name] = { Name: name, Members: members };
      const v2Members = v2Resolve(v2Shape)?.members ?? {};
      for (const [memberName, memberSchema] of ns.structIterator()) {
        members.push({ Name: memberName, ...describe(memberSchema, v2Members[memberName], shapes) });
      }
    }
    return { Type: 'structure', Shape: name };
  }
  const v2Resolved = v2Resolve(v2Shape);
  if (ns.isListSchema()) return { Type: 'list', Element: describe(ns.getValueSchema(), v2Resolved?.member, shapes) };
  if (ns.isMapSchema()) return { Type: 'map', Value: describe(ns.getValueSchema(), v2Resolved?.value, shapes) };
  if (ns.isTimestampSchema()) return { Type: 'timestamp' };
  if (ns.isBooleanSchema()) return { Type: 'boolean' };
  if (ns.isBlobSchema()) return { Type: 'blob' };
  if (ns.isDocumentSchema()) return { Type: 'document' };
  if (ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) return { Type: 'numeric' };
  if (ns.isNumericSchema()) {
    const precise = v2Resolved?.type;
    return { Type: ['integer', 'long', 'float', 'double'].includes(precise) ? precise : 'numeric' };
  }
  if (ns.isStringSchema()) return { Type: 'string' };
  return { Type: 'unknown' };
}

/**
 * The model of the given operations: { Operations: { Op: { Input, Output } }, Shapes: { Name: { Name, Members } } }.
 * Input/Output are shape names; Output is null for an operation that returns nothing (unit).
 */
export function officialModel(operations) {
  const shapes = {};
  const result = { Operations: {}, Shapes: shapes };
  for (const operation of operations) {
    const schema = operationSchema(operation);
    const v2Operation = v2.operations[operation];
    const input = NormalizedSchema.of(schema[4]);
    const output = NormalizedSchema.of(schema[5]);
    result.Operations[operation] = {
      Input: input.isUnitSchema() ? null : describe(input, v2Operation?.input, shapes).Shape,
      Output: output.isUnitSchema() ? null : describe(output, v2Operation?.output, shapes).Shape,
    };
  }
  return result;
}

/** The NormalizedSchema of an operation's output (for walking raw answers). */
export function outputSchema(operation) {
  return NormalizedSchema.of(operationSchema(operation)[5]);
}

export const packageVersions = {
  '@aws-sdk/client-sagemaker': require('@aws-sdk/client-sagemaker/package.json').version,
  'aws-sdk': require('aws-sdk/package.json').version,
};
