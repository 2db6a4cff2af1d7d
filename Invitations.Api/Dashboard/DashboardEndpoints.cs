using Invitations.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace Invitations.Api.Dashboard;

/// <summary>
/// The sponsor dashboard (<c>/</c>, wwwroot/index.html through the default-files middleware) and the
/// support console (<c>/support</c>). Both are static pages; the browser calls the API with its token.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/support", (IWebHostEnvironment environment) =>
                TypedResults.Stream(environment.WebRootFileProvider.GetFileInfo("support.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription()
            .AllowAnonymous();

        // Tells the pages whether they may offer the development sign-in; real tokens come from the platform.
        app.MapGet("/dashboard/config.json", (IOptions<AuthOptions> auth) => TypedResults.Ok(new DashboardConfig(auth.Value.DevTokens)))
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }

    private sealed record DashboardConfig(bool DevTokens);
}
