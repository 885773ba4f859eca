package se.somg.portal.notice;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import se.somg.portal.Sweden;
import se.somg.portal.language.Messages;

/** One notice's figures: audience, mail, reads and acknowledgements, as numbers and over time as a chart. */
@Named("noticeFigures")
@ViewScoped
public class NoticeFiguresPage implements Serializable {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(Sweden.ZONE);

    @EJB
    private BroadcastService service;

    @Inject
    private Messages messages;

    private long id;
    private Notice notice;
    private NoticeFigures figures;
    private long audience;

    /** f:viewAction: loads the notice named in the address. */
    public void load() {
        notice = service.notice(id);
        audience = service.audienceSize(notice);
        figures = service.figures(id, audience);
    }

    public void refresh() {
        if (notice != null) {
            figures = service.figures(id, audience);
        }
    }

    /** Chart.js configuration for p:chart: cumulative mails sent, reads and acknowledgements per minute. */
    public String getChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder sent = Json.createArrayBuilder();
        JsonArrayBuilder read = Json.createArrayBuilder();
        JsonArrayBuilder acknowledged = Json.createArrayBuilder();
        for (NoticeFigures.Point point : figures.getTimeline()) {
            labels.add(MINUTE.format(point.at()));
            sent.add(point.sent());
            read.add(point.read());
            acknowledged.add(point.acknowledged());
        }
        return Json.createObjectBuilder()
                .add("type", "line")
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("labels", labels)
                                .add(
                                        "datasets",
                                        Json.createArrayBuilder()
                                                .add(dataset(messages.text("notices.figures.sent"), sent, "#2b4c7e"))
                                                .add(dataset(messages.text("notices.figures.read"), read, "#1b7a3d"))
                                                .add(dataset(
                                                        messages.text("notices.figures.acknowledged"),
                                                        acknowledged,
                                                        "#8a4b00"))))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("animation", false)
                                .add(
                                        "scales",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "y",
                                                        Json.createObjectBuilder()
                                                                .add("beginAtZero", true))))
                .build()
                .toString();
    }

    private static jakarta.json.JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String colour) {
        return Json.createObjectBuilder()
                .add("label", label)
                .add("data", data)
                .add("borderColor", colour)
                .add("backgroundColor", colour)
                .add("fill", false);
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public Notice getNotice() {
        return notice;
    }

    public NoticeFigures getFigures() {
        return figures;
    }
}
