using Microsoft.AspNetCore.RateLimiting;

namespace Invitations.Api.DealerInvitations;

public static class DealerInvitationServiceCollectionExtensions
{
    public static IServiceCollection AddDealerInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DealerInvitationOptions>()
            .Bind(configuration.GetSection(DealerInvitationOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.RateLimitWindow > TimeSpan.Zero && o.ResendInterval >= TimeSpan.Zero, "DealerInvitations windows must be positive.")
            .ValidateOnStart();
        services.AddScoped<InvitationAnswerStore>();
        services.AddScoped<InvitationChangeNotifier>();
        services.AddSingleton<InvitationRateLimitPolicy>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, InvitationRateLimitPolicy>(InvitationRateLimitPolicy.Name));
        return services;
    }
}
