package se.somg.portal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ViewContextPruningTest {

    private final Map<Object, Object> contexts = new ConcurrentHashMap<>(Map.of("kept", Map.of(), "gone", Map.of()));
    private final Map<Object, Object> viewMaps = Collections.synchronizedMap(new HashMap<>(Map.of("kept", Map.of())));
    private final Map<Object, Long> goneSince = new ConcurrentHashMap<>();

    @Test
    void withNoRequestRunningTheIndexOfAGoneViewIsDroppedAtOnce() {
        assertTrue(ViewContextPruning.prune(contexts, viewMaps, goneSince, 1_000, Long.MAX_VALUE));
        assertEquals(Set.of("kept"), contexts.keySet());
        assertTrue(goneSince.isEmpty());
    }

    @Test
    void aGoneViewIsKeptWhileARequestThatBeganBeforeItWentMayStillRenderIt() {
        assertFalse(ViewContextPruning.prune(contexts, viewMaps, goneSince, 1_000, 900));
        assertEquals(Set.of("kept", "gone"), contexts.keySet());
        // still running, and another that began when the view was already gone
        assertFalse(ViewContextPruning.prune(contexts, viewMaps, goneSince, 1_200, 900));
        assertEquals(Set.of("kept", "gone"), contexts.keySet());
        // every request still running began after the view was first seen gone
        assertTrue(ViewContextPruning.prune(contexts, viewMaps, goneSince, 1_300, 1_001));
        assertEquals(Set.of("kept"), contexts.keySet());
        assertTrue(goneSince.isEmpty());
    }

    @Test
    void aViewSeenKeptAgainForgetsWhenItSeemedGone() {
        ViewContextPruning.prune(contexts, viewMaps, goneSince, 1_000, 900);
        viewMaps.put("gone", Map.of());
        ViewContextPruning.prune(contexts, viewMaps, goneSince, 1_100, 900);
        assertTrue(goneSince.isEmpty());
        assertEquals(Set.of("kept", "gone"), contexts.keySet());
    }

    @Test
    void requestsInFlightTellTheStartOfTheOldest() {
        RequestsInFlight inFlight = new RequestsInFlight();
        assertEquals(Long.MAX_VALUE, inFlight.oldestStart());
        long first = inFlight.enter();
        long second = inFlight.enter();
        assertEquals(first, inFlight.oldestStart());
        inFlight.leave(first);
        assertEquals(second, inFlight.oldestStart());
        inFlight.leave(second);
        assertEquals(Long.MAX_VALUE, inFlight.oldestStart());
    }
}
