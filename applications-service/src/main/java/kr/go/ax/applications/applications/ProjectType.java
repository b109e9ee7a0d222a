package kr.go.ax.applications.applications;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The programme's project types. */
@Schema(description = "The programme's project types")
public enum ProjectType {
    AI_SOLUTION_DEVELOPMENT, SOLUTION_DISSEMINATION, AI_INFRASTRUCTURE, WORKFORCE_TRAINING
}
