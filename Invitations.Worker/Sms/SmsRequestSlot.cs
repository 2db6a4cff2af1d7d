namespace Invitations.Worker.Sms;

/// <summary>One request of a round: the next <paramref name="Messages"/> messages, leaving at <paramref name="At"/> (local clock).</summary>
public sealed record SmsRequestSlot(int Messages, DateTimeOffset At);
