using Invitations.Testing;

namespace Invitations.Data.Tests;

[SetUpFixture]
public sealed class TestRun() : TestRunFixture<TestRun>("infra");
