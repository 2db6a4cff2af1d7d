namespace Invitations.Testing.Sms;

/// <summary>How a gateway that counts any one second (sliding) sees a series of sends.</summary>
public static class SlidingSecond
{
    /// <summary>The most of <paramref name="ordered"/> (one entry per message, in order) within any one second.</summary>
    public static int Busiest(IReadOnlyList<DateTimeOffset> ordered)
    {
        var most = 0;
        var end = 0;
        for (var start = 0; start < ordered.Count; start++)
        {
            while (end < ordered.Count && ordered[end] < ordered[start].AddSeconds(1))
            {
                end++;
            }

            most = Math.Max(most, end - start);
        }

        return most;
    }
}
