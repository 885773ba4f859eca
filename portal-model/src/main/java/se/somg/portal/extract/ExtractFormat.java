package se.somg.portal.extract;

/** The two forms of the register extract: JSON for machines (GDPR art. 20), PDF for people (art. 15). */
public enum ExtractFormat {
    JSON("application/json", "json"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    ExtractFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
