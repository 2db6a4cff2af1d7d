namespace Invitations.Api.SmsDeliveryReports;

public static class SmsDeliveryReportServiceCollectionExtensions
{
    public static IServiceCollection AddSmsDeliveryReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsDeliveryReportOptions>()
            .Bind(configuration.GetSection(SmsDeliveryReportOptions.SectionName))
            .Validate(o => o.Secret.Length is 0 or >= 16, "SmsDeliveryReports:Secret must be empty (reports refused) or at least 16 characters.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.SignatureHeader), "SmsDeliveryReports:SignatureHeader is required.")
            .Validate(o => o.MaxBodyBytes is >= 256 and <= 1_048_576, "SmsDeliveryReports:MaxBodyBytes must be between 256 and 1048576.")
            .ValidateOnStart();
        services.AddScoped<SmsDeliveryReportStore>();
        services.AddScoped<SmsDeliveryCounts>();
        return services;
    }
}
