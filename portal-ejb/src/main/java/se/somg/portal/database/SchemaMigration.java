package se.somg.portal.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The portal's database, and its schema brought up to date by Flyway at deploy, before any service uses JPA.
 * Flyway takes a PostgreSQL lock while migrating, so several nodes starting at once are safe.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=portal.db.url}",
        user = "${MPCONFIG=portal.db.user}",
        password = "${MPCONFIG=portal.db.password}",
        minPoolSize = 2,
        maxPoolSize = 30,
        // While PostgreSQL is away, requests must fail within a second or two, not hang: short connect and
        // login timeouts, a statement limit, connections checked before use and all dropped after one fails,
        // and no long wait for a free connection when the pool is exhausted.
        loginTimeout = 2,
        properties = {
            "connectTimeout=2",
            "socketTimeout=300",
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
            "fish.payara.max-wait-time-in-millis=3000",
            "fish.payara.connection-creation-retry-attempts=0"
        })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/portal";

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
