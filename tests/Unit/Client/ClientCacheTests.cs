using System.Collections.Generic;
using IRSteps.Client;
using Xunit;

namespace IRSteps.Tests
{
    public class ClientCacheTests
    {
        [Fact]
        public void The_same_connection_gets_the_same_client_without_creating_another()
        {
            var cache = new ClientCache<object>(4);
            int created = 0;
            object first = cache.GetOrAdd("a", () => { created++; return new object(); });
            object again = cache.GetOrAdd("a", () => { created++; return new object(); });

            Assert.Same(first, again);
            Assert.Equal(1, created);
        }

        [Fact]
        public void It_keeps_at_most_its_capacity_dropping_the_oldest_first()
        {
            var cache = new ClientCache<object>(2);
            var made = new List<string>();
            object Create(string key)
            {
                made.Add(key);
                return new object();
            }

            object a = cache.GetOrAdd("a", () => Create("a"));
            object b = cache.GetOrAdd("b", () => Create("b"));
            object c = cache.GetOrAdd("c", () => Create("c"));

            Assert.Equal(2, cache.Count);
            Assert.Same(b, cache.GetOrAdd("b", () => Create("b again")));
            Assert.Same(c, cache.GetOrAdd("c", () => Create("c again")));
            Assert.NotSame(a, cache.GetOrAdd("a", () => Create("a again")));
            Assert.Equal(new[] { "a", "b", "c", "a again" }, made);
            Assert.Equal(2, cache.Count);
        }
    }
}
