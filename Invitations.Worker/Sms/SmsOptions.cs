namespace Invitations.Worker.Sms;

public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    /// <summary><c>Log</c> (development: logs masked, stores the text for the dashboard) or <c>Http</c>.</summary>
    public string Provider { get; set; } = "Log";

    /// <summary>The invitation link is this plus the token.</summary>
    public string LinkBaseUrl { get; set; } = "http://127.0.0.1:5080/invitations/";

    /// <summary>Placeholders: {DealerName}, {Link}, {ExpiresAt}.</summary>
    public string InviteTemplate { get; set; } =
        "Merhaba {DealerName}, bayi davetiniz hazır. Daveti kabul etmek için: {Link} (son gün {ExpiresAt})";

    public string AccountTemplate { get; set; } =
        "Merhaba {DealerName}, bayi hesabınız oluşturuldu ve sponsorluk kodlarınız tanımlandı: {Link}";

    /// <summary>
    /// Messages per second to the gateway over every Worker together (issue 19), kept in PostgreSQL; 0: no limit
    /// (a 429 still pauses the sender).
    /// </summary>
    public double RatePerSecond { get; set; }

    /// <summary>The first pause after a 429 without <c>Retry-After</c>; it doubles while 429s go on.</summary>
    public TimeSpan ThrottleBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause after a 429, whatever <c>Retry-After</c> asks.</summary>
    public TimeSpan ThrottleMaxPause { get; set; } = TimeSpan.FromSeconds(30);

    public HttpSmsOptions Http { get; set; } = new();
}
