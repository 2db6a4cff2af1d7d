namespace Invitations.Data.Scheduling;

/// <summary>The due time of a scheduled message as stored: MassTransit's <c>ScheduledTime</c> in UTC.</summary>
public static class ScheduledTime
{
    public static DateTimeOffset AsUtc(DateTime time) =>
        new(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
