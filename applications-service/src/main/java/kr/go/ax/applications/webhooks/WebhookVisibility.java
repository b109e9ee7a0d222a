package kr.go.ax.applications.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.identity.Roles;

/**
 * Which events a subscriber may receive: administrators every event; portals only what they may read through the
 * API — calls once they are no longer drafts, the outcome of each application, and the progress of selected ones.
 * Applications' contents, budget verdicts, ledgers, scores and appeals never reach a portal.
 */
final class WebhookVisibility {
    static final String TEST_EVENT = "kr.go.ax.webhook.test.v1";
    private static final Set<String> CALL_SNAPSHOTS = Set.of(EventTypes.CALL_CREATED, EventTypes.CALL_UPDATED);
    static final Set<String> PORTAL_TYPES = Set.of(EventTypes.CALL_CREATED, EventTypes.CALL_UPDATED,
            EventTypes.CALL_OPENED, EventTypes.CALL_CLOSED, EventTypes.CALL_DECIDED, EventTypes.APPLICATION_DECIDED,
            EventTypes.PROGRESS_REPORTED, TEST_EVENT);

    private WebhookVisibility() {
    }

    /** Whether a subscriber of this role may ask for the type at all. */
    static boolean mayAskFor(String role, String type) {
        return Roles.ADMIN.equals(role) || PORTAL_TYPES.contains(type);
    }

    /** Whether this event, with this data, may go to a subscriber of the role. */
    static boolean mayReceive(String role, String type, JsonNode data) {
        if (Roles.ADMIN.equals(role)) {
            return true;
        }
        if (!PORTAL_TYPES.contains(type)) {
            return false;
        }
        // A call created or changed while it is a draft is not public yet.
        return !CALL_SNAPSHOTS.contains(type) || !"DRAFT".equals(data.path("status").asText());
    }
}
