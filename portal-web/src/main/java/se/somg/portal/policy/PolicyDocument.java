package se.somg.portal.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the plain text of a policy version into blocks: "N. Title" and "N.N. Title" lines are headings,
 * lines starting with "•" are bullets, indented "N. " lines are numbered items, the rest paragraphs. The
 * title line(s) at the top are left to the page.
 */
public final class PolicyDocument {

    private static final Pattern HEADING = Pattern.compile("^\\d+\\.\\s+\\S.*");
    private static final Pattern SUBHEADING = Pattern.compile("^\\d+\\.\\d+\\.?\\s+\\S.*");
    private static final Pattern BULLET = Pattern.compile("^\\s*•\\s*(.*)");
    private static final Pattern NUMBERED = Pattern.compile("^\\s+\\d+\\.\\s+(.*)");

    private PolicyDocument() {}

    public static List<PolicyBlock> parse(String text) {
        List<PolicyBlock> blocks = new ArrayList<>();
        List<String> items = new ArrayList<>();
        PolicyBlock.Kind listKind = null;
        String title = null;
        for (String raw : text.split("\\R")) {
            String line = raw.stripTrailing();
            if (title == null) {
                if (!line.isBlank()) {
                    title = line.strip();
                }
                continue;
            }
            var bullet = BULLET.matcher(line);
            var numbered = NUMBERED.matcher(line);
            PolicyBlock.Kind kind =
                    bullet.matches() ? PolicyBlock.Kind.BULLETS : numbered.matches() ? PolicyBlock.Kind.NUMBERED : null;
            if (kind == null || kind != listKind) {
                if (listKind != null) {
                    blocks.add(new PolicyBlock(listKind, null, items));
                    items.clear();
                }
                listKind = kind;
            }
            if (kind != null) {
                items.add((kind == PolicyBlock.Kind.BULLETS ? bullet.group(1) : numbered.group(1)).strip());
            } else if (line.isBlank() || line.strip().equals(title)) {
                continue;
            } else if (SUBHEADING.matcher(line).matches()) {
                blocks.add(new PolicyBlock(PolicyBlock.Kind.SUBHEADING, line.strip(), List.of()));
            } else if (HEADING.matcher(line).matches()) {
                blocks.add(new PolicyBlock(PolicyBlock.Kind.HEADING, line.strip(), List.of()));
            } else {
                blocks.add(new PolicyBlock(PolicyBlock.Kind.PARAGRAPH, line.strip(), List.of()));
            }
        }
        if (listKind != null) {
            blocks.add(new PolicyBlock(listKind, null, items));
        }
        return blocks;
    }
}
