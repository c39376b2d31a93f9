// A @aws-sdk/client-sagemaker client pointed at the emulator, optionally keeping every raw answer body.
import { Readable } from 'node:stream';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';

// The pinned client supports Node 20 (what the machines have); its notice about later versions is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/**
 * @param {{ endpoint: string, region: string, accessKeyId: string, secretAccessKey: string, maxAttempts?: number }} options
 * @param {Array<{operation: string, status: number, body: string}>} [rawAnswers] receives each answer's body as sent
 */
export function createClient(options, rawAnswers) {
  const client = new SageMakerClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    maxAttempts: options.maxAttempts ?? 3,
  });
  if (rawAnswers) {
    // Runs inside the deserializer: sees the HTTP answer before the SDK parses it, and hands it on intact.
    client.middlewareStack.addRelativeTo(
      (next, context) => async (args) => {
        const result = await next(args);
        const chunks = [];
        for await (const chunk of result.response.body) chunks.push(chunk);
        const body = Buffer.concat(chunks);
        rawAnswers.push({ operation: context.commandName.replace(/Command$/, ''), status: result.response.statusCode, body: body.toString('utf8') });
        result.response.body = Readable.from([body]);
        return result;
      },
      { relation: 'after', toMiddleware: 'deserializerMiddleware', name: 'irstepsRawAnswer' },
    );
  }
  return client;
}

// For bench/, which has no node_modules of its own: the SDK as this project installs it.
export { ListInferenceRecommendationsJobStepsCommand, paginateListInferenceRecommendationsJobSteps } from '@aws-sdk/client-sagemaker';
