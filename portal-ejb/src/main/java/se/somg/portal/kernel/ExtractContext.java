package se.somg.portal.kernel;

import jakarta.persistence.EntityManager;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ResourceBundle;

/**
 * What every {@link ExtractSection} writes from: the customer, the extract's texts in the customer's language, and
 * a reader of long histories that holds only one page of {@value #PAGE} plain rows at a time (never managed
 * entities), so memory stays flat however long a history is.
 */
public final class ExtractContext {

    private static final int PAGE = 1000;

    private final long customerId;
    private final ResourceBundle texts;
    private final EntityManager em;

    public ExtractContext(long customerId, ResourceBundle texts, EntityManager em) {
        this.customerId = customerId;
        this.texts = texts;
        this.em = em;
    }

    public long customerId() {
        return customerId;
    }

    /**
     * An entity of the customer's, read through the extract's own persistence context (the customer it was started
     * for is already there: no second query).
     */
    public <T> T find(Class<T> type, Object id) {
        return em.find(type, id);
    }

    /** "sv" or "en". */
    public String language() {
        return texts.getLocale().getLanguage();
    }

    /** A text of the extract bundle (se/somg/portal/extract/extract_*.properties). */
    public String text(String key) {
        return texts.getString(key);
    }

    /**
     * The rows of a native query whose first column is the id and whose only parameter ({@code ?1}) is the owner,
     * read page by page in id order (keyset paging, so each page is an index range scan). The query ends with a
     * WHERE clause, which this extends.
     */
    public Iterable<Object[]> rows(String select, long ownerId) {
        String paged = select + " AND id > ?2 ORDER BY id LIMIT " + PAGE;
        return () -> new Iterator<>() {
            private List<Object[]> page = List.of();
            private int next;
            private long after = Long.MIN_VALUE;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (next < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                page = fetch();
                next = 0;
                last = page.size() < PAGE;
                return !page.isEmpty();
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object[] row = page.get(next++);
                after = ((Number) row[0]).longValue();
                return row;
            }

            @SuppressWarnings("unchecked")
            private List<Object[]> fetch() {
                return em.createNativeQuery(paged)
                        .setParameter(1, ownerId)
                        .setParameter(2, after)
                        .getResultList();
            }
        };
    }

    /**
     * The rows of a native query over a table that holds a handful of rows per customer (at most one a day), read at
     * once; its only parameter ({@code ?1}) is the owner.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> few(String select, long ownerId) {
        List<?> rows = em.createNativeQuery(select).setParameter(1, ownerId).getResultList();
        return rows.stream()
                .map(row -> row instanceof Object[] columns ? columns : new Object[] {row})
                .toList();
    }
}
