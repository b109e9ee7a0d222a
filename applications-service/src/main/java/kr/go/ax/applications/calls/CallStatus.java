package kr.go.ax.applications.calls;

/** DRAFT → OPEN → CLOSED → DECIDED. Funding rules are frozen from OPEN on. */
public enum CallStatus {
    DRAFT, OPEN, CLOSED, DECIDED
}
