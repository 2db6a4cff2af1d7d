namespace Invitations.System.Tests.Faults;

/// <summary>
/// A request body that sends its first bytes, then stalls until released: the Api is caught in the middle of reading
/// it. Released, it sends the rest (the client only notices a dead server when it writes again).
/// </summary>
public sealed class StalledStream(byte[] content, int sendBeforeStall) : Stream
{
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    /// <summary>Completes once the first bytes are sent.</summary>
    public Task Stalled => _stalled.Task;

    public void Release() => _released.TrySetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position == sendBeforeStall && !_released.Task.IsCompleted)
        {
            _stalled.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }

        var end = _released.Task.IsCompleted ? content.Length : sendBeforeStall;
        var count = Math.Min(buffer.Length, end - _position);
        content.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");
    public override void Flush() => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
