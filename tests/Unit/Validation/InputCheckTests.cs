using IRSteps.Validation;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>The checks made on input before anything is sent: enum-like values and plain-http endpoints.</summary>
    public class InputCheckTests
    {
        [Theory]
        [InlineData("completed", "COMPLETED")]
        [InlineData(" In_Progress ", "IN_PROGRESS")]
        [InlineData("FAILED", "FAILED")]
        [InlineData("ARCHIVED", "ARCHIVED")] // SageMaker's style, not known yet: the service judges it
        [InlineData(null, null)]
        public void Step_statuses_are_accepted_in_any_case_and_sent_as_SageMaker_spells_them(string given, string sent)
        {
            Assert.True(ServiceValues.StepStatus.TryNormalize("Status", given, out string normalized, out string problem));
            Assert.Equal(sent, normalized);
            Assert.Null(problem);
        }

        [Theory]
        [InlineData("done")]
        [InlineData("Complete")]
        [InlineData("")]
        [InlineData("COMPLETED;DROP")]
        public void Anything_else_is_refused_with_the_known_values(string given)
        {
            Assert.False(ServiceValues.StepStatus.TryNormalize("Status", given, out _, out string problem));
            Assert.Contains("-Status '" + given + "' is not a step status", problem);
            Assert.Contains("PENDING, IN_PROGRESS, COMPLETED, FAILED, STOPPING, STOPPED, DELETING, DELETED", problem);
        }

        [Theory]
        [InlineData("creationtime", "CreationTime")]
        [InlineData("NAME", "Name")]
        [InlineData("LastModifiedTime", "LastModifiedTime")] // PascalCase like the service's own: passed on
        public void Sort_keys_follow_their_own_style(string given, string sent)
        {
            Assert.True(ServiceValues.JobSortBy.TryNormalize("SortBy", given, out string normalized, out _));
            Assert.Equal(sent, normalized);
            Assert.False(ServiceValues.JobSortBy.TryNormalize("SortBy", "CREATION_TIME", out _, out string problem));
            Assert.Contains("Name, CreationTime, Status", problem);
        }

        [Fact]
        public void A_time_window_the_wrong_way_round_is_refused()
        {
            var early = new System.DateTime(2024, 6, 1, 0, 0, 0, System.DateTimeKind.Utc);
            var late = early.AddDays(1);

            Assert.True(TimeWindow.IsOpen("CreationTimeAfter", early, "CreationTimeBefore", late, out _));
            Assert.True(TimeWindow.IsOpen("CreationTimeAfter", null, "CreationTimeBefore", early, out _));
            Assert.False(TimeWindow.IsOpen("CreationTimeAfter", late, "CreationTimeBefore", early, out string problem));
            Assert.Equal("-CreationTimeAfter (2024-06-02 00:00:00Z) is later than -CreationTimeBefore (2024-06-01 00:00:00Z), so no job could match. Swap them.", problem);
            Assert.True(TimeWindow.IsOpen("CreationTimeAfter", early, "CreationTimeBefore", early, out _));
        }

        [Theory]
        [InlineData("http://example.invalid/")]
        [InlineData("http://10.0.0.7:8080")]
        [InlineData("HTTP://sagemaker.corp.example")]
        [InlineData("http://user:PassInUrl@example.invalid/")]
        public void Plain_http_to_another_host_is_warned_about_naming_only_the_host(string url)
        {
            string warning = EndpointSafety.PlainHttpWarning(url);

            Assert.NotNull(warning);
            Assert.Contains("plain http to '", warning);
            Assert.DoesNotContain("PassInUrl", warning);
            Assert.DoesNotContain("user", warning);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000")]
        [InlineData("http://127.8.9.10/")]
        [InlineData("http://localhost:5000")]
        [InlineData("http://[::1]:5000")]
        [InlineData("https://example.invalid/")]
        [InlineData("not a url")]
        [InlineData(null)]
        public void Loopback_https_and_what_is_no_URL_are_not_warned_about(string url)
        {
            Assert.Null(EndpointSafety.PlainHttpWarning(url));
        }
    }
}
