using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace IRSteps.Client.SageMaker.Transform
{
    /// <summary>
    /// Reads one JSON object into a model type: null for a JSON null, members we know into their
    /// properties, members we don't know skipped (the service adds members; a script must not break).
    /// </summary>
    internal abstract class StructureUnmarshaller<T> : IJsonUnmarshaller<T?, JsonUnmarshallerContext>
        where T : class, new()
    {
        public T? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            if (context.IsEmptyResponse) return null;
            context.Read(ref reader);
            JsonTokenType? token = context.CurrentTokenType;
            if (token == JsonTokenType.Null) return null;

            // Anything but an object (a string where a list of objects belongs, or the end of the answer) is a
            // malformed answer. Read on regardless and Core's list reader would add empty objects for ever.
            if (token != JsonTokenType.StartObject)
            {
                throw new JsonException("Expected an object (" + typeof(T).Name + ") at '" + context.CurrentPath + "', found " +
                                        (token?.ToString() ?? "the end of the answer") + ".");
            }

            var result = new T();
            int depth = context.CurrentDepth;
            while (context.ReadAtDepth(depth, ref reader))
            {
                ReadMember(context, ref reader, depth, result);
            }

            return result;
        }

        protected abstract void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, T result);
    }
}
