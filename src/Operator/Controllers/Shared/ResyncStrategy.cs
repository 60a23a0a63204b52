namespace EcsOperator.Controllers.Shared;

/// <summary>How the periodic resync reads AWS (`--resync-strategy`).</summary>
public enum ResyncStrategy
{
    /// <summary>
    /// Services and Clusters are read in batches per sweep (DescribeServices 10 per call per ECS cluster,
    /// DescribeClusters 100 per call) and each reconcile of the sweep uses what the batch found.
    /// </summary>
    Batched,

    /// <summary>Every object is enqueued and reads AWS itself, one Describe per object (ACK's pattern); for comparison.</summary>
    PerObject,
}
