package se.somg.portal.extract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;
import se.somg.portal.Controller;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/** Policy §1: who is responsible for the data, and where to complain. */
@ApplicationScoped
public class ControllerSection implements ExtractSection {

    @Inject
    private Controller controller;

    @Override
    public int position() {
        return CONTROLLER;
    }

    @Override
    public Set<String> reads() {
        return Set.of();
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        sink.startSection("controller");
        sink.value("name", controller.getName());
        sink.value("organisationNumber", controller.getOrganisationNumber());
        sink.value("address", controller.getAddress() + ", " + context.text("controller.country"));
        sink.value("email", controller.getEmail());
        sink.value("supervisoryAuthority", context.text("text.supervisoryAuthority"));
        sink.endSection();
    }
}
