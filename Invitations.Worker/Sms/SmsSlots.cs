namespace Invitations.Worker.Sms;

/// <summary>
/// Send slots handed out by <see cref="SmsRateLimiter"/>: message <c>k</c> of the acquisition may leave at
/// <see cref="FirstAt"/> plus <c>k</c> intervals (local clock). A zero interval is no limit.
/// </summary>
public sealed record SmsSlots(DateTimeOffset FirstAt, TimeSpan Interval)
{
    public DateTimeOffset At(double index) => FirstAt + (Interval * index);
}
