namespace AwsFaultProxy;

/// <summary>
/// Operation names of restJson calls, from the method and path (the botocore model's requestUri).
/// EFS is mapped; other paths become <c>"{METHOD} {path}"</c> so that they are still counted.
/// </summary>
internal static class RestOperations
{
    private const string EfsVersion = "2015-02-01";

    // (method, path after the version with ids as "{}") → EFS operation.
    private static readonly Dictionary<(string Method, string Path), string> Efs = new()
    {
        [("GET", "file-systems")] = "DescribeFileSystems",
        [("POST", "file-systems")] = "CreateFileSystem",
        [("DELETE", "file-systems/{}")] = "DeleteFileSystem",
        [("PUT", "file-systems/{}")] = "UpdateFileSystem",
        [("GET", "file-systems/{}/policy")] = "DescribeFileSystemPolicy",
        [("PUT", "file-systems/{}/policy")] = "PutFileSystemPolicy",
        [("DELETE", "file-systems/{}/policy")] = "DeleteFileSystemPolicy",
        [("GET", "file-systems/{}/backup-policy")] = "DescribeBackupPolicy",
        [("PUT", "file-systems/{}/backup-policy")] = "PutBackupPolicy",
        [("GET", "file-systems/{}/lifecycle-configuration")] = "DescribeLifecycleConfiguration",
        [("PUT", "file-systems/{}/lifecycle-configuration")] = "PutLifecycleConfiguration",
        [("GET", "access-points")] = "DescribeAccessPoints",
        [("POST", "access-points")] = "CreateAccessPoint",
        [("DELETE", "access-points/{}")] = "DeleteAccessPoint",
        [("GET", "mount-targets")] = "DescribeMountTargets",
        [("POST", "mount-targets")] = "CreateMountTarget",
        [("DELETE", "mount-targets/{}")] = "DeleteMountTarget",
        [("GET", "mount-targets/{}/security-groups")] = "DescribeMountTargetSecurityGroups",
        [("PUT", "mount-targets/{}/security-groups")] = "ModifyMountTargetSecurityGroups",
        [("GET", "resource-tags/{}")] = "ListTagsForResource",
        [("POST", "resource-tags/{}")] = "TagResource",
        [("DELETE", "resource-tags/{}")] = "UntagResource",
    };

    public static AwsOperation Identify(string method, string path, string? scopeService)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 2 && segments[0] == EfsVersion && (scopeService is null or AwsServices.Efs))
        {
            var shape = string.Join('/', segments.Skip(1).Select((s, i) => i % 2 == 1 ? "{}" : s));
            var name = Efs.GetValueOrDefault((method.ToUpperInvariant(), shape)) ?? $"{method} {path}";
            return new AwsOperation(AwsServices.Efs, name, AwsProtocol.RestJson, EfsVersion);
        }

        return new AwsOperation(scopeService ?? "unknown", $"{method} {path}", AwsProtocol.RestJson);
    }
}
