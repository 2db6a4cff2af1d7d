using System.Globalization;
using System.Text;

namespace Invitations.Benchmarks.Gateway;

/// <summary>The gateway scenario's table for docs/PERFORMANCE.md.</summary>
public static class GatewayReport
{
    public static string Render(IReadOnlyList<GatewayResult> results, double ratePerSecond)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine("## A real gateway: 200 ms, 100 messages/s, delivery reports 1 s later").AppendLine();
        s.AppendLine(inv, $"Gateway stub process, two Worker processes, 2,000 dealers, `Sms:RatePerSecond` {ratePerSecond}; job time from the upload to the completion; first SMS: from the upload until the gateway takes the first; busiest second: the most messages the gateway took in any one second (sliding); phases over the limit: the share of the phases a gateway's one-second window could have in which one of its seconds would hold more than the limit (0: no 429, whatever the gateway's clock); reports: from the upload until the last `Delivered` is recorded.").AppendLine();
        s.AppendLine("| sends | job s | messages/s | ÷ limit | requests | 429s | 429 share | first SMS, s | busiest second | phases over the limit | every report recorded, s |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            s.AppendLine(inv, $"| {r.Mode} | {r.JobSeconds:F2} | {r.MessagesPerSecond:F1} | {r.OfTheLimit:F3} | {r.Requests} | {r.RateLimited} | {r.RateLimitedShare:P2} | {r.Sends.FirstAcceptedSeconds:F2} | {r.Sends.BusiestSecond} | {r.Sends.PhasesOverLimit:P1} | {r.ReportsSeconds:F2} |");
        }

        return s.ToString();
    }
}
