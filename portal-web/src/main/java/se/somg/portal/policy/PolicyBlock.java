package se.somg.portal.policy;

import java.util.List;

/** One block of the policy as the page shows it: a heading, a paragraph or a list. */
public final class PolicyBlock {

    public enum Kind {
        HEADING,
        SUBHEADING,
        PARAGRAPH,
        BULLETS,
        NUMBERED
    }

    private final Kind kind;
    private final String text;
    private final List<String> items;

    PolicyBlock(Kind kind, String text, List<String> items) {
        this.kind = kind;
        this.text = text;
        this.items = List.copyOf(items);
    }

    public Kind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public List<String> getItems() {
        return items;
    }
}
