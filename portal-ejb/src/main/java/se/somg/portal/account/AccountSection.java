package se.somg.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/** The account: customer number, where it came from, the policy accepted, restriction and contract end. */
@ApplicationScoped
public class AccountSection implements ExtractSection {

    @Override
    public int position() {
        return ACCOUNT;
    }

    @Override
    public Set<String> reads() {
        return Set.of("customer", "credential");
    }

    @Override
    public Map<String, String> leavesOut() {
        return Map.of(
                "account_token", "one-time links (confirmation, reset), kept only as a hash until used or expired",
                "trusted_device", "a hash of a device cookie that skips the login delay; no device data",
                "signed_in_session", "a hash of a signed-in session's id, kept a day to restore a sign-in a node lost",
                "staff_member", "staff accounts, not customers",
                "staff_role", "staff members' roles, not customers");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        Customer customer = context.find(Customer.class, context.customerId());
        sink.startSection("account");
        sink.value("customerNumber", customer.getId());
        sink.value("createdAt", customer.getCreatedAt());
        sink.value("platform", customer.getPlatform().getHost());
        sink.value("collectedThrough", ExtractCode.of(customer.getCollectedThrough()));
        sink.value("preferredLanguage", customer.getPreferredLanguage());
        sink.value("acceptedPolicyVersion", customer.getAcceptedPolicyVersion());
        sink.value("policyAcceptedAt", customer.getPolicyAcceptedAt());
        sink.value("restrictedAt", customer.getRestrictedAt());
        sink.value("contractEndedAt", customer.getContractEndedAt());
        sink.endSection();
    }
}
