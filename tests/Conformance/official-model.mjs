// Writes what the conformance tests need from the official SageMaker model (see lib/model.mjs):
//   model.json   the input and output shapes of the given operations, recursively, with member types
//   inputs.json  for each operation, an input with every member set (distinct values)
//   jobs.json    the base fixtures plus one job whose Describe members and steps carry every member of
//                DescribeInferenceRecommendationsJob's and ListInferenceRecommendationsJobSteps' outputs
// Usage: node official-model.mjs --operations A,B --base-fixtures jobs.json --job NAME --out-dir DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { officialModel, packageVersions } from './lib/model.mjs';
import { createSampler } from './lib/sample.mjs';

const { values: args } = parseArgs({
  options: {
    operations: { type: 'string' },
    'base-fixtures': { type: 'string' },
    job: { type: 'string', default: 'conformance-every-member' },
    'out-dir': { type: 'string' },
  },
});

const operations = args.operations.split(',').filter(Boolean);
const model = officialModel(operations);
mkdirSync(args['out-dir'], { recursive: true });
writeFileSync(join(args['out-dir'], 'model.json'), JSON.stringify({ Versions: packageVersions, ...model }, null, 2));

const sample = createSampler();
const inputs = {};
for (const [operation, { Input }] of Object.entries(model.Operations)) {
  inputs[operation] = Input ? sample({ Type: 'structure', Shape: Input }, Input, model.Shapes) : {};
}
writeFileSync(join(args['out-dir'], 'inputs.json'), JSON.stringify(inputs, null, 2));

// The every-member job: what Describe returns, and two steps, all from the model (not from the operation list,
// so the job is complete whichever operations the module wraps).
const jobModel = officialModel(['DescribeInferenceRecommendationsJob', 'ListInferenceRecommendationsJobSteps']);
const describe = jobModel.Operations.DescribeInferenceRecommendationsJob.Output;
const stepsMember = jobModel.Shapes[jobModel.Operations.ListInferenceRecommendationsJobSteps.Output].Members.find((m) => m.Name === 'Steps');
const job = sample({ Type: 'structure', Shape: describe }, describe, jobModel.Shapes);
job.JobName = args.job;
delete job.JobArn; // the emulator computes it from the signing region
job.Steps = sample(stepsMember, 'Steps', jobModel.Shapes).map((step) => ({ ...step, JobName: args.job }));

const fixtures = JSON.parse(readFileSync(args['base-fixtures'], 'utf8'));
fixtures.Jobs.push(job);
writeFileSync(join(args['out-dir'], 'jobs.json'), JSON.stringify(fixtures, null, 2));
