package se.somg.portal.extract;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.temporal.TemporalAccessor;
import java.util.ResourceBundle;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractSink;
import se.somg.portal.kernel.ExtractValues;

/**
 * The human-readable extract, in the customer's language. Long lists are written as OpenPDF "large" tables
 * that are flushed every {@value #FLUSH_EVERY} rows, so a long history never sits whole in memory.
 */
final class PdfExtractSink implements ExtractSink {

    private static final int FLUSH_EVERY = 100;
    /** Liberation Sans ships inside OpenPDF; embedded, it shows every character a customer may have typed. */
    private static final BaseFont BASE = loadFont();

    private final Document document;
    private final ResourceBundle texts;
    private final Font body = new Font(BASE, 9);
    private final Font header = new Font(BASE, 9, Font.NORMAL, Color.WHITE);
    private int depth;
    private PdfPTable table;
    private int rows;

    PdfExtractSink(OutputStream out, ResourceBundle texts, String title) {
        this.texts = texts;
        document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        document.addTitle(title);
        document.open();
        document.add(new Paragraph(title, new Font(BASE, 20)));
    }

    @Override
    public void startSection(String key) {
        depth++;
        heading(key);
    }

    @Override
    public void value(String key, Object value) {
        Paragraph line = new Paragraph();
        line.add(new Chunk(label(key) + ": ", body));
        line.add(new Chunk(text(value), body));
        document.add(line);
    }

    @Override
    public void startList(String key, String... columns) {
        depth++;
        heading(key);
        table = new PdfPTable(columns.length);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setComplete(false);
        table.setSpacingBefore(4);
        for (String column : columns) {
            PdfPCell cell = new PdfPCell(new Phrase(label(column), header));
            cell.setBackgroundColor(new Color(0x2b, 0x4c, 0x7e));
            table.addCell(cell);
        }
        rows = 0;
    }

    @Override
    public void row(Object... values) {
        for (Object value : values) {
            table.addCell(new Phrase(text(value), body));
        }
        if (++rows % FLUSH_EVERY == 0) {
            document.add(table);
        }
    }

    @Override
    public void endList() {
        if (rows == 0) {
            document.add(new Paragraph(label("none"), body));
        } else {
            table.setComplete(true);
            document.add(table);
        }
        table = null;
        depth--;
    }

    @Override
    public void endSection() {
        depth--;
    }

    @Override
    public void finish() {
        document.close();
    }

    private void heading(String key) {
        Paragraph heading = new Paragraph(label(key), new Font(BASE, depth <= 1 ? 15 : 12));
        heading.setSpacingBefore(depth <= 1 ? 14 : 8);
        document.add(heading);
    }

    private String label(String key) {
        String full = "label." + key;
        return texts.containsKey(full) ? texts.getString(full) : key;
    }

    private String text(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Boolean yes) {
            return texts.getString(yes ? "value.yes" : "value.no");
        }
        if (value instanceof TemporalAccessor time) {
            return ExtractValues.forPeople(time);
        }
        if (value instanceof ExtractCode code) {
            String asCode = "code." + code.value();
            String asLabel = "label." + code.value();
            return texts.containsKey(asCode)
                    ? texts.getString(asCode)
                    : texts.containsKey(asLabel) ? texts.getString(asLabel) : code.value();
        }
        return value.toString();
    }

    private static BaseFont loadFont() {
        try {
            return BaseFont.createFont(
                    "font-fallback/LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
