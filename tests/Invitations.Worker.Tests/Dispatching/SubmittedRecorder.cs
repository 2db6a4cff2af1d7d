using System.Collections.Concurrent;
using Invitations.Contracts.BulkInvitations;
using MassTransit;

namespace Invitations.Worker.Tests.Dispatching;

/// <summary>Records what the dispatcher published, through the real broker.</summary>
public sealed class SubmittedRecorder(SubmittedInbox inbox) : IConsumer<BulkInvitationSubmitted>
{
    public Task Consume(ConsumeContext<BulkInvitationSubmitted> context)
    {
        inbox.Add(context.Message.BulkJobId);
        return Task.CompletedTask;
    }
}
