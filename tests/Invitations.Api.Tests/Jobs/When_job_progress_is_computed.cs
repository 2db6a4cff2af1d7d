using Invitations.Contracts.BulkInvitations;

namespace Invitations.Api.Tests.Jobs;

/// <summary>JobProgress, what the status endpoint, the support view and the live progress show.</summary>
public sealed class When_job_progress_is_computed
{
    [Test]
    public void Should_count_a_row_processed_once_it_succeeded_failed_or_was_skipped()
    {
        Assert.That(JobProgress.Processed(succeeded: 3, failed: 2, skipped: 1), Is.EqualTo(6));
    }

    [TestCase(2, 3, 66.6)]
    [TestCase(1, 3, 33.3)]
    [TestCase(1999, 2000, 99.9)]
    [TestCase(1, 2000, 0.0)]
    [TestCase(2000, 2000, 100.0)]
    [TestCase(0, 0, 0.0)]
    [TestCase(5, 4, 100.0)]
    public void Should_give_the_percentage_with_one_decimal_rounded_down(int processed, int total, double expected)
    {
        Assert.That(JobProgress.Percentage(processed, total), Is.EqualTo(expected));
    }

    [Test]
    public void Should_write_the_percentage_in_json_with_one_decimal()
    {
        Assert.That(System.Text.Json.JsonSerializer.Serialize(JobProgress.Percentage(2, 3)), Is.EqualTo("66.6"));
    }
}
