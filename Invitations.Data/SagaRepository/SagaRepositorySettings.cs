namespace Invitations.Data.SagaRepository;

/// <summary>The options of one saga's repository, registered per saga type so several sagas can differ.</summary>
internal sealed record SagaRepositorySettings<TSaga>(PostgresSagaRepositoryOptions Options)
    where TSaga : class;
