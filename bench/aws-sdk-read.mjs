// The reference side of bench/Invoke-Benchmark.ps1: @aws-sdk/client-sagemaker (installed in tests/Conformance)
// reading the emulator. Prints one JSON object.
//   --mode throughput   read --job with paginateListInferenceRecommendationsJobSteps --runs times (after --warmup
//                       reads, 3 by default, so that V8 has compiled the hot paths); milliseconds per run, and the
//                       time from just before the import to the end of the warm-up reads (WarmUpMs)
//   --mode cold-read    a fresh process's first read of --job, timed from just before the AWS SDK is imported to
//                       its last step (the import, the client's creation and the read)
//   --mode first-page   one ListInferenceRecommendationsJobSteps call of --page-size steps, --runs times (after
//                       --warmup calls); ms per call (--warmup 0 --runs 1: a fresh process's first call)
//   --mode memory       stream --job once, sampling the process's resident set size
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    endpoint: { type: 'string' },
    'access-key': { type: 'string' },
    secret: { type: 'string' },
    region: { type: 'string', default: 'us-east-1' },
    job: { type: 'string' },
    'page-size': { type: 'string', default: '100' },
    runs: { type: 'string', default: '5' },
    mode: { type: 'string', default: 'throughput' },
    warmup: { type: 'string', default: '3' },
  },
});

// Imported here, not above, so that --mode cold-read can time the import.
const importStarted = performance.now();
const {
  createClient,
  ListInferenceRecommendationsJobStepsCommand,
  paginateListInferenceRecommendationsJobSteps,
} = await import('../tests/Conformance/lib/client.mjs');

const client = createClient({ endpoint: args.endpoint, region: args.region, accessKeyId: args['access-key'], secretAccessKey: args.secret });
const pageSize = Number(args['page-size']);
const runs = Number(args.runs);

async function readAll(onPage) {
  let steps = 0;
  for await (const page of paginateListInferenceRecommendationsJobSteps({ client, pageSize }, { JobName: args.job })) {
    steps += page.Steps.length;
    if (onPage) onPage(steps);
  }
  return steps;
}

const result = { Mode: args.mode, Job: args.job, Ms: [] };
if (args.mode === 'throughput') {
  for (let i = 0; i < Number(args.warmup); i++) result.Steps = await readAll();
  result.WarmUpMs = performance.now() - importStarted;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await readAll();
    result.Ms.push(performance.now() - start);
  }
} else if (args.mode === 'cold-read') {
  result.Steps = await readAll();
  result.Ms.push(performance.now() - importStarted);
} else if (args.mode === 'first-page') {
  for (let i = 0; i < Number(args.warmup); i++) {
    await client.send(new ListInferenceRecommendationsJobStepsCommand({ JobName: args.job, MaxResults: pageSize }));
  }
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await client.send(new ListInferenceRecommendationsJobStepsCommand({ JobName: args.job, MaxResults: pageSize }));
    result.Ms.push(performance.now() - start);
  }
} else if (args.mode === 'memory') {
  await client.send(new ListInferenceRecommendationsJobStepsCommand({ JobName: args.job, MaxResults: 1 }));
  result.StartBytes = process.memoryUsage().rss;
  result.PeakBytes = result.StartBytes;
  const start = performance.now();
  result.Steps = await readAll(() => { result.PeakBytes = Math.max(result.PeakBytes, process.memoryUsage().rss); });
  result.Ms.push(performance.now() - start);
  result.EndBytes = process.memoryUsage().rss;
} else {
  throw new Error(`Unknown --mode ${args.mode}`);
}
console.log(JSON.stringify(result));
