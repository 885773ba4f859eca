package se.somg.portal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy text becomes headings, paragraphs and lists, the same shape in both languages. */
class PolicyDocumentTest {

    private static List<PolicyBlock> version1(String language) {
        try (var in = PolicyDocumentTest.class.getResourceAsStream(
                "/se/somg/portal/policy/privacy-policy-v1." + language + ".txt")) {
            return PolicyDocument.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSwedishOriginalStartsWithSectionOneAndKeepsEveryCategory() {
        List<PolicyBlock> blocks = version1("sv");
        assertEquals(PolicyBlock.Kind.HEADING, blocks.get(0).getKind());
        assertEquals("1. Integritetsmeddelande", blocks.get(0).getText());
        PolicyBlock categories = blocks.stream()
                .filter(b ->
                        b.getKind() == PolicyBlock.Kind.BULLETS && b.getItems().contains("Postadress"))
                .findFirst()
                .orElseThrow();
        assertEquals(13, categories.getItems().size());
        assertTrue(blocks.stream()
                .anyMatch(b ->
                        b.getKind() == PolicyBlock.Kind.NUMBERED && b.getItems().size() == 3));
    }

    @Test
    void theEnglishTranslationHasTheSameStructure() {
        List<PolicyBlock> swedish = version1("sv");
        List<PolicyBlock> english = version1("en");
        assertEquals(
                swedish.stream().map(PolicyBlock::getKind).toList(),
                english.stream().map(PolicyBlock::getKind).toList());
        assertEquals(
                swedish.stream().map(b -> b.getItems().size()).toList(),
                english.stream().map(b -> b.getItems().size()).toList());
    }

    @Test
    void plainTextBecomesBlocks() {
        List<PolicyBlock> blocks = PolicyDocument.parse(
                "Title\n\nTitle\n\n2. Heading\n\n2.1. Sub\n\nText.\n • a\n • b\n\n 1. one\n 2. two\n");
        assertEquals(
                List.of(
                        PolicyBlock.Kind.HEADING,
                        PolicyBlock.Kind.SUBHEADING,
                        PolicyBlock.Kind.PARAGRAPH,
                        PolicyBlock.Kind.BULLETS,
                        PolicyBlock.Kind.NUMBERED),
                blocks.stream().map(PolicyBlock::getKind).toList());
        assertEquals(List.of("a", "b"), blocks.get(3).getItems());
    }
}
