package se.somg.portal.kernel;

/**
 * A value that is one of the portal's codes (a kind, a status, a channel…), as opposed to something the customer
 * or staff wrote: only codes are translated in the PDF, so a customer's own words always appear as stored.
 */
public record ExtractCode(String value) {

    public static ExtractCode of(Object value) {
        return value == null ? null : new ExtractCode(value.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
