package kr.go.ax.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** SQL against the suite's databases with the psql client, as the harnesses check what the services stored. */
final class Psql {
    private Psql() {
    }

    /** Rows of the result, columns separated by {@code |}. */
    static List<String> query(String database, String sql) throws IOException, InterruptedException {
        Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-At", "-v", "ON_ERROR_STOP=1",
                "-c", sql, database).redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + output);
        }
        return output.lines().filter(l -> !l.isBlank()).toList();
    }

    static long count(String database, String sql) throws IOException, InterruptedException {
        return Long.parseLong(query(database, sql).get(0));
    }
}
