using IRSteps.Streams;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>Wait-IRJob's progress bars: the job name first, whole when the console has room for it.</summary>
    public class ProgressActivityTests
    {
        private const string LongName = "dynamic-resnet50-nightly-benchmark-against-the-production-ep-01";

        [Theory]
        [InlineData(80, true, 120, 40)]     // PowerShell 7's bar: half of the line
        [InlineData(120, true, 120, 60)]
        [InlineData(200, true, 120, 60)]    // the line is at most $PSStyle.Progress.MaxWidth
        [InlineData(200, true, 0, 100)]     // MaxWidth 0: no limit
        [InlineData(80, false, 120, 77)]    // the classic view: a line of its own
        public void Room_follows_the_host_s_rendering(int width, bool minimal, int maxWidth, int room)
        {
            Assert.Equal(room, ProgressActivity.Room(width, minimal, maxWidth));
        }

        [Fact]
        public void A_name_that_fits_stays_whole()
        {
            Assert.Equal("nightly-resnet50", ProgressActivity.Fit("nightly-resnet50", 40));
            Assert.Equal(new string('a', 40), ProgressActivity.Fit(new string('a', 40), 40));
            Assert.Equal(LongName, ProgressActivity.Fit(LongName, null));
        }

        [Fact]
        public void A_longer_name_keeps_its_start_and_its_end_within_the_room()
        {
            string fitted = ProgressActivity.Fit(LongName, 40);

            Assert.Equal(40, fitted.Length);
            Assert.Equal("dynamic-resnet50-ni\u2026the-production-ep-01", fitted);
            Assert.NotEqual(fitted, ProgressActivity.Fit(LongName.Replace("-01", "-02"), 40));
        }
    }
}
