using System;
using System.Management.Automation;

namespace IRSteps.Validation
{
    /// <summary>
    /// -JobName of the AWS cmdlets: names, objects with a JobName, and arrays of both, made into the string[] the
    /// parameter holds (<see cref="JobNameArguments"/>). It applies to pipeline input too, so a job piped by value
    /// means the same as the job given as an argument.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class JobNameTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            JobNameArguments.Names(inputData, PowerShellObjects.Instance);
    }
}
