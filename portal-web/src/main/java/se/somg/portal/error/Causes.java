package se.somg.portal.error;

/** The first cause of a given type in a failure's chain: Faces and EL wrap what a page's action threw. */
final class Causes {

    private Causes() {}

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
