namespace Invitations.System.Tests.Support;

/// <summary>One queue as the management API reports it (figures refreshed about every 5 s).</summary>
public sealed record QueueDepth(string Name, long Ready, long Unacknowledged, long Consumers)
{
    public long Messages => Ready + Unacknowledged;

    public override string ToString() => $"{Name}: ready {Ready}, unacked {Unacknowledged}, consumers {Consumers}";
}
