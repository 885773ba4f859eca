package se.somg.portal.overview;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import se.somg.portal.language.Messages;

/** The privacy officer's start page: requests due this week and overdue by kind (a chart and a table), complaints, retention. */
@Named("overview")
@RequestScoped
public class OverviewPage {

    @EJB
    private PrivacyOverview service;

    @Inject
    private Messages messages;

    private PrivacyOverview.Figures figures;

    public PrivacyOverview.Figures getFigures() {
        if (figures == null) {
            figures = service.figures();
        }
        return figures;
    }

    /** Chart.js configuration for p:chart: a bar per kind of request, due this week and overdue. */
    public String getChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder due = Json.createArrayBuilder();
        JsonArrayBuilder late = Json.createArrayBuilder();
        for (PrivacyOverview.KindFigures kind : getFigures().getKinds()) {
            labels.add(messages.text("requests.kind." + kind.getKind()));
            due.add(kind.getDueThisWeek());
            late.add(kind.getOverdue());
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("labels", labels)
                                .add(
                                        "datasets",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("label", messages.text("overview.dueThisWeek"))
                                                        .add("data", due)
                                                        .add("backgroundColor", "#2b4c7e"))
                                                .add(Json.createObjectBuilder()
                                                        .add("label", messages.text("overview.overdue"))
                                                        .add("data", late)
                                                        .add("backgroundColor", "#a4262c"))))
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
                                                                .add("beginAtZero", true)
                                                                .add(
                                                                        "ticks",
                                                                        Json.createObjectBuilder()
                                                                                .add("precision", 0)))))
                .build()
                .toString();
    }
}
