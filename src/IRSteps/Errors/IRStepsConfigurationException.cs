using System;

namespace IRSteps.Errors
{
    /// <summary>Credentials, region or endpoint could not be settled before any call was made.</summary>
    public sealed class IRStepsConfigurationException : Exception
    {
        public IRStepsConfigurationException(string errorId, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
        }

        /// <summary>One of <see cref="ErrorIds"/>.</summary>
        public string ErrorId { get; }
    }
}
