// Reads the emulator with @aws-sdk/client-sagemaker and writes what it saw as one JSON file (see lib/dump.mjs):
//   Signing      a correctly signed call, one with a wrong secret and one whose body changed after signing
//   Jobs         every job ListInferenceRecommendationsJobs lists (its paginator), plus --extra-jobs, each
//                with the steps paginateListInferenceRecommendationsJobSteps read and the number of pages
//   Calls        the output of each call in --calls ([{Operation, Input}]), or the error's name
//   Unknown      every member path in the emulator's raw answers that the official model lacks
// Usage: node read-with-aws-sdk.mjs --endpoint URL --access-key AKIDTEST... --secret S [--region R]
//          [--extra-jobs a,b] [--page-size N] [--calls calls.json] --out result.json
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as sagemaker from '@aws-sdk/client-sagemaker';
import { createClient } from './lib/client.mjs';
import { toDump } from './lib/dump.mjs';
import { outputSchema } from './lib/model.mjs';

const { values: args } = parseArgs({
  options: {
    endpoint: { type: 'string' },
    'access-key': { type: 'string' },
    secret: { type: 'string' },
    region: { type: 'string', default: 'us-east-1' },
    'extra-jobs': { type: 'string', default: '' },
    'page-size': { type: 'string' },
    calls: { type: 'string' },
    out: { type: 'string' },
  },
});

const connection = { endpoint: args.endpoint, region: args.region, accessKeyId: args['access-key'], secretAccessKey: args.secret };
const rawAnswers = [];
const client = createClient(connection, rawAnswers);
const pageSize = args['page-size'] ? Number(args['page-size']) : undefined;

async function outcome(call) {
  try {
    const output = await call();
    return { Ok: true, HttpStatus: output.$metadata.httpStatusCode };
  } catch (error) {
    return { Ok: false, Error: error.name, HttpStatus: error.$metadata?.httpStatusCode, Message: error.message };
  }
}

// Signing: the emulator verifies SigV4; a wrong secret and a body changed after signing must be refused.
const listOne = () => new sagemaker.ListInferenceRecommendationsJobsCommand({ MaxResults: 1 });
const signing = {
  Valid: await outcome(() => client.send(listOne())),
  WrongSecret: await outcome(() =>
    createClient({ ...connection, secretAccessKey: connection.secretAccessKey + 'x', maxAttempts: 1 }).send(listOne())),
};
const tampering = createClient({ ...connection, maxAttempts: 1 });
tampering.middlewareStack.addRelativeTo(
  (next) => async (args) => {
    const body = typeof args.request.body === 'string' ? args.request.body : Buffer.from(args.request.body).toString('utf8');
    args.request.body = body.replace('"MaxResults":1', '"MaxResults":2');
    return next(args);
  },
  { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'irstepsTamper' },
);
signing.BodyChangedAfterSigning = await outcome(() => tampering.send(listOne()));

// Every job the service lists, then each job's steps through the SDK's own paginator.
const jobNames = [];
for await (const page of sagemaker.paginateListInferenceRecommendationsJobs({ client, pageSize }, {})) {
  jobNames.push(...page.InferenceRecommendationsJobs.map((job) => job.JobName));
}
const listed = [...jobNames];
for (const extra of args['extra-jobs'].split(',').filter(Boolean)) jobNames.push(extra);

const jobs = [];
for (const jobName of jobNames) {
  const steps = [];
  let pages = 0;
  for await (const page of sagemaker.paginateListInferenceRecommendationsJobSteps({ client, pageSize }, { JobName: jobName })) {
    pages++;
    steps.push(...page.Steps.map(toDump));
  }
  // Describe too, so that its raw answer is checked against the model below.
  await client.send(new sagemaker.DescribeInferenceRecommendationsJobCommand({ JobName: jobName }));
  jobs.push({ JobName: jobName, Pages: pages, Steps: steps });
}

const calls = [];
for (const { Operation, Input } of args.calls ? JSON.parse(readFileSync(args.calls, 'utf8')) : []) {
  try {
    calls.push({ Operation, Output: toDump(await client.send(new sagemaker[Operation + 'Command'](Input))) });
  } catch (error) {
    calls.push({ Operation, Error: error.name, Message: error.message });
  }
}

// Members of the raw answers that the official model does not have (walked against each operation's output schema).
const unknown = new Map();
function walk(value, schema, path, operation) {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (schema.isListSchema()) for (const element of value) walk(element, schema.getValueSchema(), path + '[]', operation);
    return;
  }
  if (schema.isMapSchema()) {
    for (const element of Object.values(value)) walk(element, schema.getValueSchema(), path + '{}', operation);
    return;
  }
  if (!schema.isStructSchema()) return;
  const members = schema.getMemberSchemas();
  for (const [name, member] of Object.entries(value)) {
    const memberPath = path ? path + '.' + name : name;
    if (!Object.hasOwn(members, name)) {
      const key = operation + ' ' + memberPath;
      if (!unknown.has(key)) unknown.set(key, { Operation: operation, Path: memberPath, Count: 0 });
      unknown.get(key).Count++;
      continue;
    }
    walk(member, members[name], memberPath, operation);
  }
}
for (const answer of rawAnswers) {
  if (answer.status !== 200) continue;
  walk(JSON.parse(answer.body), outputSchema(answer.operation), '', answer.operation);
}

const operationsAnswered = [...new Set(rawAnswers.filter((a) => a.status === 200).map((a) => a.operation))];
writeFileSync(args.out, JSON.stringify({
  Signing: signing,
  Listed: listed,
  Jobs: jobs,
  Calls: calls,
  RawAnswers: rawAnswers.length,
  OperationsAnswered: operationsAnswered,
  Unknown: [...unknown.values()],
}, null, 1));
