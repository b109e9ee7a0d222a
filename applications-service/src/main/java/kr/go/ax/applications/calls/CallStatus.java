package kr.go.ax.applications.calls;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** DRAFT → OPEN → CLOSED → DECIDED. Funding rules are frozen from OPEN on. */
@Schema(description = "Lifecycle of a call: DRAFT -> OPEN -> CLOSED -> DECIDED; its rules are frozen from OPEN on")
public enum CallStatus {
    DRAFT, OPEN, CLOSED, DECIDED
}
