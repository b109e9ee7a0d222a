package kr.go.ax.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body stream that stops at {@code max} bytes. Content-Length bodies are refused before they are read; this
 * catches chunked ones (which Quarkus's own limit does not count) while they stream, without buffering them.
 */
final class LimitedBody implements ReadStream<Buffer> {
    static final class TooLarge extends RuntimeException {
        TooLarge(long max) {
            super("request body over " + max + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long max;
    private long count;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    LimitedBody(ReadStream<Buffer> source, long max) {
        this.source = source;
        this.max = max;
    }

    long limit() {
        return max;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(buffer -> {
            if (exceeded) {
                return;
            }
            count += buffer.length();
            if (count > max) {
                exceeded = true;
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(max));
                }
                return;
            }
            handler.handle(buffer);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        source.endHandler(handler == null ? null : v -> {
            if (!exceeded) {
                handler.handle(v);
            }
        });
        return this;
    }

    boolean exceeded() {
        return exceeded;
    }
}
