[assembly: TestFramework("Commendations.Testing.ClusterCleanupFramework", "Commendations.Testing")]
