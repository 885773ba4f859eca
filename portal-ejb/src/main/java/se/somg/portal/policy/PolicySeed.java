package se.somg.portal.policy;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Set;
import se.somg.portal.database.AdvisoryLock;

/** Writes version 1, the seed policy of 2020-01-01 (Swedish original and English translation), once. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class PolicySeed {

    static final String TEXT = "/se/somg/portal/policy/privacy-policy-v1.%s.txt";

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    void seed() {
        // nodes that start together wait for each other here, so each row is written once
        AdvisoryLock.hold(em, "policy_seed", java.time.Duration.ofMinutes(5));
        if (em.find(PolicyVersion.class, 1) == null) {
            em.persist(new PolicyVersion(
                    1,
                    OffsetDateTime.parse("2020-01-01T00:00:00+01:00"),
                    read("sv"),
                    read("en"),
                    "Första versionen av integritetspolicyn.",
                    "The first version of the privacy policy.",
                    Set.of(),
                    OffsetDateTime.parse("2020-01-01T00:00:00+01:00"),
                    "SEED"));
        }
    }

    private static String read(String language) {
        try (InputStream in = PolicySeed.class.getResourceAsStream(String.format(TEXT, language))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
