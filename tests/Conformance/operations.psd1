# The operations IRSteps wraps, one line each; tests/Pester/Conformance.Tests.ps1 checks each against the official
# service model and the AWS SDK. Read is the input of one call whose whole output is compared, member by
# member, with what @aws-sdk/client-sagemaker reads for the same input; it must reach the every-member job
# 'conformance-every-member' (generated from the official model) and make every output member appear,
# NextToken included. Read = $null for an operation that returns nothing.
@{
    Operations = @(
        @{ Name = 'ListInferenceRecommendationsJobSteps'; Read = @{ JobName = 'conformance-every-member'; MaxResults = 1 } }
        # The every-member job is the oldest, so it comes first; MaxResults 1 leaves a NextToken.
        @{ Name = 'ListInferenceRecommendationsJobs'; Read = @{ SortBy = 'CreationTime'; SortOrder = 'Ascending'; MaxResults = 1 } }
        @{ Name = 'DescribeInferenceRecommendationsJob'; Read = @{ JobName = 'conformance-every-member' } }
        @{ Name = 'StopInferenceRecommendationsJob'; Read = $null }
    )
}
