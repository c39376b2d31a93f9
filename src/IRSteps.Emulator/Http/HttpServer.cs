using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace IRSteps.Emulator.Http
{
    /// <summary>
    /// A small HTTP/1.1 server on 127.0.0.1 (keep-alive, Content-Length and chunked request bodies, 100-continue).
    /// Written on TcpListener rather than HttpListener: it binds port 0 directly (a free port, no probing race),
    /// sees a client disconnect while a request is held, can break an answer on purpose (cut body, reset), works the
    /// same on .NET Framework, where HttpListener is http.sys and needs a URL reservation, and on .NET 8 and 10.
    /// </summary>
    internal sealed class HttpServer : IDisposable
    {
        private readonly TcpListener listener;
        private readonly Func<HttpExchange, Task<HttpResponse>> handler;
        private readonly ConcurrentDictionary<HttpConnection, bool> connections = new ConcurrentDictionary<HttpConnection, bool>();
        private int stopped;
        private long accepted;

        private HttpServer(TcpListener listener, Func<HttpExchange, Task<HttpResponse>> handler)
        {
            this.listener = listener;
            this.handler = handler;
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public int Port { get; }

        /// <summary>Connections accepted since the server started (keep-alive clients open one and reuse it).</summary>
        public long AcceptedConnections => Interlocked.Read(ref accepted);

        /// <summary>Listens on 127.0.0.1 (port 0: any free port) and serves until disposed. Throws SocketException when the port is taken.</summary>
        public static HttpServer Start(int port, Func<HttpExchange, Task<HttpResponse>> handler)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start(512);
            var server = new HttpServer(listener, handler);
            Task.Run(server.AcceptAsync);
            return server;
        }

        private async Task AcceptAsync()
        {
            while (Volatile.Read(ref stopped) == 0)
            {
                Socket socket;
                try
                {
                    socket = await listener.AcceptSocketAsync().ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is ObjectDisposedException || exception is SocketException || exception is InvalidOperationException)
                {
                    if (Volatile.Read(ref stopped) != 0) return;
                    continue; // a connection that failed while being accepted
                }

                Interlocked.Increment(ref accepted);
                var connection = new HttpConnection(socket, handler);
                connections[connection] = true;
                if (Volatile.Read(ref stopped) != 0)
                {
                    connection.Abort();
                    return;
                }

                _ = Task.Run(async () =>
                {
                    await connection.RunAsync().ConfigureAwait(false);
                    connections.TryRemove(connection, out _);
                });
            }
        }

        /// <summary>Stops listening (the port is free again) and closes every connection.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref stopped, 1) != 0) return;
            listener.Stop();
            foreach (HttpConnection connection in connections.Keys)
            {
                connection.Abort();
            }
        }
    }
}
