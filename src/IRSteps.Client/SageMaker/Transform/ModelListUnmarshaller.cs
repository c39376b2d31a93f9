using System.Collections.Generic;
using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace IRSteps.Client.SageMaker.Transform
{
    /// <summary>
    /// A JSON array into a plain List&lt;T&gt; (Core's list unmarshaller returns its own List subclass, an SDK type
    /// that would otherwise reach the user's session); JSON null stays null.
    /// </summary>
    internal sealed class ModelListUnmarshaller<T> : IJsonUnmarshaller<List<T>?, JsonUnmarshallerContext>
        where T : class
    {
        private readonly IJsonUnmarshaller<T?, JsonUnmarshallerContext> item;

        public ModelListUnmarshaller(IJsonUnmarshaller<T?, JsonUnmarshallerContext> item)
        {
            this.item = item;
        }

        public List<T>? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null) return null;

            var list = new List<T>();
            while (!context.Peek(JsonTokenType.EndArray, ref reader))
            {
                list.Add(item.Unmarshall(context, ref reader)!); // a JSON null in a list stays null, as before
            }

            context.Read(ref reader);
            return list;
        }
    }
}
