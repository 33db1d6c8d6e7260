package uk.cdr.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL per test JVM, started on first use. It stops when the last Spring context
 * using it has closed its connection pool (see {@link PostgresLifecycle}), not in a racing JVM
 * shutdown hook: the engine must be able to shut down cleanly against a live database.
 */
public final class SharedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPostgres.class);
    private static EmbeddedPostgres postgres;
    private static String version;
    private static int users;

    private SharedPostgres() {
    }

    public static synchronized EmbeddedPostgres instance() {
        if (postgres == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        // Durability is not what these tests prove; speed is welcome.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
                if (Boolean.getBoolean("cdr.countStatements")) {
                    // The benchmarks count the statements behind a figure (-Pbench sets it).
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                }
                postgres = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            version = queryVersion();
            LOG.info("Integration tests run on {} (embedded, port {})", version, postgres.getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::stopIfUnused));
        }
        return postgres;
    }

    public static String jdbcUrl() {
        return instance().getJdbcUrl("postgres", "postgres");
    }

    public static String version() {
        instance();
        return version;
    }

    static synchronized void acquire() {
        instance();
        users++;
    }

    static synchronized void release() {
        users--;
        stopIfUnused();
    }

    private static synchronized void stopIfUnused() {
        if (postgres == null || users > 0) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
        postgres = null;
    }

    private static String queryVersion() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                ResultSet rs = connection.createStatement().executeQuery("select version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL does not answer", e);
        }
    }
}
