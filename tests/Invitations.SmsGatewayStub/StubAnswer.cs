namespace Invitations.SmsGatewayStub;

/// <summary>What the batch endpoint counts in the gateway's stats.</summary>
public enum StubAnswer
{
    Request,
    Down,
    RateLimited,
    Unauthorized,
    BadRequest,
}
