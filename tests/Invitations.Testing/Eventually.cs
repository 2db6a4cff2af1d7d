namespace Invitations.Testing;

/// <summary>Waits for what a test expects to become true, polling; a wait, not a timing assertion.</summary>
public static class Eventually
{
    /// <summary>Polls every 100 ms until <paramref name="condition"/> holds or <paramref name="within"/> is up; then one last look.</summary>
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
