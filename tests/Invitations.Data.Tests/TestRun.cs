using Invitations.Testing;

namespace Invitations.Infrastructure.Tests;

[SetUpFixture]
public sealed class TestRun() : TestRunFixture<TestRun>("infra");
