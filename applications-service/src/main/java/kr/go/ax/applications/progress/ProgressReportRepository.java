package kr.go.ax.applications.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import kr.go.ax.applications.applications.ApplicationStatus;
import org.hibernate.Session;

/**
 * Period reports. Reads for the API go through Hibernate; the upload path (thousands of reports a request) uses plain
 * JDBC: it reads only the columns its checks need and writes a whole chunk with one {@code INSERT … ON CONFLICT}
 * over arrays, where Hibernate spent its time loading, tracking and dirty-checking entities.
 */
@ApplicationScoped
public class ProgressReportRepository implements PanacheRepositoryBase<ProgressReport, UUID> {
    private static final String COLUMNS = "id, application_id, call_id, region_code, period, period_start, period_end,"
            + " external_id, smes_supported, solutions_deployed, trainees_trained, ai_adoption_pct,"
            + " local_vendor_share_pct, jobs_created, correction, narrative, milestones, content_sha256, revision,"
            + " created_at, updated_at, updated_by";

    /** What the checks of a report need to know of its application, read under the application's row lock. */
    public record ReportedApplication(UUID id, String regionCode, ApplicationStatus status, UUID callId, int projects,
            List<Integer> fiscalYears) {
    }

    private final EntityManager entityManager;
    private final ObjectReader milestonesReader;
    private final ObjectMapper objectMapper;

    public ProgressReportRepository(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.milestonesReader = objectMapper.readerForListOf(ProgressReportInput.Milestone.class);
    }

    public List<ProgressReport> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by periodEnd, periodStart", applicationId);
    }

    public List<ProgressReport> ofCall(UUID callId) {
        return list("callId = ?1 order by regionCode, periodEnd, periodStart", callId);
    }

    /**
     * Locks the applications (in id order, so two uploads naming the same applications cannot deadlock) and reads
     * what the checks need, with their call's fiscal years. Ids that name no application are absent.
     */
    public Map<UUID, ReportedApplication> lockApplications(List<UUID> sortedIds) {
        return jdbc(connection -> {
            Map<UUID, ReportedApplication> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT a.id, a.region_code, a.status, a.call_id,
                           CASE WHEN jsonb_typeof(a.content -> 'projects') = 'array'
                                THEN jsonb_array_length(a.content -> 'projects') ELSE 0 END, -- a draft may hold null
                           CAST(c.fiscal_years AS text)
                    FROM application a JOIN programme_call c ON c.id = a.call_id
                    WHERE a.id = ANY (?) ORDER BY a.id FOR UPDATE OF a""")) {
                select.setArray(1, connection.createArrayOf("uuid", sortedIds.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        found.put(id, new ReportedApplication(id, rows.getString(2),
                                ApplicationStatus.valueOf(rows.getString(3)), rows.getObject(4, UUID.class),
                                rows.getInt(5), fiscalYears(rows.getString(6))));
                    }
                }
            }
            return found;
        });
    }

    /** The stored reports of the applications, as detached objects, each application's oldest period first. */
    public Map<UUID, List<ProgressReport>> ofApplications(Collection<UUID> applicationIds) {
        return jdbc(connection -> {
            Map<UUID, List<ProgressReport>> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS.replace("milestones",
                    "CAST(milestones AS text)") + " FROM progress_report WHERE application_id = ANY (?)"
                    + " ORDER BY period_end, period_start")) {
                select.setArray(1, connection.createArrayOf("uuid", applicationIds.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ProgressReport r = read(rows);
                        found.computeIfAbsent(r.applicationId, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            return found;
        });
    }

    /**
     * Writes new and changed reports in one statement: a report of a new period is inserted, one of a stored period
     * replaces its row's content (id and creation time stay). The caller holds the applications' locks.
     */
    public void upsert(List<ProgressReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        jdbc(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO progress_report (" + COLUMNS
                    + ") SELECT id, application_id, call_id, region_code, period, CAST(period_start AS date),"
                    + " CAST(period_end AS date), external_id, smes_supported, solutions_deployed, trainees_trained, ai_adoption_pct,"
                    + " local_vendor_share_pct, jobs_created, correction, narrative, CAST(milestones AS jsonb),"
                    + " content_sha256, revision, CAST(created_at AS timestamptz), CAST(updated_at AS timestamptz),"
                    + " updated_by FROM unnest(?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS r (" + COLUMNS + ")"
                    + " ON CONFLICT (application_id, period) DO UPDATE SET external_id = EXCLUDED.external_id,"
                    + " smes_supported = EXCLUDED.smes_supported, solutions_deployed = EXCLUDED.solutions_deployed,"
                    + " trainees_trained = EXCLUDED.trainees_trained, ai_adoption_pct = EXCLUDED.ai_adoption_pct,"
                    + " local_vendor_share_pct = EXCLUDED.local_vendor_share_pct,"
                    + " jobs_created = EXCLUDED.jobs_created, correction = EXCLUDED.correction,"
                    + " narrative = EXCLUDED.narrative, milestones = EXCLUDED.milestones,"
                    + " content_sha256 = EXCLUDED.content_sha256, revision = EXCLUDED.revision,"
                    + " updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by")) {
                int i = 1;
                upsert.setArray(i++, array(connection, "uuid", reports, r -> r.id));
                upsert.setArray(i++, array(connection, "uuid", reports, r -> r.applicationId));
                upsert.setArray(i++, array(connection, "uuid", reports, r -> r.callId));
                upsert.setArray(i++, array(connection, "text", reports, r -> r.regionCode));
                upsert.setArray(i++, array(connection, "text", reports, r -> r.period));
                upsert.setArray(i++, array(connection, "text", reports, r -> r.periodStart.toString()));
                upsert.setArray(i++, array(connection, "text", reports, r -> r.periodEnd.toString()));
                upsert.setArray(i++, array(connection, "text", reports, r -> r.externalId));
                upsert.setArray(i++, array(connection, "int4", reports, r -> r.smesSupported));
                upsert.setArray(i++, array(connection, "int4", reports, r -> r.solutionsDeployed));
                upsert.setArray(i++, array(connection, "int4", reports, r -> r.traineesTrained));
                upsert.setArray(i++, array(connection, "numeric", reports, r -> r.aiAdoptionPct));
                upsert.setArray(i++, array(connection, "numeric", reports, r -> r.localVendorSharePct));
                upsert.setArray(i++, array(connection, "int4", reports, r -> r.jobsCreated));
                upsert.setArray(i++, array(connection, "bool", reports, r -> r.correction));
                upsert.setArray(i++, array(connection, "text", reports, r -> r.narrative));
                upsert.setArray(i++, array(connection, "text", reports, r -> json(r.milestones)));
                upsert.setArray(i++, array(connection, "text", reports, r -> r.contentSha256));
                upsert.setArray(i++, array(connection, "int4", reports, r -> r.revision));
                upsert.setArray(i++, array(connection, "text", reports, r -> r.createdAt.toString()));
                upsert.setArray(i++, array(connection, "text", reports, r -> r.updatedAt.toString()));
                upsert.setArray(i, array(connection, "text", reports, r -> r.updatedBy));
                upsert.executeUpdate();
            }
            return null;
        });
    }

    private ProgressReport read(ResultSet rows) throws SQLException {
        ProgressReport r = new ProgressReport();
        r.id = rows.getObject("id", UUID.class);
        r.applicationId = rows.getObject("application_id", UUID.class);
        r.callId = rows.getObject("call_id", UUID.class);
        r.regionCode = rows.getString("region_code");
        r.period = rows.getString("period");
        r.periodStart = rows.getObject("period_start", java.time.LocalDate.class);
        r.periodEnd = rows.getObject("period_end", java.time.LocalDate.class);
        r.externalId = rows.getString("external_id");
        r.smesSupported = rows.getInt("smes_supported");
        r.solutionsDeployed = rows.getInt("solutions_deployed");
        r.traineesTrained = rows.getInt("trainees_trained");
        r.aiAdoptionPct = rows.getBigDecimal("ai_adoption_pct");
        r.localVendorSharePct = rows.getBigDecimal("local_vendor_share_pct");
        r.jobsCreated = rows.getInt("jobs_created");
        r.correction = rows.getBoolean("correction");
        r.narrative = rows.getString("narrative");
        try {
            r.milestones = milestonesReader.readValue(rows.getString("milestones"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored milestones of report " + r.id + " are not valid JSON", e);
        }
        r.contentSha256 = rows.getString("content_sha256");
        r.revision = rows.getInt("revision");
        r.createdAt = rows.getObject("created_at", java.time.OffsetDateTime.class).toInstant();
        r.updatedAt = rows.getObject("updated_at", java.time.OffsetDateTime.class).toInstant();
        r.updatedBy = rows.getString("updated_by");
        return r;
    }

    private List<Integer> fiscalYears(String json) {
        try {
            return List.of(objectMapper.readValue(json, Integer[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored fiscal years are not a JSON array of years: " + json, e);
        }
    }

    private String json(List<ProgressReportInput.Milestone> milestones) {
        try {
            return objectMapper.writeValueAsString(milestones);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Milestones cannot be serialized", e);
        }
    }

    private static Array array(Connection connection, String type, List<ProgressReport> reports,
            Function<ProgressReport, Object> column) throws SQLException {
        Object[] values = new Object[reports.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(reports.get(i));
        }
        return connection.createArrayOf(type, values);
    }

    /** Runs JDBC work on the transaction's connection. */
    private <T> T jdbc(org.hibernate.jdbc.ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }
}
