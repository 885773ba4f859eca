package se.somg.portal.cluster;

import java.util.concurrent.ConcurrentSkipListMap;

/** When the oldest request still being answered on this node began: the requests that may still use what it saw. */
final class RequestsInFlight {

    /** Start (epoch milliseconds) to the number of requests that began in that millisecond and are still running. */
    private final ConcurrentSkipListMap<Long, Integer> starts = new ConcurrentSkipListMap<>();

    long enter() {
        long now = System.currentTimeMillis();
        starts.merge(now, 1, Integer::sum);
        return now;
    }

    void leave(long started) {
        starts.computeIfPresent(started, (start, count) -> count == 1 ? null : count - 1);
    }

    /** The start of the oldest request still running, or {@link Long#MAX_VALUE} when none is. */
    long oldestStart() {
        var oldest = starts.firstEntry();
        return oldest == null ? Long.MAX_VALUE : oldest.getKey();
    }
}
