package collier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Embedded Neo4j with Bolt on 127.0.0.1 for Collier's local runtime. Options come as
 * {@code --bolt-port=7687 --data-dir=.data/neo4j --plugins-dir=target/plugins --page-cache=256m
 * --tx-timeout=30s} or as system properties {@code -Dcollier.bolt-port=...} and so on.
 * Prints exactly one line, {@code COLLIER_NEO4J_READY bolt://127.0.0.1:<port>}, on stdout once Bolt
 * accepts connections; Neo4j's own logs go to {@code <data-dir>/logs}. It stops on SIGTERM/SIGINT and
 * when stdin closes, so the child never outlives a parent that died without cleaning up.
 */
public final class Launcher {
    public static void main(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) fail("unexpected argument " + arg + " (use --name=value)");
            opts.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        int port = Integer.parseInt(option(opts, "bolt-port", "7687"));
        Path dataDir = Path.of(option(opts, "data-dir", ".data/neo4j")).toAbsolutePath();
        Path pluginsDir = Path.of(option(opts, "plugins-dir", "target/plugins")).toAbsolutePath();

        DatabaseManagementService dbms;
        try {
            // Typed settings: a misspelt name fails at compile time instead of at strict validation.
            dbms = new DatabaseManagementServiceBuilder(dataDir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false) // loopback only
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*", "gds.*"))
                    .setConfig(GraphDatabaseSettings.plugin_dir, pluginsDir)
                    .setConfig(GraphDatabaseSettings.logs_directory, dataDir.resolve("logs"))
                    .setConfig(GraphDatabaseSettings.pagecache_memory,
                            SettingValueParsers.BYTES.parse(option(opts, "page-cache", "256m")))
                    .setConfig(GraphDatabaseSettings.transaction_timeout,
                            SettingValueParsers.DURATION.parse(option(opts, "tx-timeout", "30s")))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Netty waits this many quiet seconds per event-loop group on shutdown (default 5,
                    // twice): 10 s of every stop spent idle. Loopback dev/test runtime, so keep it short.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 1)
                    .build();
        } catch (RuntimeException e) {
            System.err.println("COLLIER_NEO4J_FAILED " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "collier-neo4j-shutdown"));

        Thread stdinWatch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) { /* parent alive */ }
            } catch (IOException ignored) { /* treat as closed */ }
            System.exit(0); // runs the shutdown hook
        }, "collier-neo4j-stdin-watch");
        stdinWatch.setDaemon(true);
        if (!"false".equals(option(opts, "watch-stdin", "true"))) stdinWatch.start();

        System.out.println("COLLIER_NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();
        try {
            Thread.currentThread().join(); // park; the process ends through System.exit or a signal
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    private static String option(Map<String, String> opts, String name, String fallback) {
        String value = opts.get(name);
        return value != null ? value : System.getProperty("collier." + name, fallback);
    }

    private static void fail(String message) {
        System.err.println("COLLIER_NEO4J_FAILED " + message);
        System.exit(2);
    }
}
