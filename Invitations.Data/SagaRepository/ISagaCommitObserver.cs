namespace Invitations.Data.SagaRepository;

/// <summary>Told, in the consume scope, once the saga repository has committed a message's transaction.</summary>
public interface ISagaCommitObserver
{
    void Committed();
}
