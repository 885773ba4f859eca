package se.somg.portal.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Set;
import se.somg.portal.account.Customer;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/** Policy §8: how long the data is kept, and the day it goes once the contract has ended. */
@ApplicationScoped
public class RetentionSection implements ExtractSection {

    @Inject
    private RetentionPolicy retention;

    @Override
    public int position() {
        return RETENTION;
    }

    @Override
    public Set<String> reads() {
        return Set.of();
    }

    @Override
    public Map<String, String> leavesOut() {
        return Map.of("retention_failure", "an operator's note that an erasure must be retried; gone once it succeeds");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        Customer customer = context.find(Customer.class, context.customerId());
        sink.startSection("retention");
        sink.value("rule", MessageFormat.format(context.text("retention.rule"), retention.months()));
        sink.value("periodMonths", retention.months());
        sink.value("contractEndedAt", customer.getContractEndedAt());
        sink.value(
                "deletionDate",
                customer.getContractEndedAt() == null ? null : retention.deletionDate(customer.getContractEndedAt()));
        sink.endSection();
    }
}
