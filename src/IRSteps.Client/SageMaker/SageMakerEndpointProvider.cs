using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace IRSteps.Client.SageMaker
{
    /// <summary>
    /// SageMaker's endpoint rules (sagemaker-2017-07-24 rule set): a custom endpoint as given;
    /// api.sagemaker.{region}.{dnsSuffix}; FIPS is api-fips.sagemaker.{region}.amazonaws.com in the aws and
    /// aws-us-gov partitions and api.sagemaker-fips elsewhere; dual-stack uses the partition's dual-stack suffix.
    /// </summary>
    internal sealed class SageMakerEndpointProvider : IEndpointProvider
    {
        public Endpoint ResolveEndpoint(EndpointParameters parameters)
        {
            if (parameters == null) throw new ArgumentNullException(nameof(parameters));
            bool fips = Equals(parameters["UseFIPS"], true);
            bool dualStack = Equals(parameters["UseDualStack"], true);
            var refs = new Dictionary<string, object>
            {
                ["Region"] = parameters["Region"],
                ["UseDualStack"] = parameters["UseDualStack"],
                ["UseFIPS"] = parameters["UseFIPS"],
                ["Endpoint"] = parameters["Endpoint"],
            };

            if (Fn.IsSet(refs["Endpoint"]))
            {
                if (fips) throw new AmazonClientException("Invalid Configuration: FIPS and custom endpoint are not supported");
                if (dualStack) throw new AmazonClientException("Invalid Configuration: Dualstack and custom endpoint are not supported");
                return Make((string)refs["Endpoint"], refs);
            }

            if (!Fn.IsSet(refs["Region"]) || (refs["PartitionResult"] = Fn.Partition((string)refs["Region"])) == null)
            {
                throw new AmazonClientException("Invalid Configuration: Missing Region");
            }

            object partition = refs["PartitionResult"];
            bool supportsFips = Equals(Fn.GetAttr(partition, "supportsFIPS"), true);
            bool supportsDualStack = Equals(Fn.GetAttr(partition, "supportsDualStack"), true);
            string? partitionName = Fn.GetAttr(partition, "name") as string;

            if (fips && dualStack)
            {
                if (supportsFips && supportsDualStack) return Make("https://api.sagemaker-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", refs);
                throw new AmazonClientException("FIPS and DualStack are enabled, but this partition does not support one or both");
            }

            if (fips)
            {
                if (!supportsFips) throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
                return partitionName == "aws" || partitionName == "aws-us-gov"
                    ? Make("https://api-fips.sagemaker.{Region}.amazonaws.com", refs)
                    : Make("https://api.sagemaker-fips.{Region}.{PartitionResult#dnsSuffix}", refs);
            }

            if (dualStack)
            {
                if (!supportsDualStack) throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");
                return Make("https://api.sagemaker.{Region}.{PartitionResult#dualStackDnsSuffix}", refs);
            }

            return Make("https://api.sagemaker.{Region}.{PartitionResult#dnsSuffix}", refs);
        }

        private static Endpoint Make(string template, Dictionary<string, object> refs)
        {
            return new Endpoint(Fn.Interpolate(template, refs), Fn.InterpolateJson(string.Empty, refs), Fn.InterpolateJson(string.Empty, refs));
        }
    }
}
