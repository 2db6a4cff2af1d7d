using Invitations.Testing;

namespace Invitations.Sagas.Tests;

[SetUpFixture]
public sealed class TestRun() : TestRunFixture<TestRun>("sagas");
