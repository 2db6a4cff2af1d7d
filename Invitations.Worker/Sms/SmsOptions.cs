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

    public HttpSmsOptions Http { get; set; } = new();
}
