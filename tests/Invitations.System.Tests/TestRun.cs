using Invitations.Testing;

namespace Invitations.System.Tests;

[SetUpFixture]
public sealed class TestRun() : TestRunFixture<TestRun>("system");
