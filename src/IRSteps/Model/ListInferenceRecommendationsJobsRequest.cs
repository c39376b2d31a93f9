using System;

namespace IRSteps.Model
{
    /// <summary>The input of ListInferenceRecommendationsJobs; members left null are not sent. Times go out as UTC epoch seconds.</summary>
    public sealed class ListInferenceRecommendationsJobsRequest
    {
        public DateTime? CreationTimeAfter { get; set; }
        public DateTime? CreationTimeBefore { get; set; }
        public DateTime? LastModifiedTimeAfter { get; set; }
        public DateTime? LastModifiedTimeBefore { get; set; }
        public string? NameContains { get; set; }
        public string? StatusEquals { get; set; }
        public string? SortBy { get; set; }
        public string? SortOrder { get; set; }
        public string? NextToken { get; set; }
        public int? MaxResults { get; set; }
        public string? ModelNameEquals { get; set; }
        public string? ModelPackageVersionArnEquals { get; set; }

        /// <summary>A copy that asks for the page at <paramref name="token"/>; this request stays as it is.</summary>
        internal ListInferenceRecommendationsJobsRequest WithNextToken(string? token)
        {
            var copy = (ListInferenceRecommendationsJobsRequest)MemberwiseClone();
            copy.NextToken = token;
            return copy;
        }
    }
}
