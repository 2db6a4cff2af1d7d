using Invitations.Testing;

namespace Invitations.Worker.Tests;

[SetUpFixture]
public sealed class TestRun() : TestRunFixture<TestRun>("worker");
