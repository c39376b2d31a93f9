using System;
using System.Collections.Generic;

namespace IRSteps.Client
{
    /// <summary>
    /// The SageMaker clients of a session, one per connection (credentials, region, endpoint, profile files as
    /// written, AWS_* environment), at most <see cref="Capacity"/> of them: a session that keeps changing those
    /// (a test suite, a loop over accounts and regions) would otherwise keep every client it ever made. The
    /// oldest is dropped first, and not disposed: a command may still be using it; it goes with the garbage.
    /// </summary>
    internal sealed class ClientCache<T> where T : class
    {
        private readonly object gate = new object();
        private readonly Dictionary<string, T> clients = new Dictionary<string, T>(StringComparer.Ordinal);
        private readonly Queue<string> oldestFirst = new Queue<string>();

        public ClientCache(int capacity)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
            Capacity = capacity;
        }

        public int Capacity { get; }

        public int Count
        {
            get
            {
                lock (gate) return clients.Count;
            }
        }

        public T GetOrAdd(string key, Func<T> create)
        {
            lock (gate)
            {
                if (clients.TryGetValue(key, out T client)) return client;

                client = create();
                clients.Add(key, client);
                oldestFirst.Enqueue(key);
                while (oldestFirst.Count > Capacity)
                {
                    clients.Remove(oldestFirst.Dequeue());
                }

                return client;
            }
        }
    }
}
