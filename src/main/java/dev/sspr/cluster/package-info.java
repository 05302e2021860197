/**
 * What several instances on one database do once between them: {@link dev.sspr.cluster.OncePerCluster}
 * runs a periodic job on one instance per interval (ShedLock, a row per job in the {@code shedlock} table).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster", allowedDependencies = {})
package dev.sspr.cluster;
