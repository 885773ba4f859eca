package se.somg.portal.extract;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.ResourceBundle;
import se.somg.portal.account.Customer;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/**
 * Writes everything the portal holds about one customer to a sink: the document's header, then each feature's
 * {@link ExtractSection} in its position. A feature with new personal data adds its own section; nothing here changes.
 */
@Dependent
class ExtractComposer {

    static final String FORMAT = "somg-register-extract";
    static final int SCHEMA_VERSION = 1;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Instance<ExtractSection> sections;

    void write(Customer customer, ResourceBundle texts, OffsetDateTime issuedAt, ExtractSink sink) throws IOException {
        ExtractContext context = new ExtractContext(customer.getId(), texts, em);
        sink.value("format", FORMAT);
        sink.value("schemaVersion", SCHEMA_VERSION);
        sink.value("issuedAt", issuedAt);
        sink.value("language", context.language());
        for (ExtractSection section : ordered()) {
            section.write(context, sink);
        }
        sink.finish();
    }

    List<ExtractSection> ordered() {
        return sections.stream()
                .sorted(Comparator.comparingInt(ExtractSection::position))
                .toList();
    }
}
