package se.somg.portal.policy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.somg.portal.language.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The privacy policy in the page's language: version 1 is the seed text (Swedish original) and its English
 * translation, shipped with the model.
 */
@Named("policy")
@RequestScoped
public class PolicyPage {

    static final String RESOURCE = "se/somg/portal/policy/privacy-policy-v1.%s.txt";

    @Inject
    private Language language;

    private List<PolicyBlock> blocks;

    public List<PolicyBlock> getBlocks() {
        if (blocks == null) {
            blocks = PolicyDocument.parse(read(String.format(RESOURCE, language.getCode())));
        }
        return blocks;
    }

    public int getVersion() {
        return 1;
    }

    static String read(String resource) {
        try (InputStream in = PolicyPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
