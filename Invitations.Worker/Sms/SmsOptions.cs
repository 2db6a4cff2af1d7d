namespace Invitations.Worker.Sms;

public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    /// <summary><c>Log</c> (development: logs masked, stores the text for the dashboard) or <c>Http</c>.</summary>
    public string Provider { get; set; } = "Log";

    /// <summary>
    /// The <c>Log</c> provider sends nothing yet marks every dealer invited: outside Development it refuses to
    /// start unless this is set (tests, benchmarks, demo stacks).
    /// </summary>
    public bool AllowLogProvider { get; set; }

    /// <summary>
    /// How long a started SMS attempt keeps other deliveries of its row from sending (a lease, committed before
    /// the request goes out). Longer than <see cref="HttpSmsOptions.Timeout"/>, so a slow gateway that still
    /// answers is never overtaken; shorter than the first scheduled redelivery, so a crashed attempt is taken
    /// over by it (README, "One SMS per dealer").
    /// </summary>
    public TimeSpan AttemptLease { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The invitation link is this plus the token.</summary>
    public string LinkBaseUrl { get; set; } = "http://127.0.0.1:5080/invitations/";

    /// <summary>Placeholders: {DealerName}, {Link}, {ExpiresAt}.</summary>
    public string InviteTemplate { get; set; } =
        "Merhaba {DealerName}, bayi davetiniz hazır. Daveti kabul etmek için: {Link} (son gün {ExpiresAt})";

    public string AccountTemplate { get; set; } =
        "Merhaba {DealerName}, bayi hesabınız oluşturuldu ve sponsorluk kodlarınız tanımlandı: {Link}";

    /// <summary>
    /// Messages per second to the gateway over every Worker together, kept in PostgreSQL; 0: no limit
    /// (a 429 still pauses the sender).
    /// </summary>
    public double RatePerSecond { get; set; }

    /// <summary>
    /// How many messages may leave together: at most this many in any window of <c>RateBurst / RatePerSecond</c>
    /// seconds (widened by <see cref="RateHeadroom"/>), over every Worker. 0 (the default): the gateway's second,
    /// <c>RatePerSecond</c> messages per second (at most <see cref="MaxRateBurst"/>), which is how gateways
    /// count their limit: a job's first second goes out at once, not spread over it. 1 spaces every message
    /// evenly, for a gateway that refuses bursts inside its second.
    /// </summary>
    public int RateBurst { get; set; }

    /// <summary>
    /// The share of the gateway's window added as a margin: the window the limiter keeps is
    /// <c>1 / (1 − this)</c> times the gateway's. A message leaves a few milliseconds after its slot when the
    /// machine is busy; at exactly the limit, such a late one lands in the gateway's next second on top of that
    /// second's full share and earns a 429, whose pause costs far more than the margin (docs/PERFORMANCE.md,
    /// "A real gateway").
    /// </summary>
    public double RateHeadroom { get; set; } = 0.02;

    /// <summary>
    /// The least time between two requests' slots, over every Worker. A window's worth of requests planned for one
    /// instant leaves over however long the machine takes to send that many (about 1 ms each on a busy 2-core
    /// host); the last of them, tens of milliseconds late, land that much closer to the next window's first
    /// ones, past the headroom, and either earn a 429 or give up their slot (<see cref="MaxSendLateness"/>).
    /// Spaced, each leaves about on time, one window after its counterpart of the window before. A job ends at
    /// most the spacing times a window's requests later (0.1 s for single sends at 100/s, 10 ms for batches of 10).
    /// Zero plans a window's worth for one instant.
    /// </summary>
    public TimeSpan RequestSpacing { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Requests a window's worth of messages makes at <see cref="HttpSmsOptions.BatchSize"/>.</summary>
    public int RequestsPerWindow => (RateWindowMessages + Math.Max(1, Http.BatchSize) - 1) / Math.Max(1, Http.BatchSize);

    /// <summary>The largest <see cref="RateBurst"/>: the shared window keeps one slot per message of it.</summary>
    public const int MaxRateBurst = 1000;

    /// <summary>Sends are limited (<see cref="RatePerSecond"/> above 0).</summary>
    public bool RateLimited => RatePerSecond > 0;

    /// <summary>Messages that may leave within one <see cref="RateWindow"/>.</summary>
    public int RateWindowMessages => RateBurst > 0 ? RateBurst : (int)Math.Clamp(Math.Floor(RatePerSecond), 1, MaxRateBurst);

    /// <summary>The window the limiter keeps: <see cref="RateWindowMessages"/> at the rate, widened by the headroom.</summary>
    public TimeSpan RateWindow => TimeSpan.FromSeconds(RateWindowMessages / (RatePerSecond * (1 - RateHeadroom)));

    /// <summary>
    /// How late after its slot a request may still leave; later, it takes a new slot instead. Within the
    /// headroom's share of the window (20 ms at 100/s) a late message can never put the gateway over its limit;
    /// up to this, only when the gateway's second begins just then, and the limiter's window drifts past the
    /// gateway's second by that share every window (once in 50 s at 100/s). A request later than this (a pause
    /// of the process) would land on the next window's share: it waits for a slot of its own.
    /// </summary>
    public TimeSpan MaxSendLateness { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The first pause after a 429 without <c>Retry-After</c>; it doubles while 429s go on.</summary>
    public TimeSpan ThrottleBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause after a 429, whatever <c>Retry-After</c> asks.</summary>
    public TimeSpan ThrottleMaxPause { get; set; } = TimeSpan.FromSeconds(30);

    public HttpSmsOptions Http { get; set; } = new();

    /// <summary>
    /// The lease of an attempt that starts now. The same for every row of a group, whatever its place in the
    /// group's queue of requests: a lease that grew with the queue (one timeout per request ahead) kept the rows
    /// of a Worker killed mid-group waiting up to two minutes before another could take them over.
    /// </summary>
    public DateTimeOffset ClaimUntil(DateTimeOffset now) => now + AttemptLease;
}
