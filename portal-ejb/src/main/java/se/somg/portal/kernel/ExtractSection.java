package se.somg.portal.kernel;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * One feature's part of the register extract (GDPR art. 15 and 20, policy §7): the feature that owns the data writes
 * it. The extract runs every section it finds, in {@link #position()}; a test reads the database schema and fails on
 * any table with a customer reference that no section reads and that is not declared outside the extract.
 * The positions below are the document's order, which the published schema (register-extract-v1.schema.json) and
 * the PDF follow.
 */
public interface ExtractSection {

    int CONTROLLER = 10;
    int ACCOUNT = 20;
    int PERSONAL_DATA = 30;
    int PURPOSES = 40;
    int RECIPIENTS = 50;
    int RETENTION = 60;
    int CONSENTS = 70;
    int CONTACT_PREFERENCES = 80;
    int RECTIFICATIONS = 90;
    int NOTIFICATIONS = 100;
    int REQUESTS = 110;
    int PLATFORMS = 115;
    int LOGINS = 120;
    int EXTRACTS = 130;
    int STAFF_ACCESS = 140;

    int position();

    /** The tables this section reads rows of the customer from. */
    Set<String> reads();

    /** Tables of the feature with a customer reference that the extract leaves out, each with the reason. */
    default Map<String, String> leavesOut() {
        return Map.of();
    }

    void write(ExtractContext context, ExtractSink sink) throws IOException;
}
