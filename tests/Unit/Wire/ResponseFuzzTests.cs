using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using IRSteps.Client;
using IRSteps.Client.SageMaker.Operations;
using IRSteps.Errors;
using IRSteps.Model;
using Xunit;
using Xunit.Abstractions;

namespace IRSteps.Tests
{
    /// <summary>
    /// Feeds the ListInferenceRecommendationsJobSteps unmarshaller thousands of random, truncated and mutated
    /// bodies through the path the SDK pipeline takes (a JsonUnmarshallerContext over the response stream,
    /// UnmarshallResponse), seeded so that any failure can be replayed. It must never hang, never throw
    /// anything but what the translator turns into MalformedResponse, and never return a page cut short.
    /// Set IRSTEPS_FUZZ_SEED to explore other seeds; the default one runs in CI.
    /// </summary>
    public class ResponseFuzzTests
    {
        private const int DefaultSeed = 20261128;
        private const int Iterations = 6000;
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(120);

        private static readonly ExceptionTranslator Translator = new ExceptionTranslator(new string[0], "http://127.0.0.1:1");

        private readonly ITestOutputHelper output;

        public ResponseFuzzTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        private const string FullStep = @"{""StepType"":""BENCHMARK"",""JobName"":""job-1"",""Status"":""COMPLETED"",
 ""InferenceBenchmark"":{""Metrics"":{""CostPerHour"":0.204,""CostPerInference"":1.23E-05,""MaxInvocations"":1450,""ModelLatency"":38,""CpuUtilization"":61.5,""MemoryUtilization"":22.25,""ModelSetupTime"":95},
  ""EndpointMetrics"":{""MaxInvocations"":1180,""ModelLatency"":52},
  ""EndpointConfiguration"":{""EndpointName"":""ep-1"",""VariantName"":""AllTraffic"",""InstanceType"":""ml.c5.xlarge"",""InitialInstanceCount"":2,""ServerlessConfig"":{""MemorySizeInMB"":2048,""MaxConcurrency"":5,""ProvisionedConcurrency"":1}},
  ""ModelConfiguration"":{""InferenceSpecificationName"":""spec-a"",""CompilationJobName"":""compile-1"",""EnvironmentParameters"":[{""Key"":""OMP_NUM_THREADS"",""ValueType"":""String"",""Value"":""4""}]},
  ""FailureReason"":""none"",""InvocationStartTime"":1732790000.5,""InvocationEndTime"":1732790600}}";

        private const string OddStep = @"{""StepType"":""BENCHMARK"",""JobName"":""job-1"",""Status"":""FAILED"",""NewTopLevelMember"":""x"",
 ""InferenceBenchmark"":{""Metrics"":{""CpuUtilization"":""NaN"",""MemoryUtilization"":""Infinity"",""ModelLatency"":null},""FutureMetric"":{""X"":[1,{""Y"":null}]},
  ""FailureReason"":""Out of memory: \u00e9\u4e2d \""quoted\"" \\ back""}}";

        /// <summary>Whole, valid answers: the seeds of every mutation.</summary>
        public static readonly string[] ValidBodies =
        {
            "{\"Steps\":[" + FullStep + "," + OddStep + "],\"NextToken\":\"eyJzIjoic3RlcHMifQ\"}",
            "{\"Steps\":[" + OddStep + "]}",
            "{\"Steps\":[],\"NextToken\":\"tok/+=\"}",
            "{\"NextToken\":null,\"Steps\":[" + FullStep + "]}",
            "{}",
        };

        [Fact]
        public void Every_valid_body_reads_whole()
        {
            foreach (string body in ValidBodies)
            {
                Outcome outcome = Parse(Encoding.UTF8.GetBytes(body), trickle: false, keepBody: false);
                Assert.True(outcome.Page != null, "valid body failed: " + outcome.Error);
            }

            Assert.Equal(2, Parse(Encoding.UTF8.GetBytes(ValidBodies[0]), false, false).Page.Steps.Count);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\"Steps\"")]
        [InlineData("123")]
        [InlineData("null")]
        [InlineData("[]")]
        [InlineData("[{\"Steps\":[]}]")]
        // Found by the seeded fuzz below: a string where the list belongs made Core's list reader add empty steps for ever.
        [InlineData("{\"Steps\":\"2024-01-01T00:00:00Z\",\"NextToken\":null}")]
        [InlineData("{\"Steps\":{}}")]
        [InlineData("{\"Steps\":[1,2]}")]
        [InlineData("{\"Steps\":[{\"InferenceBenchmark\":\"x\"}]}")]
        public async Task An_answer_that_is_not_an_object_of_the_right_shape_is_refused_never_read_as_an_empty_or_endless_page(string body)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            var parse = Task.Run(() => Parse(bytes, trickle: false, keepBody: false));

            Assert.True(await Within(parse, TimeSpan.FromSeconds(10)), "the unmarshaller hung on " + body);
            Outcome outcome = await parse;
            Assert.True(outcome.Page == null, "read as a page: " + body);
            AssertMalformed(outcome, bytes);
        }

        [Fact]
        public void A_body_cut_at_any_byte_is_refused_never_read_as_a_shorter_page()
        {
            int cuts = 0;
            foreach (string text in ValidBodies)
            {
                byte[] body = Encoding.UTF8.GetBytes(text);
                for (int length = 1; length < body.Length; length++)
                {
                    byte[] cut = body.Take(length).ToArray();
                    foreach (bool trickle in new[] { false, true })
                    {
                        Outcome outcome = Parse(cut, trickle, keepBody: length % 2 == 0);
                        Assert.True(outcome.Page == null, $"a body cut to {length} of {body.Length} bytes was read as a page: {Encoding.UTF8.GetString(cut)}");
                        AssertMalformed(outcome, cut);
                        cuts++;
                    }
                }
            }

            output.WriteLine($"{cuts} cut bodies, every one refused as MalformedResponse");
        }

        [Fact]
        public async Task Thousands_of_seeded_random_and_mutated_bodies_never_hang_and_fail_only_as_MalformedResponse()
        {
            int seed = int.TryParse(Environment.GetEnvironmentVariable("IRSTEPS_FUZZ_SEED"), out int chosen) ? chosen : DefaultSeed;
            var random = new Random(seed);
            int current = -1;
            byte[] currentBody = null;
            int parsed = 0, refused = 0;
            var slowest = TimeSpan.Zero;

            var run = Task.Run(() =>
            {
                for (int i = 0; i < Iterations; i++)
                {
                    byte[] body = Generate(random, i);
                    bool trickle = random.Next(3) == 0;
                    bool keepBody = random.Next(2) == 0;
                    Volatile.Write(ref current, i);
                    currentBody = body;

                    var stopwatch = Stopwatch.StartNew();
                    Outcome outcome = Parse(body, trickle, keepBody);
                    stopwatch.Stop();
                    if (stopwatch.Elapsed > slowest) slowest = stopwatch.Elapsed;

                    if (outcome.Page != null)
                    {
                        parsed++;
                        Assert.NotNull(outcome.Page.Steps);
                    }
                    else
                    {
                        refused++;
                        AssertMalformed(outcome, body);
                    }
                }
            });

            bool finished = await Within(run, Budget);
            Assert.True(finished, $"the unmarshaller hung at iteration {Volatile.Read(ref current)} of seed {seed}; body (base64): {Convert.ToBase64String(currentBody ?? new byte[0])}");
            await run;
            output.WriteLine($"seed {seed}: {Iterations} bodies, {parsed} read as pages, {refused} refused as MalformedResponse, slowest {slowest.TotalMilliseconds:0.0} ms");
            Assert.True(parsed > Iterations / 20, "the mutations left too few readable bodies to test reading: " + parsed);
            Assert.True(refused > Iterations / 2, "the mutations broke too few bodies: " + refused);
        }

        [Fact]
        public async Task Seeded_random_error_bodies_always_give_an_AWS_exception_the_translator_can_word()
        {
            var random = new Random(DefaultSeed + 1);
            var statuses = new[] { HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable };
            var run = Task.Run(() =>
            {
                for (int i = 0; i < 2000; i++)
                {
                    byte[] body = i % 3 == 0 ? Mutate(random, Encoding.UTF8.GetBytes("{\"__type\":\"com.amazon#ThrottlingException\",\"message\":\"Rate exceeded\"}")) : Generate(random, i);
                    HttpStatusCode status = statuses[random.Next(statuses.Length)];
                    AmazonServiceException error = ParseError(body, status, random.Next(3) == 0);

                    IRStepsServiceException translated = Translator.Translate(error, "ListInferenceRecommendationsJobSteps", "job 'job-1'");
                    Assert.False(string.IsNullOrWhiteSpace(translated.Message));
                    Assert.Contains("job 'job-1'", translated.Message);
                    Assert.Equal((int)status, translated.StatusCode);
                }
            });

            Assert.True(await Within(run, Budget), "the error unmarshaller hung");
            await run;
        }

        [Fact]
        public void A_stream_that_breaks_mid_body_is_a_network_error_not_a_parse_error()
        {
            byte[] body = Encoding.UTF8.GetBytes(ValidBodies[0]);
            var response = new FuzzResponse(HttpStatusCode.OK, new BreakingStream(body, body.Length / 2), body.Length);
            var unmarshaller = ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance;
            UnmarshallerContext context = unmarshaller.CreateContext(response, false, response.Body, new RequestMetrics(), false);

            Exception thrown = Record.Exception(() => unmarshaller.UnmarshallResponse(context));

            Assert.IsType<AmazonUnmarshallingException>(thrown);
            IRStepsServiceException translated = Translator.Translate(thrown, "ListInferenceRecommendationsJobSteps", "job 'job-1'");
            Assert.Equal(ServiceErrorKind.Network, translated.Kind);
            Assert.Contains("nothing from that answer was written", translated.Message);
        }

        // ---------------------------------------------------------------- generation

        private static readonly string[] Replacements =
        {
            "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1e999", "-1e999", "99999999999999999999999", "-0", "0.0000000000000000000001",
            "null", "true", "false", "{}", "[]", "\"\"", "\"2024-01-01T00:00:00Z\"", "\"\\ud800\"", "\"\\u0000\"", "1732790000.123456789",
            "\"" + new string('x', 20000) + "\"", new string('[', 300) + new string(']', 300), new string('[', 5000),
            "{\"Steps\":{}}", "[{\"Steps\":[]}]", "\"Steps\"", "{\"a\":", ",", ":", "\"\\", "\u00ff", "NaN", "Infinity", "tru", "nul",
        };

        private static readonly byte[] Alphabet = Encoding.UTF8.GetBytes("{}[]\",:0123456789.eE+-tfnul\\ \t\r\nabcxyz").Concat(new byte[] { 0x00, 0xFF, 0xC3, 0xA9, 0xE2, 0x80, 0xEF, 0xBB, 0xBF }).ToArray();

        private static byte[] Generate(Random random, int iteration)
        {
            switch (iteration % 10)
            {
                case 0:
                    // Random bytes from the JSON alphabet and beyond.
                    return Enumerable.Range(0, random.Next(0, 300)).Select(_ => random.Next(4) == 0 ? (byte)random.Next(256) : Alphabet[random.Next(Alphabet.Length)]).ToArray();
                case 1:
                    // A valid body cut somewhere.
                    byte[] whole = Encoding.UTF8.GetBytes(ValidBodies[random.Next(ValidBodies.Length)]);
                    return whole.Take(random.Next(0, whole.Length)).ToArray();
                default:
                    byte[] body = Encoding.UTF8.GetBytes(ValidBodies[random.Next(ValidBodies.Length)]);
                    int mutations = random.Next(1, 5);
                    for (int m = 0; m < mutations; m++) body = Mutate(random, body);
                    return body;
            }
        }

        private static byte[] Mutate(Random random, byte[] body)
        {
            var bytes = new List<byte>(body);
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: // change a byte
                    if (bytes.Count > 0) bytes[at] = random.Next(2) == 0 ? Alphabet[random.Next(Alphabet.Length)] : (byte)random.Next(256);
                    break;
                case 1: // delete a span
                    if (bytes.Count > 0) bytes.RemoveRange(at, Math.Min(random.Next(1, 30), bytes.Count - at));
                    break;
                case 2: // insert bytes
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 8)).Select(_ => Alphabet[random.Next(Alphabet.Length)]));
                    break;
                case 3: // repeat a span
                    if (bytes.Count > 0)
                    {
                        int length = Math.Min(random.Next(1, 200), bytes.Count - at);
                        bytes.InsertRange(at, bytes.GetRange(at, length));
                    }
                    break;
                case 4: // cut
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default: // replace a value with one of another type or shape
                    string text = Encoding.UTF8.GetString(bytes.ToArray());
                    var values = System.Text.RegularExpressions.Regex.Matches(text, "(?<=:)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*|null|true|false|\\{\\}|\\[\\])");
                    if (values.Count == 0) break;
                    var value = values[random.Next(values.Count)];
                    text = text.Substring(0, value.Index) + Replacements[random.Next(Replacements.Length)] + text.Substring(value.Index + value.Length);
                    return Encoding.UTF8.GetBytes(text);
            }

            return bytes.ToArray();
        }

        // ---------------------------------------------------------------- the pipeline's path

        /// <summary>True when the task ends (however) within the limit; the test then awaits it for its outcome.</summary>
        private static async Task<bool> Within(Task task, TimeSpan limit) => await Task.WhenAny(task, Task.Delay(limit)) == task;

        private sealed class Outcome
        {
            public ListInferenceRecommendationsJobStepsResponse Page;
            public Exception Error;
        }

        /// <summary>What the SDK's Unmarshaller handler does with a 200 answer: a context over the stream, then UnmarshallResponse.</summary>
        private static Outcome Parse(byte[] body, bool trickle, bool keepBody)
        {
            Stream stream = trickle ? (Stream)new TrickleStream(body, new Random(body.Length)) : new MemoryStream(body);
            var response = new FuzzResponse(HttpStatusCode.OK, stream, body.Length);
            var unmarshaller = ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance;
            try
            {
                UnmarshallerContext context = unmarshaller.CreateContext(response, keepBody, response.Body, new RequestMetrics(), false);
                var result = (SageMakerResponse<ListInferenceRecommendationsJobStepsResponse>)unmarshaller.UnmarshallResponse(context);
                return new Outcome { Page = result.Output };
            }
            catch (Exception exception)
            {
                return new Outcome { Error = exception };
            }
        }

        /// <summary>What the SDK's error handler does with an error answer, wrapping what the unmarshaller throws as it does.</summary>
        private static AmazonServiceException ParseError(byte[] body, HttpStatusCode status, bool trickle)
        {
            Stream stream = trickle ? (Stream)new TrickleStream(body, new Random(body.Length)) : new MemoryStream(body);
            var response = new FuzzResponse(status, stream, body.Length);
            var unmarshaller = ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance;
            UnmarshallerContext context = unmarshaller.CreateContext(response, true, response.Body, new RequestMetrics(), true);
            try
            {
                return unmarshaller.UnmarshallException(context, new Exception("HTTP error"), status);
            }
            catch (Exception exception) when (!(exception is AmazonServiceException) && !(exception is AmazonClientException))
            {
                return new AmazonUnmarshallingException("req-error", null, context.ResponseBody, exception, status);
            }
        }

        private static void AssertMalformed(Outcome outcome, byte[] body)
        {
            string shown = Convert.ToBase64String(body);
            Assert.True(outcome.Error is AmazonUnmarshallingException,
                $"expected the SDK's unmarshalling exception, got {outcome.Error?.GetType().FullName}: {outcome.Error?.Message} for body (base64) {shown}");
            IRStepsServiceException translated = Translator.Translate(outcome.Error, "ListInferenceRecommendationsJobSteps", "job 'job-1'");
            Assert.True(translated.Kind == ServiceErrorKind.MalformedResponse,
                $"translated to {translated.Kind}, not MalformedResponse: {outcome.Error} for body (base64) {shown}");
        }

        /// <summary>Hands out 1 to 7 bytes a read, so the streaming reader refills its buffer at every boundary.</summary>
        private sealed class TrickleStream : MemoryStream
        {
            private readonly Random random;

            public TrickleStream(byte[] body, Random random) : base(body)
            {
                this.random = random;
            }

            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, random.Next(1, 8)));

            public override int Read(Span<byte> buffer) => base.Read(buffer.Slice(0, Math.Min(buffer.Length, random.Next(1, 8))));
        }

        /// <summary>Gives part of the body, then fails as a reset connection does.</summary>
        private sealed class BreakingStream : MemoryStream
        {
            private readonly int breakAt;

            public BreakingStream(byte[] body, int breakAt) : base(body)
            {
                this.breakAt = breakAt;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (Position >= breakAt) throw new IOException("The response ended prematurely.", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset));
                return base.Read(buffer, offset, (int)Math.Min(count, breakAt - Position));
            }

            public override int Read(Span<byte> buffer)
            {
                if (Position >= breakAt) throw new IOException("The response ended prematurely.", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset));
                return base.Read(buffer.Slice(0, (int)Math.Min(buffer.Length, breakAt - Position)));
            }
        }

        private sealed class FuzzResponse : IWebResponseData, IHttpResponseBody
        {
            public FuzzResponse(HttpStatusCode status, Stream body, long contentLength)
            {
                StatusCode = status;
                Body = body;
                ContentLength = contentLength;
            }

            public Stream Body { get; }
            public long ContentLength { get; }
            public string ContentType => "application/x-amz-json-1.1";
            public HttpStatusCode StatusCode { get; }
            public bool IsSuccessStatusCode => (int)StatusCode >= 200 && (int)StatusCode < 300;
            public IHttpResponseBody ResponseBody => this;
            public string[] GetHeaderNames() => new[] { "x-amzn-RequestId" };
            public bool IsHeaderPresent(string headerName) => string.Equals(headerName, "x-amzn-RequestId", StringComparison.OrdinalIgnoreCase);
            public string GetHeaderValue(string headerName) => IsHeaderPresent(headerName) ? "req-fuzz" : null;
            public IEventStreamHeader GetEventStreamHeader(string headerName) => null;
            public bool IsEventHeaderPresent(string headerName) => false;
            public Stream OpenResponse() => Body;
            public Task<Stream> OpenResponseAsync() => Task.FromResult(Body);
            public void Dispose() { }
        }
    }
}
