package se.somg.portal.extract;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import se.somg.portal.kernel.ExtractSink;
import se.somg.portal.kernel.ExtractValues;

/** The machine-readable extract (GDPR art. 20), written with the streaming JSON-P generator. */
final class JsonExtractSink implements ExtractSink {

    private final JsonGenerator json;
    private String[] columns;

    JsonExtractSink(OutputStream out) {
        json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(out);
        json.writeStartObject();
    }

    @Override
    public void startSection(String key) {
        json.writeStartObject(key);
    }

    @Override
    public void value(String key, Object value) {
        json.writeKey(key);
        write(value);
    }

    @Override
    public void startList(String key, String... columns) {
        this.columns = columns;
        json.writeStartArray(key);
    }

    @Override
    public void row(Object... values) {
        json.writeStartObject();
        for (int i = 0; i < columns.length; i++) {
            json.writeKey(columns[i]);
            write(values[i]);
        }
        json.writeEnd();
    }

    @Override
    public void endList() {
        json.writeEnd();
    }

    @Override
    public void endSection() {
        json.writeEnd();
    }

    @Override
    public void finish() {
        json.writeEnd();
        json.flush();
    }

    private void write(Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.write(b);
        } else if (value instanceof Integer || value instanceof Long) {
            json.write(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            json.write(decimal);
        } else if (value instanceof TemporalAccessor time) {
            json.write(ExtractValues.iso(time));
        } else {
            json.write(value.toString());
        }
    }
}
