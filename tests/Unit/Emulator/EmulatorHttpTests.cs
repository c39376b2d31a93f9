using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using IRSteps.Emulator;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>
    /// The emulator's HTTP/1.1 server spoken to byte by byte: keep-alive, chunked bodies, 100-continue, a request
    /// held while its client leaves (the 499 of the request log), answers broken on purpose.
    /// </summary>
    public sealed class EmulatorHttpTests : IDisposable
    {
        private readonly EmulatorServer emulator = EmulatorServer.Start(new EmulatorOptions { ControlApi = true, AcceptTestKeys = true });

        public void Dispose() => emulator.Dispose();

        private TcpClient Connect()
        {
            var client = new TcpClient();
            client.Connect("127.0.0.1", emulator.Port);
            client.ReceiveTimeout = 10000;
            return client;
        }

        private static void Send(NetworkStream stream, string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        }

        /// <summary>Reads one answer: status line, headers, and a body of its Content-Length.</summary>
        private static (int Status, string Headers, string Body) ReadAnswer(NetworkStream stream)
        {
            var head = new StringBuilder();
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                int b = stream.ReadByte();
                if (b < 0) throw new EndOfStreamException("closed after " + head);
                head.Append((char)b);
            }

            string headers = head.ToString();
            if (headers.StartsWith("HTTP/1.1 100", StringComparison.Ordinal)) return (100, headers, string.Empty);
            int length = int.Parse(headers.Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Split(':')[1].Trim());
            var body = new byte[length];
            int read = 0;
            while (read < length)
            {
                int n = stream.Read(body, read, length - read);
                if (n == 0) throw new EndOfStreamException();
                read += n;
            }

            return (int.Parse(headers.Substring(9, 3)), headers, Encoding.UTF8.GetString(body));
        }

        [Fact]
        public void Answers_several_requests_on_one_connection()
        {
            using TcpClient client = Connect();
            NetworkStream stream = client.GetStream();

            for (int i = 0; i < 3; i++)
            {
                Send(stream, "GET /__emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                var answer = ReadAnswer(stream);
                Assert.Equal(200, answer.Status);
                Assert.Contains("\"Status\":\"ok\"", answer.Body);
                Assert.DoesNotContain("Connection: close", answer.Headers);
            }

            Send(stream, "GET /__emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            Assert.Contains("Connection: close", ReadAnswer(stream).Headers);
            Assert.Equal(-1, stream.ReadByte());
        }

        [Fact]
        public void Reads_a_chunked_body_and_says_100_Continue_when_asked()
        {
            using TcpClient client = Connect();
            NetworkStream stream = client.GetStream();
            const string fault = "{\"Kind\":\"Throttle\",\"Times\":2}";

            Send(stream, "POST /__emulator/faults HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                         "5\r\n" + fault.Substring(0, 5) + "\r\n" + (fault.Length - 5).ToString("x") + "\r\n" + fault.Substring(5) + "\r\n0\r\n\r\n");
            Assert.Equal(200, ReadAnswer(stream).Status);
            Send(stream, "POST /__emulator/config HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 17\r\n\r\n");
            Assert.Equal(100, ReadAnswer(stream).Status);
            Send(stream, "{\"PageDelayMs\":5}");
            Assert.Equal(200, ReadAnswer(stream).Status);

            Assert.Equal(2, emulator.Faults.Pending().Single().Times);
            Assert.Equal(5, emulator.Config.PageDelayMs);
        }

        [Fact]
        public void Refuses_a_request_it_cannot_read_and_closes()
        {
            using TcpClient client = Connect();
            NetworkStream stream = client.GetStream();

            Send(stream, "NONSENSE\r\n\r\n");

            Assert.Equal(400, ReadAnswer(stream).Status);
            Assert.Equal(-1, stream.ReadByte());
        }

        /// <summary>A SageMaker request signed with the emulator's own key pair (SigV4, as the SDKs sign).</summary>
        private string SignedRequest(string operation, string body)
        {
            string date = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'");
            string host = "127.0.0.1:" + emulator.Port;
            string scope = date.Substring(0, 8) + "/us-east-1/sagemaker/aws4_request";
            string canonical = "POST\n/\n\nhost:" + host + "\nx-amz-date:" + date + "\nx-amz-target:SageMaker." + operation + "\n\nhost;x-amz-date;x-amz-target\n" +
                               Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
            string toSign = "AWS4-HMAC-SHA256\n" + date + "\n" + scope + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
            byte[] key = Encoding.UTF8.GetBytes("AWS4" + emulator.Keys.SecretKey);
            foreach (string part in new[] { date.Substring(0, 8), "us-east-1", "sagemaker", "aws4_request" }) key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
            string signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
            return "POST / HTTP/1.1\r\nHost: " + host + "\r\nX-Amz-Date: " + date + "\r\nX-Amz-Target: SageMaker." + operation + "\r\n" +
                   "Authorization: AWS4-HMAC-SHA256 Credential=" + emulator.Keys.AccessKey + "/" + scope + ", SignedHeaders=host;x-amz-date;x-amz-target, Signature=" + signature + "\r\n" +
                   "Content-Type: application/x-amz-json-1.1\r\nContent-Length: " + Encoding.UTF8.GetByteCount(body) + "\r\n\r\n" + body;
        }

        private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

        [Fact]
        public void Answers_a_request_signed_by_hand_and_refuses_it_once_its_body_changes()
        {
            using TcpClient client = Connect();
            NetworkStream stream = client.GetStream();
            string request = SignedRequest("DescribeInferenceRecommendationsJob", "{\"JobName\":\"nightly-resnet50\"}");

            Send(stream, request);
            var answer = ReadAnswer(stream);
            Send(stream, request.Replace("nightly-resnet50", "nightly-resnet51"));
            var tampered = ReadAnswer(stream);

            Assert.Equal(200, answer.Status);
            Assert.Contains("\"Status\":\"COMPLETED\"", answer.Body);
            Assert.Contains("x-amzn-RequestId: ", answer.Headers);
            Assert.Equal(400, tampered.Status);
            Assert.Contains("InvalidSignatureException", tampered.Body);
        }

        [Fact]
        public void Holds_a_request_hit_by_Hang_and_logs_499_when_its_client_leaves()
        {
            emulator.Faults.Add("Hang");
            using (TcpClient client = Connect())
            {
                Send(client.GetStream(), SignedRequest("DescribeInferenceRecommendationsJob", "{\"JobName\":\"nightly-resnet50\"}"));
                Assert.True(SpinWait.SpinUntil(() => emulator.Requests.Count == 1, TimeSpan.FromSeconds(5)));
                Thread.Sleep(200);
                Assert.Equal(0, emulator.Requests.Snapshot().Single().StatusCode);
            }

            RequestLogEntry held = emulator.Requests.Snapshot().Single();
            Assert.True(SpinWait.SpinUntil(() => held.StatusCode == EmulatorServer.ClientClosedRequest, TimeSpan.FromSeconds(5)), "499 logged");
            Assert.Equal("Hang", held.ErrorCode);
        }

        [Fact]
        public void Cuts_an_answer_short_for_Truncated_announcing_100_bytes_more_than_it_sends()
        {
            emulator.Faults.Add("Truncated");
            using TcpClient client = Connect();
            NetworkStream stream = client.GetStream();

            Send(stream, SignedRequest("DescribeInferenceRecommendationsJob", "{\"JobName\":\"nightly-resnet50\"}"));
            var received = new MemoryStream();
            var buffer = new byte[65536];
            try
            {
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) received.Write(buffer, 0, n);
            }
            catch (IOException)
            {
                // the reset
            }

            string text = Encoding.UTF8.GetString(received.ToArray());
            int bodyStart = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
            int declared = int.Parse(text.Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.Ordinal)).Split(':')[1].Trim());
            Assert.Equal(declared - 100, Encoding.UTF8.GetByteCount(text.Substring(bodyStart)));
            Assert.Equal("BrokenResponse", emulator.Requests.Snapshot().Single().ErrorCode);
        }
    }
}
