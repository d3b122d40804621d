package io.relata.facts;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The embedded H2 store as a DataSource whose commits are on disk before they return, so that whatever relata
 * acknowledges survives a killed process.
 *
 * <p>H2's MVStore commits a transaction in memory; its background writer stores the changes to the file up to
 * WRITE_DELAY (500 ms) later. A process killed within that window loses writes it has already acknowledged.
 * WRITE_DELAY=0 would store at every commit but also stops the background writer, which is what compacts the file
 * (a 300,000-fact import then left a file 4 times larger). Instead, every commit here is followed by
 * {@code CHECKPOINT SYNC}, which stores the pending changes and forces the file to the device, as PostgreSQL forces
 * its write-ahead log at commit. A commit is an explicit {@link Connection#commit()}, the end of a transaction by
 * {@code setAutoCommit(true)}, or any statement that may write while the connection is in auto-commit mode.
 * Read-only work does not sync.
 */
final class SyncedCommits extends DelegatingDataSource {

    private static final String SYNC = "CHECKPOINT SYNC";

    private SyncedCommits(DataSource target) {
        super(target);
    }

    /**
     * {@code dataSource} itself when it is not an H2 database on disk (PostgreSQL forces its log at commit, an
     * in-memory H2 has nothing to lose), else the syncing wrapper. Fails when the store's user may not run
     * CHECKPOINT (H2 requires admin rights), since the store could then not keep acknowledged writes.
     */
    static DataSource around(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String url = connection.getMetaData().getURL().toLowerCase(Locale.ROOT);
            if (!"H2".equals(product) || url.startsWith("jdbc:h2:mem:")) {
                return dataSource;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(SYNC);
            } catch (SQLException e) {
                throw new SQLException("the embedded H2 store must let its user run " + SYNC
                        + " (H2 admin rights) to keep acknowledged writes on disk", e);
            }
        }
        return new SyncedCommits(dataSource);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return syncing(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return syncing(super.getConnection(username, password));
    }

    private static Connection syncing(Connection target) {
        return (Connection) Proxy.newProxyInstance(SyncedCommits.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionHandler(target));
    }

    /** Tracks writes on one connection and syncs when they are committed. */
    private static final class ConnectionHandler implements InvocationHandler {

        private final Connection target;
        /** Statements that may have written in the open transaction since the last sync. */
        private boolean unsynced;

        ConnectionHandler(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> {
                    Object result = call(target, method, args);
                    syncIfUnsynced();
                    return result;
                }
                case "setAutoCommit" -> {
                    boolean ending = !target.getAutoCommit() && Boolean.TRUE.equals(args[0]);
                    Object result = call(target, method, args);
                    if (ending) {
                        syncIfUnsynced();
                    }
                    return result;
                }
                case "rollback" -> {
                    Object result = call(target, method, args);
                    if (args == null || args.length == 0) {
                        unsynced = false;
                    }
                    return result;
                }
                case "createStatement", "prepareStatement", "prepareCall" -> {
                    Statement statement = (Statement) call(target, method, args);
                    return Proxy.newProxyInstance(SyncedCommits.class.getClassLoader(),
                            new Class<?>[] {method.getReturnType()}, new StatementHandler(statement, (Connection) proxy, this));
                }
                default -> {
                    return call(target, method, args);
                }
            }
        }

        /** A statement may have written: in auto-commit mode that was a commit, else it waits for the commit. */
        void wrote() throws SQLException {
            if (target.getAutoCommit()) {
                sync();
            } else {
                unsynced = true;
            }
        }

        private void syncIfUnsynced() throws SQLException {
            if (unsynced) {
                sync();
            }
        }

        private void sync() throws SQLException {
            try (Statement statement = target.createStatement()) {
                statement.execute(SYNC);
            }
            unsynced = false;
        }
    }

    /** Reports every execution that may write to its connection; queries pass straight through. */
    private record StatementHandler(Statement target, Connection connection, ConnectionHandler writes)
            implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if ("getConnection".equals(name)) {
                return connection;
            }
            Object result = call(target, method, args);
            if (name.startsWith("execute") && !"executeQuery".equals(name)) {
                writes.wrote();
            }
            return result;
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
