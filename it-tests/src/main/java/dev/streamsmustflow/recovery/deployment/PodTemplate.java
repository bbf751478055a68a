package dev.streamsmustflow.recovery.deployment;

/**
 * What the shipped pod template asks of the app's container, for a platform that plays it without
 * Kubernetes (docker): the same user, filesystem, privileges and memory as the manifests.
 *
 * @param statePath where the state volume is mounted
 * @param tmpPath where the writable scratch directory is mounted ({@code /tmp}: RocksDB unpacks its native library there)
 * @param tmpSizeBytes the size limit of that scratch directory
 */
public record PodTemplate(
        long runAsUser,
        long runAsGroup,
        boolean readOnlyRootFilesystem,
        boolean dropAllCapabilities,
        boolean allowPrivilegeEscalation,
        long memoryLimitBytes,
        String statePath,
        String tmpPath,
        long tmpSizeBytes) {
}
