using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security;
using System.Text;
using IRSteps.Emulator.Auth;
using IRSteps.Emulator.Jobs;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Operations
{
    /// <summary>
    /// A little STS over the awsQuery protocol (a form in, XML out), as the AWS SDKs call it: AssumeRole, whose
    /// credentials (ASIAEMU...) the emulator then accepts with their session token, and GetCallerIdentity.
    /// </summary>
    internal static class StsOperations
    {
        public const string XmlContentType = "text/xml";
        private const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

        public static ApiResponse AssumeRole(OperationContext c)
        {
            c.Form.TryGetValue("RoleArn", out string roleArn);
            c.Form.TryGetValue("RoleSessionName", out string sessionName);
            if (string.IsNullOrEmpty(roleArn) || string.IsNullOrEmpty(sessionName))
                return Error(400, "Sender", "ValidationError",
                    "1 validation error detected: Value null at '" + (string.IsNullOrEmpty(roleArn) ? "roleArn" : "roleSessionName") + "' failed to satisfy constraint: Member must not be null",
                    c.RequestId);

            int duration = c.Form.TryGetValue("DurationSeconds", out string text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds) ? seconds : 3600;
            IssuedCredentials credentials = c.Keys.Issue(roleArn, sessionName, duration, DateTimeOffset.FromUnixTimeMilliseconds((long)(c.Now * 1000)));
            string roleName = roleArn.Substring(roleArn.LastIndexOf('/') + 1);
            string[] arnParts = roleArn.Split(':');
            string account = arnParts.Length > 4 && arnParts[4].Length > 0 ? arnParts[4] : JobStore.AccountId;

            return Xml(200, $"""
                <AssumeRoleResponse xmlns="{Namespace}">
                  <AssumeRoleResult>
                    <AssumedRoleUser>
                      <AssumedRoleId>AROAEMULATOR000000000:{X(sessionName)}</AssumedRoleId>
                      <Arn>arn:aws:sts::{X(account)}:assumed-role/{X(roleName)}/{X(sessionName)}</Arn>
                    </AssumedRoleUser>
                    <Credentials>
                      <AccessKeyId>{credentials.AccessKeyId}</AccessKeyId>
                      <SecretAccessKey>{X(credentials.SecretAccessKey)}</SecretAccessKey>
                      <SessionToken>{X(credentials.SessionToken)}</SessionToken>
                      <Expiration>{credentials.Expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</Expiration>
                    </Credentials>
                  </AssumeRoleResult>
                  <ResponseMetadata>
                    <RequestId>{c.RequestId}</RequestId>
                  </ResponseMetadata>
                </AssumeRoleResponse>
                """);
        }

        public static ApiResponse GetCallerIdentity(OperationContext c)
        {
            string arn, userId;
            if (c.Caller.AccessKey != null && c.Keys.TryGetIssued(c.Caller.AccessKey, out IssuedCredentials issued))
            {
                string roleName = issued.RoleArn.Substring(issued.RoleArn.LastIndexOf('/') + 1);
                arn = "arn:aws:sts::" + JobStore.AccountId + ":assumed-role/" + roleName + "/" + issued.RoleSessionName;
                userId = "AROAEMULATOR000000000:" + issued.RoleSessionName;
            }
            else
            {
                arn = "arn:aws:iam::" + JobStore.AccountId + ":user/irsteps-emulator";
                userId = "AIDAEMULATOR000000000";
            }

            return Xml(200, $"""
                <GetCallerIdentityResponse xmlns="{Namespace}">
                  <GetCallerIdentityResult>
                    <Arn>{X(arn)}</Arn>
                    <UserId>{X(userId)}</UserId>
                    <Account>{JobStore.AccountId}</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata>
                    <RequestId>{c.RequestId}</RequestId>
                  </ResponseMetadata>
                </GetCallerIdentityResponse>
                """);
        }

        /// <summary>An awsQuery error document (the SDKs read Code and Message from it).</summary>
        public static ApiResponse Error(int status, string type, string code, string message, string requestId) =>
            new ApiResponse(Encoding.UTF8.GetBytes($"""
                <ErrorResponse xmlns="{Namespace}">
                  <Error>
                    <Type>{type}</Type>
                    <Code>{X(code)}</Code>
                    <Message>{X(message)}</Message>
                  </Error>
                  <RequestId>{requestId}</RequestId>
                </ErrorResponse>
                """), status, XmlContentType, code);

        /// <summary>The parameters of an application/x-www-form-urlencoded body.</summary>
        public static Dictionary<string, string> ParseForm(string body)
        {
            var form = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string pair in body.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=');
                string name = Uri.UnescapeDataString((equals < 0 ? pair : pair.Substring(0, equals)).Replace('+', ' '));
                form[name] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
            }

            return form;
        }

        private static ApiResponse Xml(int status, string xml) => new ApiResponse(Encoding.UTF8.GetBytes(xml), status, XmlContentType);

        private static string X(string s) => SecurityElement.Escape(s);
    }
}
