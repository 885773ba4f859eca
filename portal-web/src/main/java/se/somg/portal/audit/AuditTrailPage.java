package se.somg.portal.audit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import se.somg.portal.Sweden;

/**
 * The audit trail (privacy officer): every audited event, narrowed by customer e-mail, staff member, action and
 * dates, read a page at a time from PostgreSQL, and exported as CSV.
 */
@Named("auditTrail")
@ViewScoped
public class AuditTrailPage implements Serializable {

    @EJB
    private AuditSearch search;

    private String customerEmail;
    private String staffEmail;
    private String action;
    private LocalDate from;
    private LocalDate until;
    private AuditFilter filter = new AuditFilter(null, null, null, null, null);

    private transient LazyDataModel<AuditSearch.Row> events;

    @PostConstruct
    void init() {
        apply();
    }

    public void apply() {
        filter = new AuditFilter(
                customerEmail, staffEmail, action, start(from), start(until == null ? null : until.plusDays(1)));
        events = null;
    }

    private static OffsetDateTime start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(Sweden.ZONE).toOffsetDateTime();
    }

    public LazyDataModel<AuditSearch.Row> getEvents() {
        if (events == null) {
            AuditFilter current = filter;
            AuditSearch service = search;
            events = new LazyDataModel<>() {
                /**
                 * Where the last page read ended, and the first row after it: "next" reads on from there (keyset),
                 * every other page by its offset, so events added meanwhile never make a jump skip rows.
                 */
                private int nextFirst = -1;

                private AuditSearch.Cursor lastEnd;

                @Override
                public int count(Map<String, FilterMeta> filterBy) {
                    return (int) Math.min(Integer.MAX_VALUE, service.count(current));
                }

                @Override
                public List<AuditSearch.Row> load(
                        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                    List<AuditSearch.Row> rows = first == nextFirst && lastEnd != null
                            ? service.pageAfter(current, lastEnd, pageSize)
                            : service.page(current, first, pageSize);
                    if (rows.isEmpty()) {
                        lastEnd = null;
                    } else {
                        lastEnd = AuditSearch.Cursor.after(rows);
                        nextFirst = first + rows.size();
                    }
                    return rows;
                }

                @Override
                public String getRowKey(AuditSearch.Row row) {
                    return String.valueOf(row.getId());
                }
            };
        }
        return events;
    }

    /** More events than are counted: the pages end at ten thousand and the filter narrows them. */
    public boolean isCapped() {
        return getEvents().getRowCount() > AuditSearch.COUNT_AT_MOST;
    }

    public StreamedContent getCsv() {
        AuditFilter current = filter;
        AuditSearch service = search;
        return DefaultStreamedContent.builder()
                .name("audit-trail.csv")
                .contentType("text/csv;charset=UTF-8")
                .writer(out -> service.export(current, out))
                .build();
    }

    /** The actions the filter offers, as their names (the action the page keeps is a name). */
    public List<String> getActions() {
        return java.util.Arrays.stream(AuditAction.values()).map(Enum::name).toList();
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public void setCustomerEmail(String customerEmail) {
        this.customerEmail = customerEmail;
    }

    public String getStaffEmail() {
        return staffEmail;
    }

    public void setStaffEmail(String staffEmail) {
        this.staffEmail = staffEmail;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }
}
