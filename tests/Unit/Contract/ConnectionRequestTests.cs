using System;
using IRSteps.Contract;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>
    /// ConnectionRequest.CacheKey(): the one key by which the cmdlets, the -JobName completer and the client factory
    /// decide that two requests may share a client.
    /// </summary>
    public class ConnectionRequestTests
    {
        private static ConnectionRequest Request(Action<ConnectionRequest> set = null)
        {
            var request = new ConnectionRequest { Region = "us-east-1", AccessKey = "AKIDA", SecretKey = "secret-a" };
            set?.Invoke(request);
            return request;
        }

        [Fact]
        public void Equal_requests_have_equal_keys_whatever_their_callbacks()
        {
            Assert.Equal(Request().CacheKey(), Request(r => { r.Verbose = _ => { }; r.ReadMfaCode = _ => "123456"; }).CacheKey());
        }

        [Theory]
        [InlineData("Region")]
        [InlineData("AccessKey")]
        [InlineData("SecretKey")]
        [InlineData("SessionToken")]
        [InlineData("ProfileName")]
        [InlineData("ProfileLocation")]
        [InlineData("EndpointUrl")]
        [InlineData("StoredRegion")]
        public void Any_value_that_differs_gives_another_key(string member)
        {
            string changed = Request(r => typeof(ConnectionRequest).GetProperty(member).SetValue(r, "other")).CacheKey();
            Assert.NotEqual(Request().CacheKey(), changed);
        }

        [Fact]
        public void The_timeout_is_part_of_the_key()
        {
            Assert.NotEqual(Request().CacheKey(), Request(r => r.RequestTimeout = TimeSpan.FromSeconds(5)).CacheKey());
        }

        [Fact]
        public void Distinct_credential_objects_never_share_a_key_and_one_object_keeps_its_own()
        {
            object shared = new object();
            Assert.NotEqual(Request(r => r.Credential = new object()).CacheKey(), Request(r => r.Credential = new object()).CacheKey());
            Assert.Equal(Request(r => r.Credential = shared).CacheKey(), Request(r => r.Credential = shared).CacheKey());
            Assert.NotEqual(Request(r => r.StoredCredentials = new object()).CacheKey(), Request(r => r.StoredCredentials = new object()).CacheKey());
            Assert.Equal(Request(r => r.StoredCredentials = "ops").CacheKey(), Request(r => r.StoredCredentials = new string("ops".ToCharArray())).CacheKey());
        }

        [Fact]
        public void A_change_in_the_AWS_environment_gives_another_key()
        {
            const string name = "AWS_IRSTEPS_CACHEKEY_TEST";
            string before = Request().CacheKey();
            Environment.SetEnvironmentVariable(name, "1");
            try
            {
                Assert.NotEqual(before, Request().CacheKey());
            }
            finally
            {
                Environment.SetEnvironmentVariable(name, null);
            }

            Assert.Equal(before, Request().CacheKey());
        }

        [Fact]
        public void The_key_holds_no_secret_in_clear()
        {
            string key = Request(r => { r.SecretKey = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY"; r.SessionToken = "token-in-clear"; }).CacheKey();
            Assert.DoesNotContain("wJalrXUtnFEMI", key);
            Assert.DoesNotContain("token-in-clear", key);
            Assert.DoesNotContain("AKIDA", key);
        }
    }
}
