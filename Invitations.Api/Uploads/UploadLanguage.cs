namespace Invitations.Api.Uploads;

/// <summary>The language of messages: Turkish when the caller's Accept-Language prefers it, otherwise English.</summary>
public enum UploadLanguage
{
    English,
    Turkish,
}
