namespace EcsOperator.Runtime.Controller;

/// <summary>The kind-independent face of a controller, for the host that starts and stops them.</summary>
public interface IController
{
    string Name { get; }

    /// <summary>Runs the workers until the token is cancelled (leadership lost) or the queue shuts down.</summary>
    Task RunWorkersAsync(int workers, CancellationToken cancellationToken);

    /// <summary>Queues every cached object (a new leader looks at everything once).</summary>
    void EnqueueAll();

    /// <summary>One periodic resync: runs the kind's <see cref="IResyncSweep{TEntity}"/> over every cached key.</summary>
    Task ResyncAsync(CancellationToken cancellationToken);

    /// <summary>Stops taking work and waits up to the deadline for in-flight reconciles. True when they all finished.</summary>
    Task<bool> ShutDownAsync(TimeSpan deadline);
}
