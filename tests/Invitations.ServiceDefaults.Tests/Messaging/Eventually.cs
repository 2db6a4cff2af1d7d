namespace Invitations.ServiceDefaults.Tests.Messaging;

internal static class Eventually
{
    /// <summary>Polls until the condition holds or the time is up (a wait, not a timing assertion).</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }
}
