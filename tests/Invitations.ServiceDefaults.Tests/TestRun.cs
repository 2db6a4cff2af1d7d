using Invitations.Testing;

namespace Invitations.ServiceDefaults.Tests;

[SetUpFixture]
public sealed class TestRun() : TestRunFixture<TestRun>("defaults");
