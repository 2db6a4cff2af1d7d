namespace Invitations.Worker.Dealers;

/// <summary>An SMS attempt claimed on an invitation made earlier (<see cref="DealerCommands.ClaimSms"/>).</summary>
internal sealed record SmsClaim(Guid InvitationId, int Attempt, DateTimeOffset At, DateTimeOffset Until, bool Takeover);

/// <summary>An SMS attempt's result (<see cref="DealerCommands.SettleSms"/>): sent, or not and perhaps in doubt.</summary>
internal sealed record SmsSettlement(Guid InvitationId, int Attempt, DateTimeOffset? SentAt, string? ProviderMessageId, bool InDoubt);
