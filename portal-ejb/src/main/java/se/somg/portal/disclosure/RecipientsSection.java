package se.somg.portal.disclosure;

import static se.somg.portal.kernel.ExtractValues.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Set;
import se.somg.portal.Controller;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/** Policy §5.6: nobody but SOMG, except authorities the law obliged us to answer, each listed. */
@ApplicationScoped
public class RecipientsSection implements ExtractSection {

    @Inject
    private Controller controller;

    @Override
    public int position() {
        return RECIPIENTS;
    }

    @Override
    public Set<String> reads() {
        return Set.of("lawful_disclosure");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        sink.startList("recipients", "recipient", "kind", "legalGround", "date", "categories");
        sink.row(
                MessageFormat.format(context.text("recipient.controller"), controller.getName()),
                ExtractCode.of("CONTROLLER"),
                context.text("recipient.controller.ground"),
                null,
                context.text("recipient.controller.categories"));
        for (Object[] row : context.rows("""
                SELECT id, recipient, legal_ground, disclosed_on, categories
                FROM lawful_disclosure WHERE customer_id = ?1""", context.customerId())) {
            sink.row(row[1], ExtractCode.of("AUTHORITY"), row[2], time(row[3]), row[4]);
        }
        sink.endList();
    }
}
