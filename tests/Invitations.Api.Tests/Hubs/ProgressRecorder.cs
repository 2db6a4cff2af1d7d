using System.Collections.Concurrent;
using Invitations.Api.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace Invitations.Api.Tests.Hubs;

/// <summary>Everything one connection heard, in arrival order.</summary>
public sealed class ProgressRecorder
{
    private readonly ConcurrentQueue<object> _messages = new();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ProgressRecorder(HubConnection connection)
    {
        connection.On<BulkInvitationProgressMessage>(nameof(IBulkInvitationClient.BulkInvitationProgress), m => _messages.Enqueue(m));
        connection.On<BulkInvitationCompletedMessage>(nameof(IBulkInvitationClient.BulkInvitationCompleted), m =>
        {
            _messages.Enqueue(m);
            _completed.TrySetResult();
        });
    }

    public IReadOnlyList<object> Messages => [.. _messages];

    public IReadOnlyList<BulkInvitationProgressMessage> Progress => [.. _messages.OfType<BulkInvitationProgressMessage>()];

    public IReadOnlyList<BulkInvitationCompletedMessage> Completions => [.. _messages.OfType<BulkInvitationCompletedMessage>()];

    public Task Completed => _completed.Task;
}
