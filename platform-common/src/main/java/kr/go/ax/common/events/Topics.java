package kr.go.ax.common.events;

/**
 * Kafka topics, one per producing aggregate family. Records are keyed by the aggregate id, so events of one aggregate
 * stay in order. Partition counts are set where the topics are created (bin/kafka, docker-compose.yml).
 */
public final class Topics {
    public static final String CALLS = "ax.calls";
    public static final String APPLICATIONS = "ax.applications";
    /**
     * Period reports of selected applications, keyed by application id. Apart from the application lifecycle: an upload
     * of 10,000 reports is 10,000 events that budget- and evaluation-service would otherwise fetch only to skip.
     */
    public static final String PROGRESS = "ax.progress";
    public static final String BUDGET = "ax.budget";
    public static final String EVALUATION = "ax.evaluation";

    private Topics() {
    }
}
