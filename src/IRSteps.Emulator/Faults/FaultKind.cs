using System;
using IRSteps.Emulator.Http;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Faults
{
    /// <summary>What the request a fault hits is about.</summary>
    internal sealed class FaultContext
    {
        public FaultContext(string operation, string jobName, string region, HttpRequest request)
        {
            Operation = operation;
            JobName = jobName;
            Region = region;
            Request = request;
        }

        public string Operation { get; }

        public string JobName { get; }

        public string Region { get; }

        public HttpRequest Request { get; }
    }

    /// <summary>
    /// One kind of fault. After its delay, a fault either holds the request (never answers), answers instead of the
    /// operation, lets the operation answer (operations read the fault's name: the paging faults), and may then
    /// break the answer on the wire. Register a new kind in <see cref="FaultKinds"/>.
    /// </summary>
    internal abstract class FaultKind
    {
        protected FaultKind(string name)
        {
            Name = name;
        }

        public string Name { get; }

        /// <summary>Never answers: the request is held until its client disconnects or the emulator stops.</summary>
        public virtual bool Holds => false;

        /// <summary>The answer sent instead of the operation's, or null to let the operation answer.</summary>
        public virtual ApiResponse Replace(FaultContext context) => null;

        /// <summary>Changes the answer on its way out (cut short, connection reset, a pause before the body).</summary>
        public virtual void Shape(HttpResponse response)
        {
        }
    }

    /// <summary>Answers with a canned response instead of the operation.</summary>
    internal sealed class ReplyFault : FaultKind
    {
        private readonly Func<FaultContext, ApiResponse> reply;

        public ReplyFault(string name, Func<FaultContext, ApiResponse> reply)
            : base(name)
        {
            this.reply = reply;
        }

        public override ApiResponse Replace(FaultContext context) => reply(context);
    }

    /// <summary>Lets the operation answer, then breaks the answer on the wire.</summary>
    internal sealed class WireFault : FaultKind
    {
        private readonly Action<HttpResponse> shape;

        public WireFault(string name, Action<HttpResponse> shape)
            : base(name)
        {
            this.shape = shape;
        }

        public override void Shape(HttpResponse response) => shape(response);
    }

    /// <summary>Never answers.</summary>
    internal sealed class HoldFault : FaultKind
    {
        public HoldFault(string name)
            : base(name)
        {
        }

        public override bool Holds => true;
    }

    /// <summary>Changes nothing here: its delay (Slow), or the operations that read its name (the paging faults), do the work.</summary>
    internal sealed class MarkerFault : FaultKind
    {
        public MarkerFault(string name)
            : base(name)
        {
        }
    }
}
