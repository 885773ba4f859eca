package se.somg.portal;

/** CSV cells for files staff open in spreadsheet programs: quoted, and a formula character defused, so a name cannot run. */
public final class Csv {

    private Csv() {}

    public static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty()
                && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
                && !(value instanceof Number)
                && !text.matches("\\+\\d+")) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
