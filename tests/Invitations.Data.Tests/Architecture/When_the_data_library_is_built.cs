using System.Xml.Linq;
using Invitations.Data.Persistence;

namespace Invitations.Data.Tests.Architecture;

/// <summary>The data library stays usable from any process: no web framework comes in with the model.</summary>
public sealed class When_the_data_library_is_built
{
    [Test]
    public void Should_reference_no_ASP_NET_Core_assembly()
    {
        var aspNetCore = typeof(InvitationsDbContext).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .ToList();

        Assert.That(aspNetCore, Is.Empty);
    }

    [Test]
    public void Should_take_neither_the_ASP_NET_Core_framework_nor_its_packages()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "Invitations.Data", "Invitations.Data.csproj"));
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "FrameworkReference" or "PackageReference")
            .Select(e => (string?)e.Attribute("Include") ?? string.Empty)
            .Where(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.That(references, Is.Empty);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Invitations.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Invitations.sln not found above the test directory.");
    }
}
