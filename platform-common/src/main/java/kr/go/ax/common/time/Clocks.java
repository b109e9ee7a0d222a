package kr.go.ax.common.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The server clock in UTC; deadlines are judged by it, never by a time the client sends. */
public class Clocks {
    @Produces
    @Singleton
    Clock utc() {
        return Clock.systemUTC();
    }
}
