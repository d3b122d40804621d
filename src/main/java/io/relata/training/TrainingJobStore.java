package io.relata.training;

import io.relata.model.TrainingSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training jobs in the store, so that their results outlive the process and any replica can report them. Status
 * changes are conditional updates, so a job cancelled while queued is never started and a finished job never changes.
 */
@Repository
class TrainingJobStore {

    private static final String COLUMNS = """
            id, status, settings, progress, epoch, epochs, loss, metrics, seconds_left, model_version, activated,
            activation_rule, activation_reason, error, cancel_requested, created_at, started_at, finished_at""";
    private static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    TrainingJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The options as stored: the activation by its wire name. */
    private record StoredOptions(TrainingSettings settings, double validationShare, String activate) {}

    /** Stores a new job as accepted by {@code owner}, with its first heartbeat. */
    void insert(TrainingJob job, String owner) {
        jdbc.sql("insert into training_job (" + COLUMNS + ", owner, heartbeat_at) values (:id, :status, :settings, "
                        + ":progress, :epoch, :epochs, :loss, :metrics, :secondsLeft, :modelVersion, :activated, "
                        + ":activationRule, :activationReason, :error, :cancelRequested, :createdAt, :startedAt, :finishedAt, "
                        + ":owner, :createdAt)")
                .param("owner", owner)
                .param("id", job.id())
                .param("status", job.status().wireName())
                .param("settings", json.writeValueAsString(new StoredOptions(job.options().settings(),
                        job.options().validationShare(), job.options().activation().wireName())))
                .param("progress", job.progress())
                .param("epoch", job.epoch())
                .param("epochs", job.epochs())
                .param("loss", job.loss())
                .param("metrics", metrics(job))
                .param("secondsLeft", job.secondsLeft())
                .param("modelVersion", job.modelVersion())
                .param("activated", job.activated())
                .param("activationRule", job.activationRule())
                .param("activationReason", clip(job.activationReason()))
                .param("error", clip(job.error()))
                .param("cancelRequested", job.cancelRequested())
                .param("createdAt", time(job.createdAt()))
                .param("startedAt", time(job.startedAt()))
                .param("finishedAt", time(job.finishedAt()))
                .update();
    }

    Optional<TrainingJob> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from training_job where id = ?").param(id).query(this::row).optional();
    }

    /** The most recently submitted jobs, newest first. */
    List<TrainingJob> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from training_job order by created_at desc, id limit :limit")
                .param("limit", limit).query(this::row).list();
    }

    /**
     * Claims the oldest queued job that no process owns (one an api process queued) for {@code owner}, with a first
     * heartbeat; empty when there is none or another process claimed it first.
     */
    Optional<TrainingJob> claimUnowned(String owner, Instant now) {
        Optional<String> id = jdbc.sql("select id from training_job where status = 'queued' and owner is null "
                        + "order by created_at, id limit 1")
                .query(String.class).optional();
        if (id.isEmpty() || jdbc.sql("update training_job set owner = ?, heartbeat_at = ? where id = ? and status = 'queued' "
                + "and owner is null").params(owner, time(now), id.get()).update() != 1) {
            return Optional.empty();
        }
        return find(id.get());
    }

    /** Queued → running; false when the job is no longer queued (it was cancelled meanwhile). */
    boolean start(String id, Instant now) {
        return jdbc.sql("update training_job set status = 'running', started_at = ? where id = ? and status = 'queued'")
                .params(time(now), id).update() == 1;
    }

    void progress(TrainingJob job) {
        jdbc.sql("""
                update training_job set progress = ?, epoch = ?, loss = ?, metrics = ?, seconds_left = ?, heartbeat_at = ?
                where id = ? and status = 'running'""")
                .params(job.progress(), job.epoch(), job.loss(), metrics(job), job.secondsLeft(), time(Instant.now()), job.id())
                .update();
    }

    /** Writes a finished job's outcome, unless it had already finished. */
    void finish(TrainingJob job) {
        jdbc.sql("""
                update training_job set status = ?, progress = ?, epoch = ?, loss = ?, metrics = ?, seconds_left = ?,
                    model_version = ?, activated = ?, activation_rule = ?, activation_reason = ?, error = ?,
                    cancel_requested = ?, finished_at = ?
                where id = ? and status in ('queued', 'running')""")
                .params(job.status().wireName(), job.progress(), job.epoch(), job.loss(), metrics(job), job.secondsLeft(),
                        job.modelVersion(), job.activated(), job.activationRule(), clip(job.activationReason()),
                        clip(job.error()), job.cancelRequested(), time(job.finishedAt()), job.id())
                .update();
    }

    /** Queued → cancelled; false when the job is no longer queued. */
    boolean cancelQueued(String id, Instant now) {
        return jdbc.sql("update training_job set status = 'cancelled', finished_at = ? where id = ? and status = 'queued'")
                .params(time(now), id).update() == 1;
    }

    /** Marks a running job for cancellation; whichever process runs it stops it at its next check. */
    boolean requestCancel(String id) {
        return jdbc.sql("update training_job set cancel_requested = true where id = ? and status = 'running'")
                .param(id).update() == 1;
    }

    boolean cancelRequested(String id) {
        return jdbc.sql("select cancel_requested from training_job where id = ?").param(id)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Tells other processes that these unfinished jobs still have a live process behind them. */
    void heartbeat(Collection<String> ids, Instant now) {
        if (!ids.isEmpty()) {
            jdbc.sql("update training_job set heartbeat_at = :now where id in (:ids) and status in ('queued', 'running')")
                    .param("now", time(now)).param("ids", ids).update();
        }
    }

    /**
     * Fails the queued or running jobs, but {@code except}, whose process is gone: those of {@code owner} (this host,
     * restarted; null for none) and those whose heartbeat is older than {@code staleBefore} or missing. Jobs no process
     * has claimed yet wait for one and are left alone. Returns how many.
     */
    int failAbandoned(Collection<String> except, String owner, Instant staleBefore, String why, Instant now) {
        String keep = except.isEmpty() ? "" : " and id not in (:except)";
        JdbcClient.StatementSpec update = jdbc.sql("""
                update training_job set status = 'failed', error = :error, finished_at = :now, seconds_left = null,
                    cancel_requested = false
                where status in ('queued', 'running') and not (status = 'queued' and owner is null)
                  and (owner = :owner or heartbeat_at is null or heartbeat_at < :staleBefore)""" + keep)
                .param("error", why)
                .param("now", time(now))
                .param("owner", owner)
                .param("staleBefore", time(staleBefore));
        return (except.isEmpty() ? update : update.param("except", except)).update();
    }

    private TrainingJob row(ResultSet rs, int rowNumber) throws SQLException {
        StoredOptions stored = json.readValue(rs.getString("settings"), StoredOptions.class);
        String metrics = rs.getString("metrics");
        return new TrainingJob(
                rs.getString("id"),
                JobStatus.fromWire(rs.getString("status")),
                new TrainingOptions(stored.settings(), stored.validationShare(), Activation.fromWire(stored.activate())),
                rs.getDouble("progress"),
                rs.getInt("epoch"),
                rs.getInt("epochs"),
                nullable(rs, "loss"),
                metrics == null ? null : json.readValue(metrics, TrainingMetrics.class),
                nullable(rs, "seconds_left"),
                rs.getString("model_version"),
                rs.getBoolean("activated"),
                rs.getString("activation_rule"),
                rs.getString("activation_reason"),
                rs.getString("error"),
                rs.getBoolean("cancel_requested"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private String metrics(TrainingJob job) {
        return job.metrics() == null ? null : json.writeValueAsString(job.metrics());
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
