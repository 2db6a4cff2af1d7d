namespace Invitations.Benchmarks.Gateway;

/// <summary>One gateway run: 2,000 dealers, two Workers, a gateway of 200 ms allowing 100 messages/s.</summary>
public sealed record GatewayResult(
    string Mode, int Dealers, int RateLimit, double JobSeconds, long Accepted, long Requests, long RateLimited, double ReportsSeconds, GatewaySends Sends)
{
    public double MessagesPerSecond => Accepted / JobSeconds;

    public double OfTheLimit => MessagesPerSecond / RateLimit;

    public double RateLimitedShare => Requests == 0 ? 0 : (double)RateLimited / Requests;
}
