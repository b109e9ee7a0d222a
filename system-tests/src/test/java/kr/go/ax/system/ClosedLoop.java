package kr.go.ax.system;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Closed-loop load for the benchmarks: {@code concurrency} threads each send their share of requests back to back. */
final class ClosedLoop {
    private ClosedLoop() {
    }

    record Outcome(int requests, double seconds, List<Long> latenciesNanos) {
        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            List<Long> sorted = new ArrayList<>(latenciesNanos);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    /** Sends {@code request} {@code requests} times; any answer but 200 stops the run with the answer's status. */
    static Outcome run(String name, HttpRequest request, int concurrency, int requests) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < requests / concurrency; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(name + ": " + response.statusCode() + " " + response.body());
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Outcome(latencies.size(), (System.nanoTime() - start) / 1e9, latencies);
    }
}
