using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IRSteps.Emulator.Http
{
    /// <summary>
    /// One client connection: requests read one after another (keep-alive), each answered before the next is read.
    /// While a request is answered, one read stays pending on the socket: it completes with 0 bytes when the client
    /// disconnects (what the 499 status of the request log is made from), or with the first bytes of the next request.
    /// </summary>
    internal sealed class HttpConnection
    {
        private const int MaxHeaderBytes = 64 * 1024;
        private const int MaxBodyBytes = 16 * 1024 * 1024;
        private static readonly byte[] ContinueLine = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");

        private readonly Socket socket;
        private readonly NetworkStream stream;
        private readonly Func<HttpExchange, Task<HttpResponse>> handler;
        private byte[] buffer = new byte[16 * 1024];
        private int start;
        private int end;
        private Task<int> pendingRead;
        private int closed;

        public HttpConnection(Socket socket, Func<HttpExchange, Task<HttpResponse>> handler)
        {
            this.socket = socket;
            this.handler = handler;
            socket.NoDelay = true;
            stream = new NetworkStream(socket, ownsSocket: false);
        }

        public async Task RunAsync()
        {
            try
            {
                while (true)
                {
                    HttpRequest request;
                    try
                    {
                        request = await ReadRequestAsync().ConfigureAwait(false);
                    }
                    catch (BadRequestException bad)
                    {
                        var refusal = new HttpResponse(bad.Status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(bad.Message + "\n")) { End = ConnectionEnd.Close };
                        await WriteAsync(refusal, keepAlive: false).ConfigureAwait(false);
                        await CloseGracefullyAsync().ConfigureAwait(false);
                        return;
                    }

                    if (request == null) return;

                    // Not disposed: a pending read's continuation may still cancel it once the exchange is over.
                    var clientGone = new CancellationTokenSource();
                    WatchForDisconnect(clientGone);

                    HttpResponse response;
                    try
                    {
                        response = await handler(new HttpExchange(request, clientGone.Token)).ConfigureAwait(false);
                    }
                    catch (Exception exception)
                    {
                        response = new HttpResponse(500, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("The emulator failed: " + exception.Message + "\n"));
                    }

                    if (response == null)
                    {
                        // Nothing to answer (a request held until its client left, or the emulator stopping).
                        Abort();
                        return;
                    }

                    if (!await WriteAsync(response, request.KeepAlive).ConfigureAwait(false))
                    {
                        if (response.End != ConnectionEnd.Reset) await CloseGracefullyAsync().ConfigureAwait(false);
                        return;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException || exception is SocketException || exception is ObjectDisposedException)
            {
                // The client went away or the emulator is stopping: nothing to answer.
            }
            finally
            {
                Close();
            }
        }

        /// <summary>Closes the connection at once (the emulator is stopping).</summary>
        public void Abort()
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception exception) when (exception is SocketException || exception is ObjectDisposedException)
            {
            }

            Close();
        }

        /// <summary>
        /// Ends the connection with a FIN after the answer, and closes the socket once the client has closed its side
        /// (or after two seconds): closing at once, with the read still pending, would reset the connection.
        /// </summary>
        private async Task CloseGracefullyAsync()
        {
            try
            {
                socket.Shutdown(SocketShutdown.Send);
                Task<int> drain = pendingRead ?? stream.ReadAsync(new byte[256], 0, 256);
                pendingRead = null;
                await Task.WhenAny(drain, Task.Delay(2000)).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException || exception is SocketException || exception is ObjectDisposedException)
            {
            }
        }

        private void Close()
        {
            if (Interlocked.Exchange(ref closed, 1) != 0) return;
            try
            {
                socket.Dispose();
            }
            catch (SocketException)
            {
            }

            stream.Dispose();
        }

        private void WatchForDisconnect(CancellationTokenSource clientGone)
        {
            if (pendingRead == null && start == end)
            {
                start = end = 0;
                try
                {
                    pendingRead = stream.ReadAsync(buffer, 0, buffer.Length);
                }
                catch (Exception exception) when (exception is IOException || exception is ObjectDisposedException)
                {
                    clientGone.Cancel();
                    return;
                }
            }

            // With bytes of a pipelined request already buffered there is nothing to watch: the request is answered.
            pendingRead?.ContinueWith(
                read =>
                {
                    if (read.Status != TaskStatus.RanToCompletion || read.Result == 0)
                    {
                        try
                        {
                            clientGone.Cancel();
                        }
                        catch (ObjectDisposedException)
                        {
                        }
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        /// <summary>Reads more bytes into the buffer; false at the end of the stream.</summary>
        private async Task<bool> FillAsync()
        {
            int read;
            if (pendingRead != null)
            {
                Task<int> pending = pendingRead;
                pendingRead = null;
                read = await pending.ConfigureAwait(false);
            }
            else
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                read = await stream.ReadAsync(buffer, end, buffer.Length - end).ConfigureAwait(false);
            }

            end += read;
            return read > 0;
        }

        private async Task<HttpRequest> ReadRequestAsync()
        {
            int headerEnd;
            while ((headerEnd = IndexOf(buffer, start, end, HeaderTerminator)) < 0)
            {
                if (end - start > MaxHeaderBytes) throw new BadRequestException(431, "Request header fields too large.");
                if (!await FillAsync().ConfigureAwait(false))
                {
                    return null; // closed, between requests or in the middle of one
                }
            }

            string head = Encoding.ASCII.GetString(buffer, start, headerEnd - start);
            start = headerEnd + HeaderTerminator.Length;
            HttpRequest request = ParseHead(head);

            string transferEncoding = request.Header("transfer-encoding");
            string contentLength = request.Header("content-length");
            bool expectContinue = string.Equals(request.Header("expect"), "100-continue", StringComparison.OrdinalIgnoreCase);
            if (transferEncoding != null && transferEncoding.IndexOf("chunked", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                if (expectContinue && start == end) await stream.WriteAsync(ContinueLine, 0, ContinueLine.Length).ConfigureAwait(false);
                request.Body = await ReadChunkedAsync().ConfigureAwait(false);
            }
            else if (contentLength != null)
            {
                if (!long.TryParse(contentLength, NumberStyles.None, CultureInfo.InvariantCulture, out long length))
                    throw new BadRequestException(400, "Content-Length is not a number.");
                if (length > MaxBodyBytes) throw new BadRequestException(413, "Request body too large.");
                if (expectContinue && length > end - start) await stream.WriteAsync(ContinueLine, 0, ContinueLine.Length).ConfigureAwait(false);
                request.Body = await ReadExactlyAsync((int)length).ConfigureAwait(false);
            }

            return request;
        }

        private async Task<byte[]> ReadExactlyAsync(int length)
        {
            var body = new byte[length];
            int copied = Math.Min(length, end - start);
            Buffer.BlockCopy(buffer, start, body, 0, copied);
            start += copied;
            while (copied < length)
            {
                int read = await stream.ReadAsync(body, copied, length - copied).ConfigureAwait(false);
                if (read == 0) throw new IOException("The client closed the connection in the middle of a request body.");
                copied += read;
            }

            return body;
        }

        private async Task<byte[]> ReadChunkedAsync()
        {
            using (var body = new MemoryStream())
            {
                while (true)
                {
                    string sizeLine = await ReadLineAsync().ConfigureAwait(false);
                    int semicolon = sizeLine.IndexOf(';');
                    string hex = (semicolon < 0 ? sizeLine : sizeLine.Substring(0, semicolon)).Trim();
                    if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int size) || size < 0)
                        throw new BadRequestException(400, "Bad chunk size.");
                    if (size == 0)
                    {
                        while ((await ReadLineAsync().ConfigureAwait(false)).Length > 0)
                        {
                            // trailers: ignored
                        }

                        return body.ToArray();
                    }

                    if (body.Length + size > MaxBodyBytes) throw new BadRequestException(413, "Request body too large.");
                    byte[] chunk = await ReadExactlyAsync(size).ConfigureAwait(false);
                    body.Write(chunk, 0, chunk.Length);
                    if ((await ReadLineAsync().ConfigureAwait(false)).Length != 0) throw new BadRequestException(400, "Bad chunk.");
                }
            }
        }

        private async Task<string> ReadLineAsync()
        {
            int lineEnd;
            while ((lineEnd = IndexOf(buffer, start, end, LineTerminator)) < 0)
            {
                if (end - start > MaxHeaderBytes) throw new BadRequestException(400, "Line too long.");
                if (!await FillAsync().ConfigureAwait(false)) throw new IOException("The client closed the connection in the middle of a request.");
            }

            string line = Encoding.ASCII.GetString(buffer, start, lineEnd - start);
            start = lineEnd + LineTerminator.Length;
            return line;
        }

        private static readonly byte[] HeaderTerminator = { (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n' };
        private static readonly byte[] LineTerminator = { (byte)'\r', (byte)'\n' };

        private static int IndexOf(byte[] data, int from, int to, byte[] pattern)
        {
            for (int i = from; i <= to - pattern.Length; i++)
            {
                if (data[i] != pattern[0]) continue;
                int j = 1;
                while (j < pattern.Length && data[i + j] == pattern[j]) j++;
                if (j == pattern.Length) return i;
            }

            return -1;
        }

        private static HttpRequest ParseHead(string head)
        {
            string[] lines = head.Split(new[] { "\r\n" }, StringSplitOptions.None);
            string[] requestLine = lines[0].Split(' ');
            if (requestLine.Length != 3 || requestLine[0].Length == 0 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
                throw new BadRequestException(400, "Bad request line.");

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var headerLines = new List<KeyValuePair<string, string>>(lines.Length - 1);
            for (int i = 1; i < lines.Length; i++)
            {
                int colon = lines[i].IndexOf(':');
                if (colon <= 0) throw new BadRequestException(400, "Bad header line.");
                string name = lines[i].Substring(0, colon).Trim();
                string value = lines[i].Substring(colon + 1).Trim();
                headerLines.Add(new KeyValuePair<string, string>(name, value));
                headers[name] = headers.TryGetValue(name, out string earlier) ? earlier + "," + value : value;
            }

            return new HttpRequest(requestLine[0], requestLine[1], requestLine[2], headers, headerLines);
        }

        /// <summary>Writes an answer; true when the connection stays open for the next request.</summary>
        private async Task<bool> WriteAsync(HttpResponse response, bool keepAlive)
        {
            bool closing = !keepAlive && response.End == ConnectionEnd.AsRequested;
            var head = new StringBuilder(256);
            head.Append("HTTP/1.1 ").Append(response.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(ReasonPhrase(response.Status)).Append("\r\n");
            head.Append("Date: ").Append(HttpDate.Now()).Append("\r\n");
            if (response.ContentType != null) head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
            foreach (KeyValuePair<string, string> header in response.Headers)
            {
                head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            }

            long declared = response.DeclaredLength ?? response.Body.Length;
            head.Append("Content-Length: ").Append(declared.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            if (closing) head.Append("Connection: close\r\n");
            head.Append("\r\n");

            byte[] headBytes = Encoding.ASCII.GetBytes(head.ToString());
            int bodyBytes = Math.Min(response.SentLength ?? response.Body.Length, response.Body.Length);
            if (response.BetweenHeadersAndBody == null)
            {
                // One write for a whole answer: no small packets for the client to wait on.
                var whole = new byte[headBytes.Length + bodyBytes];
                Buffer.BlockCopy(headBytes, 0, whole, 0, headBytes.Length);
                Buffer.BlockCopy(response.Body, 0, whole, headBytes.Length, bodyBytes);
                await stream.WriteAsync(whole, 0, whole.Length).ConfigureAwait(false);
            }
            else
            {
                await stream.WriteAsync(headBytes, 0, headBytes.Length).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
                await response.BetweenHeadersAndBody(CancellationToken.None).ConfigureAwait(false);
                await stream.WriteAsync(response.Body, 0, bodyBytes).ConfigureAwait(false);
            }

            switch (response.End)
            {
                case ConnectionEnd.Reset:
                    await Task.Delay(20).ConfigureAwait(false); // let the bytes written reach the client before the reset
                    Abort();
                    return false;
                case ConnectionEnd.Close:
                    return false;
                default:
                    return !closing;
            }
        }

        private static string ReasonPhrase(int status)
        {
            switch (status)
            {
                case 200: return "OK";
                case 400: return "Bad Request";
                case 403: return "Forbidden";
                case 404: return "Not Found";
                case 405: return "Method Not Allowed";
                case 413: return "Payload Too Large";
                case 431: return "Request Header Fields Too Large";
                case 500: return "Internal Server Error";
                case 502: return "Bad Gateway";
                case 503: return "Service Unavailable";
                case 504: return "Gateway Timeout";
                default: return "Status " + status.ToString(CultureInfo.InvariantCulture);
            }
        }

        private sealed class BadRequestException : Exception
        {
            public BadRequestException(int status, string message)
                : base(message)
            {
                Status = status;
            }

            public int Status { get; }
        }
    }
}
