using IRSteps.Errors;

namespace IRSteps.Paging
{
    /// <summary>What an <see cref="OrderedReader{T}"/> hands over.</summary>
    internal enum DeliveryKind
    {
        /// <summary>An item of a listing, admitted by -Skip/-First.</summary>
        Item,

        /// <summary>The end of a page handed over; <see cref="Delivery{T}.NextToken"/> is the token after it.</summary>
        PageEnd,

        /// <summary>The listing failed: <see cref="Delivery{T}.Failure"/>, after the items read before it.</summary>
        Failure,

        /// <summary>Input refused before any request: <see cref="Delivery{T}.Refusal"/>, as the caller gave it.</summary>
        Refusal,
    }

    /// <summary>One thing an <see cref="OrderedReader{T}"/> hands over, with the listing it belongs to (its target).</summary>
    internal readonly struct Delivery<T>
    {
        private Delivery(DeliveryKind kind, object? target, T item, string? nextToken, IRStepsServiceException? failure, object? refusal)
        {
            Kind = kind;
            Target = target;
            Item = item;
            NextToken = nextToken;
            Failure = failure;
            Refusal = refusal;
        }

        public DeliveryKind Kind { get; }
        public object? Target { get; }
        public T Item { get; }
        public string? NextToken { get; }
        public IRStepsServiceException? Failure { get; }
        public object? Refusal { get; }

        public static Delivery<T> ForItem(object? target, T item) => new Delivery<T>(DeliveryKind.Item, target, item, null, null, null);

        public static Delivery<T> ForPageEnd(object? target, string? nextToken) => new Delivery<T>(DeliveryKind.PageEnd, target, default!, nextToken, null, null);

        public static Delivery<T> ForFailure(object? target, IRStepsServiceException failure) => new Delivery<T>(DeliveryKind.Failure, target, default!, null, failure, null);

        public static Delivery<T> ForRefusal(object? target, object refusal) => new Delivery<T>(DeliveryKind.Refusal, target, default!, null, null, refusal);
    }
}
