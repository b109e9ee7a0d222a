package kr.go.ax.system;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * nginx (Debian package) in front of one service, the reference the gateway is compared with: one worker, a keep-alive
 * upstream pool, no access log, no authentication of its own.
 */
final class NginxProxy implements AutoCloseable {
    final Process process;
    final int port;

    private NginxProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts nginx under system-tests/target/{@code name}. With a {@code token}, every request reaches the service
     * with that bearer token (as the gateway forwards its own); without one, the client's Authorization passes.
     */
    static NginxProxy start(String name, int servicePort, String token) throws Exception {
        Path binary = Stream.of("/usr/sbin/nginx", "/usr/bin/nginx").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "nginx is not installed: bin/bench installs the Debian package (apt-get install nginx)"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path prefix = Path.of(System.getProperty("ax.root", "..")).resolve("system-tests/target").resolve(name)
                .toAbsolutePath();
        Files.createDirectories(prefix.resolve("logs"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  # nginx closes a keep-alive connection after 1000 requests by default: a client would see it as an
                  # error, the gateway and the service keep theirs open.
                  keepalive_requests 10000000;
                  keepalive_timeout 300s;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  upstream service { server 127.0.0.1:%2$d; keepalive 64; keepalive_requests 10000000; }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://service;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      %4$s
                    }
                  }
                }
                """.formatted(prefix, servicePort, port,
                token == null ? "" : "proxy_set_header Authorization \"Bearer " + token + "\";"));
        Process process = new ProcessBuilder(binary.toString(), "-c", conf.toString(), "-p", prefix.toString(), "-g",
                "daemon off;").redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
        NginxProxy nginx = new NginxProxy(process, port);
        GatewayOverheadBenchmark.awaitListening(port, "nginx", prefix.resolve("logs"));
        return nginx;
    }

    /** Master and worker: the CPU of both is the proxy's. */
    List<ProcessHandle> processes() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
