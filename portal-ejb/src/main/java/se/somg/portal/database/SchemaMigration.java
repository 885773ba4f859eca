package se.somg.portal.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The portal's database, and its schema brought up to date by Flyway at deploy, before any service uses JPA.
 * Flyway takes a PostgreSQL lock while migrating, so several nodes starting at once are safe. It migrates over a
 * connection of its own, without the pool's one-second limits: building an index on a large table takes minutes.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "se.somg.portal.database.PromptDataSource",
        url = "${MPCONFIG=portal.db.url}",
        user = "${MPCONFIG=portal.db.user}",
        password = "${MPCONFIG=portal.db.password}",
        minPoolSize = 2,
        maxPoolSize = 30,
        // While PostgreSQL is away or hangs (stopped, a network partition, a stuck failover), every request is
        // answered within two seconds, those already waiting for it too: a second to connect and log in, 0.7 s for
        // any answer (PromptDataSource: a hung server keeps the connection open and says nothing; only the client's
        // time-out notices), a statement limit just under it so that a merely slow statement is cancelled by the
        // server and leaves the connection usable, connections checked before use and all dropped after one fails,
        // and no long wait for a free connection when the pool is exhausted. Work that needs longer (the schema
        // migration) has a connection of its own; locks are taken by asking again (AdvisoryLock).
        loginTimeout = 1,
        properties = {
            "connectTimeout=1",
            "options=-c statement_timeout=600",
            "tcpKeepAlive=true",
            // PostgreSQL's error details quote row values (a duplicate address, say): never into a message or a log
            "logServerErrorDetail=false",
            "fish.payara.is-connection-validation-required=true",
            // a connection used in the last few seconds is not checked again: the check is a round trip
            // before every statement, and a broken connection fails fast on its own (FailFast)
            "fish.payara.validate-atmost-once-period-in-seconds=5",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.fail-all-connections=true",
            "fish.payara.max-wait-time-in-millis=1000",
            "fish.payara.connection-creation-retry-attempts=0"
        })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/portal";

    @Inject
    @ConfigProperty(name = "portal.db.url")
    private String url;

    @Inject
    @ConfigProperty(name = "portal.db.user")
    private String user;

    @Inject
    @ConfigProperty(name = "portal.db.password")
    private String password;

    @PostConstruct
    void migrate() {
        PGSimpleDataSource patient = new PGSimpleDataSource();
        patient.setUrl(url);
        patient.setUser(user);
        patient.setPassword(password);
        patient.setConnectTimeout(10);
        patient.setLoginTimeout(10);
        patient.setLogServerErrorDetail(false);
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(patient)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
