using System.Buffers;
using System.Text.Json;

namespace IRSteps.Emulator.Operations;

/// <summary>Everything an operation needs to answer one request.</summary>
internal sealed class OperationContext
{
    public required JobStore Jobs { get; init; }
    public required JsonElement Input { get; init; }
    /// <summary>Region from the request's credential scope (used in ARNs).</summary>
    public required string Region { get; init; }
    /// <summary>Epoch seconds at which the request is answered.</summary>
    public required double Now { get; init; }
    /// <summary>RepeatToken / EmptyPageWithToken when such a fault hit this request.</summary>
    public FaultKind? PagingFault { get; init; }

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        using (var w = new Utf8JsonWriter(buffer, Fixtures.WriterOptions))
            body(w);
        return buffer.WrittenSpan.ToArray();
    }
}
