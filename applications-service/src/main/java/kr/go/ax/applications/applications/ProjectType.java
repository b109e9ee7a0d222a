package kr.go.ax.applications.applications;

/** The programme's project types. */
public enum ProjectType {
    AI_SOLUTION_DEVELOPMENT, SOLUTION_DISSEMINATION, AI_INFRASTRUCTURE, WORKFORCE_TRAINING
}
