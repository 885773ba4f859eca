package se.somg.portal;

import jakarta.ejb.ApplicationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that breaks the rules: for each field, the message-bundle key that says why. Nothing was written.
 */
@ApplicationException(rollback = true)
public class InvalidInput extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidInput(Map<String, String> problems) {
        super("invalid input: " + problems.keySet());
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /** Field name to message key. */
    public Map<String, String> getProblems() {
        return problems;
    }
}
