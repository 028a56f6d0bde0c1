package dev.careergraph.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded, with Bolt on a loopback port, for as long as its parent lives.
 *
 * <p>The parent holds this process's standard input open; when it closes (the parent exited, crashed or was
 * killed) the database shuts down cleanly and the JVM exits, so no Neo4j outlives the Node process that
 * started it.
 *
 * <p>Usage: {@code Launcher <data-dir> <bolt-port>}. Authentication is off: the connector listens on
 * 127.0.0.1 only and serves a single developer's machine.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Launcher <data-dir> <bolt-port>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                .build();

        Thread shutdown = new Thread(dbms::shutdown, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        System.out.println("neo4j-launcher: bolt://127.0.0.1:" + port + " data " + dataDir);
        System.out.flush();

        waitForEndOfInput(System.in);
        System.exit(0);
    }

    private static void waitForEndOfInput(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // Input carries no commands: only its end matters.
        }
    }
}
