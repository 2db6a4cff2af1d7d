namespace Invitations.ServiceDefaults.Messaging;

/// <summary>
/// A consume outlived <see cref="RabbitMqOptions.ConsumeDeadline"/>. A cancellation on purpose: MassTransit
/// sends a cancelled consume neither to the error queue nor as a fault, it returns the message to its queue.
/// </summary>
public sealed class ConsumeDeadlineExceededException(string message) : OperationCanceledException(message);
