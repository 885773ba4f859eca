package se.somg.portal.kernel;

import java.io.IOException;

/**
 * Where an extract is written as it is read: sections, single values and lists of rows. Each format decides
 * how they look (JSON objects and arrays; PDF headings and tables) and nothing is held in memory between rows.
 * Keys are stable English identifiers; a PDF shows them translated.
 */
public interface ExtractSink {

    void startSection(String key) throws IOException;

    void value(String key, Object value) throws IOException;

    /** A list whose rows all have these columns. */
    void startList(String key, String... columns) throws IOException;

    void row(Object... values) throws IOException;

    void endList() throws IOException;

    void endSection() throws IOException;

    /** Completes the document; the underlying stream stays open. */
    void finish() throws IOException;
}
