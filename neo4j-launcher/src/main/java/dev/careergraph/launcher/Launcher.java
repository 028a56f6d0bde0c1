package dev.careergraph.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded, with Bolt on a loopback port, for as long as its parent lives.
 *
 * <p>The parent holds this process's standard input open; when it closes (the parent exited, crashed or was
 * killed) the database shuts down cleanly and the JVM exits, so no Neo4j outlives the Node process that
 * started it.
 *
 * <p>Usage: {@code Launcher <data-dir> <bolt-port> <password-file>}. Authentication is on although Bolt listens
 * on 127.0.0.1 only: any other user of the machine could otherwise write the graph. The user {@code neo4j} has
 * the password the file holds, which the first start generates, readable by its owner only; it is never on a
 * command line, where {@code ps} would show it.
 */
public final class Launcher {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private Launcher() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: Launcher <data-dir> <bolt-port> <password-file>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = readOrCreatePassword(Path.of(args[2]).toAbsolutePath());

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                .build();

        Thread shutdown = new Thread(dbms::shutdown, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            applyPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
        } catch (RuntimeException e) {
            // Neo4j's own threads would keep a JVM alive that nobody can log in to.
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("neo4j-launcher: bolt://127.0.0.1:" + port + " data " + dataDir);
        System.out.flush();

        waitForEndOfInput(System.in);
        System.exit(0);
    }

    /**
     * The password in the file, after making it the owner's alone; a new random one when there is no file. A new
     * file is written whole under another name and then renamed, so that no reader ever sees half of it.
     */
    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(partial, password + "\n", StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    /**
     * Sets the password while {@code neo4j} still has the default one that must be changed: on the first start,
     * in a data folder from before authentication, or after a start that wrote the file and died before this.
     * Otherwise the user already has it: Neo4j refuses to set a password to the one it has. A replaced file for a
     * database that already has a password is refused at login; README says to remove the data folder then.
     */
    private static void applyPassword(GraphDatabaseService system, String password) {
        boolean defaultPassword = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
                Map.of(),
                result -> result.hasNext() && Boolean.TRUE.equals(result.next().get("passwordChangeRequired")));
        if (defaultPassword) {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        }
    }

    private static void waitForEndOfInput(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // Input carries no commands: only its end matters.
        }
    }
}
